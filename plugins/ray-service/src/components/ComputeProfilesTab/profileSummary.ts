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
  Allocation,
  computeProfileInputSchema,
  Partitioning,
  ResourceGroup,
  resourceGroupTotals,
  ResourceTotals,
  profileResourceTotals,
} from '@ray-service/plugin-ray-service-common';
import { draftToProfileInput, ProfileDraft } from './profileForm';

/** `8 CPU · 32Gi memory · 100Gi storage` */
export function describeQuantities(totals: ResourceTotals): string {
  return `${totals.cpu} CPU · ${totals.memory} memory · ${totals.storage} storage`;
}

/** `7 × nvidia.com/mig-1g.5gb`, several joined with `+`. */
export function describeExtendedResources(
  extended: Record<string, number>,
): string {
  return Object.entries(extended)
    .map(([resourceName, count]) => `${count} × ${resourceName}`)
    .join(' + ');
}

function describePartitioning(partitioning: Partitioning[keyof Partitioning]) {
  switch (partitioning?.mode) {
    case 'mig':
      return ` as MIG ${partitioning.profile}`;
    case 'timeSlicing':
      return ` time-sliced ${partitioning.replicas} ways`;
    default:
      return '';
  }
}

/**
 * A group's GPUs and what they amount to, e.g.
 * `1 × A100-40GB as MIG 1g.5gb = 7 × nvidia.com/mig-1g.5gb`.
 */
export function describeGpus(
  group: ResourceGroup,
  partitioning: Partitioning,
): string | undefined {
  if (!group.gpuModel || !group.gpuCount) {
    return undefined;
  }
  const { extended } = resourceGroupTotals(group, partitioning);
  return `${group.gpuCount} × ${group.gpuModel}${describePartitioning(
    partitioning[group.gpuModel],
  )} = ${describeExtendedResources(extended)}`;
}

/** `On demand`, or `Warm pool of 2 (Europe/Berlin), 1 window`. */
export function describeAllocation(allocation: Allocation): string {
  if (allocation.strategy === 'onDemand') {
    return 'On demand';
  }
  const windows = allocation.windows?.length ?? 0;
  return `Warm pool of ${allocation.desiredCapacity} (${allocation.timezone})${
    windows ? `, ${windows} window${windows === 1 ? '' : 's'}` : ''
  }`;
}

export interface ResourcePreview {
  groups: { resources: string; gpus?: string }[];
  total: ResourceTotals;
}

const { resources: resourcesSchema, partitioning: partitioningSchema } =
  computeProfileInputSchema.shape;

/**
 * What the form's groups add up to, or undefined while a quantity, GPU count
 * or partitioning is not valid yet.
 */
export function previewResources(
  draft: ProfileDraft,
): ResourcePreview | undefined {
  const input = draftToProfileInput(draft);
  const resources = resourcesSchema.safeParse(input.resources);
  const partitioning = partitioningSchema.safeParse(input.partitioning);
  if (!resources.success || !partitioning.success) {
    return undefined;
  }
  return {
    groups: resources.data.map(group => ({
      resources: describeQuantities(resourceGroupTotals(group)),
      gpus: describeGpus(group, partitioning.data),
    })),
    total: profileResourceTotals({
      resources: resources.data,
      partitioning: partitioning.data,
    }),
  };
}
