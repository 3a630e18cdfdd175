/*
 * Copyright 2026 The Ray as a Service for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { namespacePodUsage } from '../podQuota';
import { formatQuantity, parseQuantity } from '../quantity';
import type { StoreEvent } from '../store';
import type { KubeObject } from '../util';
import { ControllerContext, objKey } from './context';

/*
 * kube-controller-manager's resource quota controller, for pods: `status.hard` is the
 * spec's, `status.used` what the namespace's pods that count use of each hard key, in the
 * hard quantity's format (other objects — PVCs, Services — count 0 here).
 */

export function reconcileResourceQuota(
  ctx: ControllerContext,
  quota: KubeObject,
): void {
  const hard: Record<string, string> = quota.spec?.hard ?? {};
  const usage = namespacePodUsage(ctx.cluster, quota.metadata.namespace);
  const used = Object.fromEntries(
    Object.keys(hard)
      .sort()
      .map(key => [
        key,
        formatQuantity({
          value: usage[key] ?? 0,
          format: parseQuantity(hard[key])?.format ?? 'DecimalSI',
        }),
      ]),
  );
  const status = { hard: { ...hard }, used };
  if (JSON.stringify(status) !== JSON.stringify(quota.status))
    ctx.cluster.putObject({ ...quota, status });
}

/** A pod came, changed or went: the quotas of its namespace count again. */
export function quotasToRecount(
  ctx: ControllerContext,
  ev: StoreEvent,
): string[] {
  if (ev.group !== '' || ev.resource !== 'pods') return [];
  const namespace = ev.obj.metadata?.namespace;
  return ctx.cluster.store
    .list(ctx.cluster.typeFor('v1', 'ResourceQuota'), { namespace })
    .entries.map(e =>
      objKey('', 'resourcequotas', namespace, e.obj.metadata.name),
    );
}
