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

import { InputError } from '@backstage/errors';
import { z } from 'zod';
import {
  GPU_MODEL_NAMES,
  GPU_MODELS,
  GpuModelName,
  supportedMigProfiles,
} from './gpu';

export const MIN_TIME_SLICING_REPLICAS = 2;
export const MAX_TIME_SLICING_REPLICAS = 32;

const wholeSchema = z.object({ mode: z.literal('whole') });
const timeSlicingSchema = z.object({
  mode: z.literal('timeSlicing'),
  replicas: z
    .number()
    .int()
    .min(MIN_TIME_SLICING_REPLICAS, 'time-slicing needs at least 2 replicas')
    .max(
      MAX_TIME_SLICING_REPLICAS,
      `time-slicing allows at most ${MAX_TIME_SLICING_REPLICAS} replicas`,
    ),
});

/** How the GPUs of one model are handed out. */
export const gpuPartitioningSchema = z.discriminatedUnion('mode', [
  wholeSchema,
  z.object({
    mode: z.literal('mig'),
    profile: z.string().min(1, 'a MIG profile such as "1g.10gb" is required'),
  }),
  timeSlicingSchema,
]);

export type GpuPartitioning = z.infer<typeof gpuPartitioningSchema>;

const WHOLE: GpuPartitioning = { mode: 'whole' };

/** Why a model cannot be split into a MIG profile; undefined if it can. */
export function migProfileProblem(
  model: GpuModelName,
  profile: string,
): string | undefined {
  const supported = supportedMigProfiles(model);
  if (supported.length === 0) {
    return `${model} does not support MIG; use whole or timeSlicing`;
  }
  if (!supported.includes(profile)) {
    return `MIG profile "${profile}" is not supported by ${model}; supported: ${supported.join(
      ', ',
    )}`;
  }
  return undefined;
}

/**
 * How one model's GPUs may be handed out: MIG only with a profile the model
 * supports, so that the OpenAPI document states each model's profiles.
 */
function modelPartitioningSchema(model: GpuModelName) {
  const migProfiles = supportedMigProfiles(model);
  const modes =
    migProfiles.length === 0
      ? ([wholeSchema, timeSlicingSchema] as const)
      : ([
          wholeSchema,
          z.object({
            mode: z.literal('mig'),
            profile: z.enum(migProfiles as [string, ...string[]], {
              error: issue => migProfileProblem(model, String(issue.input)),
            }),
          }),
          timeSlicingSchema,
        ] as const);
  return z.discriminatedUnion('mode', [...modes], {
    error: issue =>
      issue.code === 'invalid_union' &&
      (issue.input as { mode?: unknown } | undefined)?.mode === 'mig'
        ? migProfileProblem(model, '')
        : undefined,
  });
}

/**
 * Partitioning per GPU model; a model without an entry is used whole. Keys
 * other than the known models are refused.
 */
const partitioningObjectSchema = z
  .strictObject(
    Object.fromEntries(
      GPU_MODEL_NAMES.map(model => [
        model,
        modelPartitioningSchema(model).optional(),
      ]),
    ),
    {
      error: issue =>
        issue.code === 'unrecognized_keys'
          ? `unknown GPU model ${issue.keys
              .map(key => JSON.stringify(key))
              .join(', ')}; known models: ${GPU_MODEL_NAMES.join(', ')}`
          : undefined,
    },
  )
  .meta({ id: 'Partitioning' });

export type Partitioning = Partial<Record<GpuModelName, GpuPartitioning>>;

/** The object has one optional property per GPU model, which its type says. */
export const partitioningSchema =
  partitioningObjectSchema as unknown as z.ZodType<
    Partitioning,
    z.input<typeof partitioningObjectSchema>
  >;

/** An extended resource and how many of it a pod or quota asks for. */
export interface GpuResourceRequest {
  resourceName: string;
  count: number;
}

/** The resource whole and time-sliced GPUs are requested as. */
export const GPU_RESOURCE = 'nvidia.com/gpu';

/**
 * The extended resources `count` GPUs of `model` amount to:
 *
 * - whole: `nvidia.com/gpu` × count;
 * - mig: `nvidia.com/mig-<profile>` (the device plugin's mixed strategy
 *   naming) × instances per GPU × count, so one A100-40GB as `1g.5gb` is
 *   7 × `nvidia.com/mig-1g.5gb`;
 * - timeSlicing: `nvidia.com/gpu` × count × replicas, because the device
 *   plugin's time-slicing without `renameByDefault` advertises each GPU as
 *   `replicas` units of `nvidia.com/gpu`.
 *
 * @throws InputError for a MIG profile the model does not support.
 */
export function gpuResourcesFor(
  model: GpuModelName,
  count: number,
  partitioning: GpuPartitioning = WHOLE,
): GpuResourceRequest[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError('The GPU count must be a non-negative integer');
  }
  if (count === 0) {
    return [];
  }
  switch (partitioning.mode) {
    case 'whole':
      return [{ resourceName: GPU_RESOURCE, count }];
    case 'timeSlicing':
      return [
        {
          resourceName: GPU_RESOURCE,
          count: count * partitioning.replicas,
        },
      ];
    case 'mig': {
      const problem = migProfileProblem(model, partitioning.profile);
      if (problem) {
        throw new InputError(problem);
      }
      return [
        {
          resourceName: `nvidia.com/mig-${partitioning.profile}`,
          count: count * GPU_MODELS[model].migProfiles[partitioning.profile],
        },
      ];
    }
    default:
      throw new Error(`Unknown partitioning ${JSON.stringify(partitioning)}`);
  }
}
