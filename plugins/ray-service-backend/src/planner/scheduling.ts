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

import type { IsolationMode } from '@ray-service/plugin-ray-service-common';
import { volcanoQueueName } from '../vocabulary';

/**
 * How a tenant's Ray pods end up in its Volcano queue.
 *
 * - On the tenant Namespace, the annotation `scheduling.volcano.sh/queue-name`
 *   makes Volcano's PodGroup admission put every PodGroup created without a
 *   queue into the tenant's queue (both isolation modes).
 * - Namespace mode: the KubeRay operator runs with `batchScheduler.name:
 *   volcano`; RayClusters carry {@link rayClusterSchedulingLabels}, so KubeRay
 *   creates one PodGroup per cluster (gang scheduling) in the tenant's queue.
 * - vcluster mode: KubeRay runs inside the vcluster without a batch scheduler
 *   (Volcano's PodGroups would be invisible to the host). Ray pod templates set
 *   `schedulerName: volcano` and the queue annotation themselves (see
 *   {@link raySchedulingFor}); the host's Volcano then gives every synced pod
 *   its own PodGroup in the tenant's queue: quota and fair share, no gang.
 */

export const VOLCANO_SCHEDULER_NAME = 'volcano';
/** Pod and Namespace annotation naming a Volcano queue. */
export const VOLCANO_QUEUE_ANNOTATION = 'scheduling.volcano.sh/queue-name';
/** RayCluster label KubeRay copies into the PodGroup's queue. */
export const KUBERAY_QUEUE_LABEL = 'volcano.sh/queue-name';
/** RayCluster label selecting KubeRay's batch scheduler. */
export const KUBERAY_SCHEDULER_LABEL = 'ray.io/scheduler-name';

/** The labels a RayCluster in a namespace-mode tenant carries. */
export function rayClusterSchedulingLabels(
  tenantName: string,
): Record<string, string> {
  return {
    [KUBERAY_SCHEDULER_LABEL]: VOLCANO_SCHEDULER_NAME,
    [KUBERAY_QUEUE_LABEL]: volcanoQueueName(tenantName),
  };
}

export interface RayScheduling {
  /** Labels for the RayCluster (RayJob/RayService: their cluster spec). */
  rayClusterLabels: Record<string, string>;
  /** Fields for every head and worker pod template. */
  podTemplate: {
    schedulerName?: string;
    annotations: Record<string, string>;
  };
}

/** What a Ray cluster of a tenant needs to be scheduled by its Volcano queue. */
export function raySchedulingFor(
  isolation: IsolationMode,
  tenantName: string,
): RayScheduling {
  if (isolation === 'namespace') {
    return {
      rayClusterLabels: rayClusterSchedulingLabels(tenantName),
      podTemplate: { annotations: {} },
    };
  }
  return {
    rayClusterLabels: {},
    podTemplate: {
      schedulerName: VOLCANO_SCHEDULER_NAME,
      annotations: {
        [VOLCANO_QUEUE_ANNOTATION]: volcanoQueueName(tenantName),
      },
    },
  };
}
