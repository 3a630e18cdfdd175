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

import { createHash } from 'node:crypto';
import type { KubeObject } from '../../util';
import { KUBERAY_VERSION } from './names';
import { ownedRayCluster } from './ownedCluster';

/*
 * The RayClusters of a RayService (KubeRay v1.7.0 rayservice_controller.go
 * constructRayClusterForRayService, shouldUpdateCluster, shouldPrepareNewCluster,
 * isZeroDowntimeUpgradeEnabled; utils GenerateHashWithoutReplicasAndWorkersToDelete): a
 * cluster remembers the hash of the spec it was made from, ignoring replicas, min/max,
 * workersToDelete, tolerations and scheduling gates. A change of only those fields changes
 * nothing; appended worker groups update the cluster in place; any other change prepares a
 * new cluster, unless the upgrade strategy is `None` (then the change is not applied).
 */

const HASH = 'ray.io/hash-without-replicas-and-workers-to-delete';
const GROUPS = 'ray.io/num-worker-groups';
const VERSION = 'ray.io/kuberay-version';

function specHash(spec: KubeObject, groups?: number): string {
  const s = structuredClone(spec ?? {});
  delete s.suspend;
  delete s.upgradeStrategy;
  const podSpec = (g: KubeObject) => {
    if (g?.template?.spec) {
      delete g.template.spec.tolerations;
      delete g.template.spec.schedulingGates;
    }
  };
  podSpec(s.headGroupSpec);
  s.workerGroupSpecs = (s.workerGroupSpecs ?? [])
    .slice(0, groups)
    .map((g: KubeObject) => {
      delete g.replicas;
      delete g.minReplicas;
      delete g.maxReplicas;
      if (g.scaleStrategy) delete g.scaleStrategy.workersToDelete;
      podSpec(g);
      return g;
    });
  return createHash('sha1').update(JSON.stringify(s)).digest('base64');
}

/** `constructRayClusterForRayService`. */
export function serviceCluster(
  rayService: KubeObject,
  name: string,
): KubeObject {
  const spec = rayService.spec?.rayClusterConfig ?? {};
  return ownedRayCluster(rayService, name, spec, {
    annotations: {
      [HASH]: specHash(spec),
      [GROUPS]: String((spec.workerGroupSpecs ?? []).length),
      [VERSION]: KUBERAY_VERSION,
    },
  });
}

/** `isClusterSpecHashEqual`: the cluster was made from this spec (partly: its own worker groups). */
function sameSpec(
  rayService: KubeObject,
  cluster: KubeObject,
  partial: boolean,
): boolean {
  const annotations = cluster.metadata.annotations ?? {};
  const spec = rayService.spec?.rayClusterConfig ?? {};
  if (!partial) return annotations[HASH] === specHash(spec);
  const groups = Number(annotations[GROUPS]);
  if (
    !Number.isInteger(groups) ||
    (spec.workerGroupSpecs ?? []).length < groups
  )
    return false;
  return annotations[HASH] === specHash(spec, groups);
}

/** `shouldUpdateCluster`: scale or append worker groups in place. */
export function shouldUpdateInPlace(
  rayService: KubeObject,
  cluster: KubeObject | undefined,
  active: boolean,
  upgrading: boolean,
): boolean {
  if (!cluster) return false;
  if (active && upgrading) return false;
  if (active && cluster.metadata.annotations?.[VERSION] !== KUBERAY_VERSION)
    return true;
  // a spec that differs only in replicas hashes the same: KubeRay leaves those to the autoscaler
  if (sameSpec(rayService, cluster, false)) return false;
  return sameSpec(rayService, cluster, true);
}

/** `shouldPrepareNewCluster`. */
export function shouldPrepareNewCluster(
  rayService: KubeObject,
  active: KubeObject | undefined,
  pending: KubeObject | undefined,
  pendingServing: boolean,
): boolean {
  if (pendingServing) return false;
  if (!active && !pending) return true;
  const cluster = (pending ?? active)!;
  if (
    sameSpec(rayService, cluster, false) ||
    sameSpec(rayService, cluster, true)
  )
    return false;
  return (rayService.spec?.upgradeStrategy?.type ?? 'NewCluster') !== 'None';
}

/** The cluster rebuilt from the RayService (`modifyRayCluster`), keeping its `suspend`. */
export function updatedCluster(
  rayService: KubeObject,
  cluster: KubeObject,
): KubeObject {
  const goal = serviceCluster(rayService, cluster.metadata.name);
  return {
    ...cluster,
    metadata: {
      ...cluster.metadata,
      labels: goal.metadata.labels,
      annotations: goal.metadata.annotations,
    },
    spec: { ...goal.spec, suspend: cluster.spec?.suspend },
  };
}
