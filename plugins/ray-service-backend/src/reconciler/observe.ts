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

import { KindNotServedError } from '../kubernetes/requestErrors';
import type { ObjectClient, ObservedObject } from '../kubernetes/ObjectClient';
import { PlannedKind, managedSelector } from '../vocabulary';
import { kindKeyOf, tenantOf } from './objects';

/** What exists on the host cluster, as far as it could be listed. */
export interface Observation {
  /** Managed objects by their tenant label. */
  byTenant: Map<string, ObservedObject[]>;
  /** Kinds (`apiVersion/kind`) whose list failed, with the error message. */
  failedKinds: Map<string, string>;
}

export function emptyObservation(): Observation {
  return { byTenant: new Map(), failedKinds: new Map() };
}

/** Groups objects by tenant label; objects without one are not a tenant's. */
export function indexByTenant(
  objects: ObservedObject[],
): Map<string, ObservedObject[]> {
  const byTenant = new Map<string, ObservedObject[]>();
  for (const object of objects) {
    const tenant = tenantOf(object);
    if (tenant) {
      byTenant.set(tenant, [...(byTenant.get(tenant) ?? []), object]);
    }
  }
  return byTenant;
}

/**
 * Lists every planned kind once, cluster-wide, by the managed-by label and
 * the portal's instance label: the cost of a pass does not grow with the
 * number of tenants, and the objects of other portals sharing the cluster
 * (other instances) are invisible, so they are never pruned nor torn down.
 * A kind the cluster does not serve has no objects; a failed list is
 * recorded so that nothing of that kind is judged (or deleted) on missing
 * information.
 */
export async function observe(
  client: ObjectClient,
  instance: string,
  kinds: readonly PlannedKind[],
): Promise<Observation> {
  const labelSelector = managedSelector({ instance });
  const failedKinds = new Map<string, string>();
  const lists = await Promise.all(
    kinds.map(async kind => {
      try {
        return await client.list(kind.apiVersion, kind.kind, {
          labelSelector,
        });
      } catch (error) {
        if (!(error instanceof KindNotServedError)) {
          failedKinds.set(kindKeyOf(kind), (error as Error).message);
        }
        return [];
      }
    }),
  );
  return { byTenant: indexByTenant(lists.flat()), failedKinds };
}
