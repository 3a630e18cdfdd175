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

import {
  GpuModelName,
  parseQuantity,
  RayClusterSpec,
  WorkerGpu,
} from '@ray-service/plugin-ray-service-common';
import type { FieldProblem, WorkloadContext } from './context';

/** Amounts by resource name as a quota counts them: `cpu` in millicores, `memory` in bytes, extended resources in units. */
export type ResourceAmounts = Record<string, number>;

/**
 * The resource a worker's GPUs are requested as: what the tenant's profile
 * partitions the model into (whole GPUs and time-sliced shares are
 * `nvidia.com/gpu`, MIG slices `nvidia.com/mig-<profile>`).
 */
export function gpuResourceName(
  gpu: WorkerGpu,
  profile: WorkloadContext['profile'],
): string | undefined {
  const offered = profile.resources.some(group => group.gpuModel === gpu.model);
  if (!offered) {
    return undefined;
  }
  const partitioning = profile.partitioning[gpu.model as GpuModelName];
  return partitioning?.mode === 'mig'
    ? `nvidia.com/mig-${partitioning.profile}`
    : 'nvidia.com/gpu';
}

/** The GPU models a profile offers, for messages. */
export function offeredGpuModels(
  profile: WorkloadContext['profile'],
): string[] {
  return [...new Set(profile.resources.flatMap(group => group.gpuModel ?? []))];
}

/** Why a worker group's GPUs cannot be had in the tenant, if they cannot. */
export function gpuProblems(
  spec: RayClusterSpec,
  profile: WorkloadContext['profile'],
  at: (string | number)[],
): FieldProblem[] {
  return spec.workerGroups.flatMap((group, index) => {
    if (!group.gpu || gpuResourceName(group.gpu, profile)) {
      return [];
    }
    const offered = offeredGpuModels(profile);
    return [
      {
        path: [...at, 'workerGroups', index, 'gpu', 'model'],
        message: `the tenant's profile offers no ${group.gpu.model} GPUs (${
          offered.length ? `it offers ${offered.join(', ')}` : 'it has no GPUs'
        })`,
      },
    ];
  });
}

/** What one node of a group asks for, in quota units. */
export function nodeRequest(
  node: { cpu: string; memory: string; gpu?: WorkerGpu },
  profile: WorkloadContext['profile'],
): ResourceAmounts {
  const amounts: ResourceAmounts = {
    cpu: parseQuantity(node.cpu, 'cpu'),
    memory: parseQuantity(node.memory, 'memory'),
  };
  const gpuResource = node.gpu && gpuResourceName(node.gpu, profile);
  if (node.gpu && gpuResource) {
    amounts[gpuResource] = node.gpu.count;
  }
  return amounts;
}

/** How many workers a group runs at least and at most. */
export function replicaBounds(group: RayClusterSpec['workerGroups'][number]) {
  const min = group.minReplicas ?? 0;
  const max = group.maxReplicas ?? Math.max(group.replicas, min);
  return { min, max };
}
