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

import type { ClusterObjects } from './cluster/objects';
import { formatQuantity, parseQuantity, quantityValue } from './quantity';
import type { KubeObject } from './util';

/*
 * The ResourceQuota admission check for a new pod (kube-apiserver's quota plugin, pods only):
 * what the pod requests plus what the namespace's running pods use may not exceed any `hard`
 * limit, and a quota on CPU or memory requires every container to say its amount. kube-sim
 * applies it to the pods its controllers create.
 */

/** The quota keys a pod counts against, with its amount. */
function podUsage(pod: KubeObject): Record<string, number> {
  const usage: Record<string, number> = { pods: 1, 'count/pods': 1 };
  for (const c of pod.spec?.containers ?? []) {
    for (const kind of ['requests', 'limits'] as const) {
      for (const [resource, q] of Object.entries<string>(
        c.resources?.[kind] ?? {},
      )) {
        const key = `${kind}.${resource}`;
        usage[key] = (usage[key] ?? 0) + quantityValue(q);
        if (
          kind === 'requests' &&
          (resource === 'cpu' || resource === 'memory')
        )
          usage[resource] = (usage[resource] ?? 0) + quantityValue(q);
      }
    }
  }
  return usage;
}

function counts(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return (
    phase !== 'Succeeded' &&
    phase !== 'Failed' &&
    !pod.metadata?.deletionTimestamp
  );
}

/** What the namespace's pods that count (not finished, not being deleted) use, per quota key. */
export function namespacePodUsage(
  objects: ClusterObjects,
  namespace: string,
): Record<string, number> {
  const used: Record<string, number> = {};
  for (const p of objects.store.list(objects.typeFor('v1', 'Pod'), {
    namespace,
  }).entries) {
    if (!counts(p.obj)) continue;
    for (const [k, v] of Object.entries(podUsage(p.obj)))
      used[k] = (used[k] ?? 0) + v;
  }
  return used;
}

/** Containers that do not say the amount a compute quota key needs. */
function unspecified(pod: KubeObject, key: string): string[] {
  const [kind, resource] = key.includes('.')
    ? key.split(/\.(.*)/)
    : ['requests', key];
  if (resource !== 'cpu' && resource !== 'memory') return [];
  return (pod.spec?.containers ?? [])
    .filter((c: KubeObject) => c.resources?.[kind]?.[resource] === undefined)
    .map((c: KubeObject) => String(c.name));
}

/** The Forbidden message the API server would answer for creating the pod, if any. */
export function podQuotaError(
  objects: ClusterObjects,
  pod: KubeObject,
): string | undefined {
  const ns = pod.metadata.namespace;
  const quotas = objects.store
    .list(objects.typeFor('v1', 'ResourceQuota'), { namespace: ns })
    .entries.map(e => e.obj);
  if (!quotas.length) return undefined;
  const name = pod.metadata.name ?? pod.metadata.generateName;
  const requested = podUsage(pod);
  const used = namespacePodUsage(objects, ns);
  for (const quota of quotas) {
    const hard: Record<string, string> = quota.spec?.hard ?? {};
    const keys = Object.keys(hard).sort();
    const missing = keys
      .map(k => [k, unspecified(pod, k)] as const)
      .filter(([, containers]) => containers.length);
    if (missing.length)
      return `pods "${name}" is forbidden: failed quota: ${
        quota.metadata.name
      }: must specify ${missing
        .map(([k, containers]) => `${k} for: ${containers.join(',')}`)
        .join('; ')}`;
    const exceeded = keys.filter(
      k =>
        (requested[k] ?? 0) > 0 &&
        (used[k] ?? 0) + requested[k] > quantityValue(hard[k]),
    );
    if (exceeded.length) {
      const show = (values: Record<string, number>) =>
        exceeded
          .map(k => {
            const format = parseQuantity(hard[k])?.format ?? 'DecimalSI';
            return `${k}=${formatQuantity({ value: values[k] ?? 0, format })}`;
          })
          .join(',');
      const limited = exceeded.map(k => `${k}=${hard[k]}`).join(',');
      return `pods "${name}" is forbidden: exceeded quota: ${
        quota.metadata.name
      }, requested: ${show(requested)}, used: ${show(
        used,
      )}, limited: ${limited}`;
    }
  }
  return undefined;
}
