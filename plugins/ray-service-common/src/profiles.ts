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

import { z } from 'zod';
import { allocationSchema } from './allocation';
import { UNPROCESSABLE } from './errors';
import { gpuModelNameSchema } from './gpu';
import { groupRefListSchema, isSharedWith } from './groups';
import {
  GPU_RESOURCE,
  gpuResourcesFor,
  Partitioning,
  partitioningSchema,
} from './partitioning';
import {
  addQuantities,
  canonicalQuantity,
  QuantityKind,
  quantitySchemaFor,
} from './quantity';
import { requiredTextSchema, slugSchema, timestampSchema } from './validation';

/**
 * One homogeneous part of a profile, e.g. a head or a worker group; profiles
 * with several groups describe heterogeneous clusters.
 */
export const resourceGroupSchema = z
  .object({
    gpuModel: gpuModelNameSchema.optional(),
    gpuCount: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .optional(),
    cpu: quantitySchemaFor('cpu'),
    memory: quantitySchemaFor('memory'),
    storage: quantitySchemaFor('storage'),
  })
  .superRefine((group, ctx) => {
    if (group.gpuModel !== undefined && group.gpuCount === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['gpuCount'],
        message: 'is required when gpuModel is set',
      });
    }
    if (group.gpuCount !== undefined && group.gpuModel === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['gpuModel'],
        message: 'is required when gpuCount is set',
      });
    }
  })
  // The pairing above, for the OpenAPI document.
  .meta({
    dependentRequired: { gpuModel: ['gpuCount'], gpuCount: ['gpuModel'] },
  });

export type ResourceGroup = z.infer<typeof resourceGroupSchema>;

const profileFields = {
  name: slugSchema,
  displayName: requiredTextSchema(100),
  description: z.string().max(2000).default(''),
  resources: z
    .array(resourceGroupSchema)
    .min(1, 'a profile needs at least one resource group')
    .max(16, 'a profile has at most 16 resource groups'),
  /** Per GPU model used in `resources`; models without an entry are whole. */
  partitioning: partitioningSchema.default({}),
  allocation: allocationSchema,
  published: z.boolean().default(false),
  /** Groups that may use the profile, descendants included; empty = everyone. */
  visibleTo: groupRefListSchema.default([]),
};

function checkPartitionedModelsAreUsed(
  profile: { resources: ResourceGroup[]; partitioning: Partitioning },
  ctx: z.RefinementCtx,
) {
  const usedModels = new Set(profile.resources.map(group => group.gpuModel));
  for (const model of Object.keys(profile.partitioning)) {
    if (!usedModels.has(model as ResourceGroup['gpuModel'])) {
      ctx.addIssue({
        code: 'custom',
        path: ['partitioning', model],
        message: `no resource group uses ${model}; remove this entry or add a group with gpuModel "${model}"`,
        // Two fields each valid that contradict each other: 422.
        params: UNPROCESSABLE,
      });
    }
  }
}

/** What `POST /profiles` and `PUT /profiles/{name}` accept. */
export const computeProfileInputSchema = z
  .object(profileFields)
  .superRefine(checkPartitionedModelsAreUsed)
  .meta({ id: 'ComputeProfileInput' });

export type ComputeProfileInput = z.infer<typeof computeProfileInputSchema>;

/** A stored compute profile as the REST API returns it. */
export const computeProfileSchema = z
  .object({
    ...profileFields,
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    /** Entity ref of the user who created the profile. */
    createdBy: z.string().min(1),
  })
  .superRefine(checkPartitionedModelsAreUsed)
  .meta({ id: 'ComputeProfile' });

export type ComputeProfile = z.infer<typeof computeProfileSchema>;

/**
 * Requests in canonical quantities (`cpu`, `memory`, `storage`) and extended
 * resources such as `nvidia.com/gpu` with their counts.
 */
export interface ResourceTotals {
  cpu: string;
  memory: string;
  storage: string;
  extended: Record<string, number>;
}

/** The resources of one group, with its GPUs partitioned as configured. */
export function resourceGroupTotals(
  group: ResourceGroup,
  partitioning: Partitioning = {},
): ResourceTotals {
  const gpus =
    group.gpuModel && group.gpuCount
      ? gpuResourcesFor(
          group.gpuModel,
          group.gpuCount,
          partitioning[group.gpuModel],
        )
      : [];
  return {
    cpu: canonicalQuantity(group.cpu, 'cpu'),
    memory: canonicalQuantity(group.memory, 'memory'),
    storage: canonicalQuantity(group.storage, 'storage'),
    extended: Object.fromEntries(
      gpus.map(gpu => [gpu.resourceName, gpu.count]),
    ),
  };
}

function sumTotals(totals: ResourceTotals[]): ResourceTotals {
  const extended: Record<string, number> = {};
  for (const { extended: resources } of totals) {
    for (const [name, count] of Object.entries(resources)) {
      extended[name] = (extended[name] ?? 0) + count;
    }
  }
  const sum = (kind: QuantityKind) =>
    addQuantities(
      totals.map(t => t[kind]),
      kind,
    );
  return {
    cpu: sum('cpu'),
    memory: sum('memory'),
    storage: sum('storage'),
    extended,
  };
}

/**
 * Everything a profile asks for, summed over its groups with GPU partitioning
 * applied: what a tenant's ResourceQuota and Ray cluster add up to.
 */
export function profileResourceTotals(
  profile: Pick<ComputeProfileInput, 'resources' | 'partitioning'>,
): ResourceTotals {
  return sumTotals(
    profile.resources.map(group =>
      resourceGroupTotals(group, profile.partitioning),
    ),
  );
}

/**
 * The `nvidia.com/gpu` units a profile asks for, by GPU model (whole or
 * time-sliced GPUs; MIG slices are resources of their own). Kubernetes
 * counts `nvidia.com/gpu` without a model, so this is what tells which
 * model a tenant holds.
 */
export function profileGpusByModel(
  profile: Pick<ComputeProfileInput, 'resources' | 'partitioning'>,
): Record<string, number> {
  const byModel: Record<string, number> = {};
  for (const group of profile.resources) {
    const gpus = resourceGroupTotals(group, profile.partitioning).extended[
      GPU_RESOURCE
    ];
    if (group.gpuModel && gpus) {
      byModel[group.gpuModel] = (byModel[group.gpuModel] ?? 0) + gpus;
    }
  }
  return byModel;
}

/**
 * Whether a plain user may see a profile: it must be published and either
 * visible to everyone or to one of the user's groups or their ancestors.
 */
export function isProfileVisibleTo(
  profile: Pick<ComputeProfileInput, 'published' | 'visibleTo'>,
  userGroupRefs: string[],
  ancestorsOf: (groupRef: string) => string[],
): boolean {
  return (
    profile.published &&
    (profile.visibleTo.length === 0 ||
      isSharedWith(profile.visibleTo, userGroupRefs, ancestorsOf))
  );
}
