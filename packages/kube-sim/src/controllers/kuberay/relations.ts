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

import type { ClusterObjects } from '../../cluster/objects';
import type { StoreEvent } from '../../store';
import type { KubeObject } from '../../util';
import { objKey } from '../context';
import { RAY_CLUSTER_LABEL } from './names';

/*
 * What KubeRay's controllers watch besides their own kind (SetupWithManager: Owns(Pod),
 * Owns(RayCluster), …): a pod's change reconciles its RayCluster, a RayCluster's change its
 * RayJob or RayService (owner, or users through clusterSelector / status).
 */

function byStatusCluster(
  objects: ClusterObjects,
  resource: string,
  ns: string,
  name: string,
) {
  const t = objects.registry.getByResource('ray.io', resource);
  if (!t) return [];
  return objects.store
    .list(t, { namespace: ns })
    .entries.map(e => e.obj)
    .filter((o: KubeObject) => {
      const s = o.status ?? {};
      return (
        s.rayClusterName === name ||
        s.activeServiceStatus?.rayClusterName === name ||
        s.pendingServiceStatus?.rayClusterName === name
      );
    })
    .map(o => objKey('ray.io', resource, ns, o.metadata.name));
}

/** The RayJobs and RayServices that use a RayCluster. */
export function clusterUsers(
  objects: ClusterObjects,
  ns: string,
  name: string,
): string[] {
  return [
    ...byStatusCluster(objects, 'rayjobs', ns, name),
    ...byStatusCluster(objects, 'rayservices', ns, name),
  ];
}

/** The Ray objects to reconcile after a store event. */
export function relatedRayKeys(
  objects: ClusterObjects,
  ev: StoreEvent,
): string[] {
  const ns = ev.obj.metadata?.namespace ?? '';
  if (ev.group === '' && ev.resource === 'pods') {
    const cluster = ev.obj.metadata?.labels?.[RAY_CLUSTER_LABEL];
    return cluster ? [objKey('ray.io', 'rayclusters', ns, cluster)] : [];
  }
  if (ev.group === 'ray.io' && ev.resource === 'rayclusters') {
    const owners = (ev.obj.metadata?.ownerReferences ?? [])
      .filter(
        (o: KubeObject) =>
          o.controller && ['RayJob', 'RayService'].includes(o.kind),
      )
      .map((o: KubeObject) =>
        objKey(
          'ray.io',
          o.kind === 'RayJob' ? 'rayjobs' : 'rayservices',
          ns,
          o.name,
        ),
      );
    return [...owners, ...clusterUsers(objects, ns, ev.obj.metadata.name)];
  }
  return [];
}
