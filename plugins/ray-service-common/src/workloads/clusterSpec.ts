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
import { UNPROCESSABLE } from '../errors';
import { gpuModelNameSchema } from '../gpu';
import { quantitySchemaFor } from '../quantity';
import { uniqueBy } from '../validation';
import { workerGroupNameSchema } from './names';

export const MAX_WORKER_GROUPS = 8;
export const MAX_WORKER_REPLICAS = 1000;

const cpuSchema = quantitySchemaFor('cpu').meta({
  description: 'CPU per node, a Kubernetes quantity',
  example: '4',
});
const memorySchema = quantitySchemaFor('memory').meta({
  description: 'Memory per node, a Kubernetes quantity',
  example: '16Gi',
});
const replicasSchema = z.number().int().min(0).max(MAX_WORKER_REPLICAS);

/**
 * GPUs per worker, as the tenant's profile offers them for a model: whole
 * GPUs, MIG slices or time-sliced shares, whichever the profile partitions
 * the model into. The backend maps them to the resource name the tenant's
 * quota uses (e.g. `nvidia.com/mig-1g.5gb`).
 */
export const workerGpuSchema = z.strictObject({
  model: gpuModelNameSchema,
  count: z.number().int().min(1).max(64).meta({
    description:
      'Units per worker: GPUs, MIG slices or time-sliced shares, as the profile partitions the model',
  }),
});

export type WorkerGpu = z.infer<typeof workerGpuSchema>;

/** How many workers a group has, and between which bounds autoscaling moves it. */
export const workerReplicasShape = {
  name: workerGroupNameSchema,
  replicas: replicasSchema,
  minReplicas: replicasSchema.optional(),
  maxReplicas: replicasSchema.optional(),
};

/** min ≤ replicas ≤ max, each bound defaulting to what the others allow. */
export function checkReplicaBounds(
  group: { replicas: number; minReplicas?: number; maxReplicas?: number },
  ctx: z.RefinementCtx,
) {
  const min = group.minReplicas ?? 0;
  const max = group.maxReplicas ?? Math.max(group.replicas, min);
  if (min > max) {
    ctx.addIssue({
      code: 'custom',
      path: ['minReplicas'],
      message: `must not exceed maxReplicas (${max})`,
      params: UNPROCESSABLE,
    });
  }
  if (group.replicas < min || group.replicas > max) {
    ctx.addIssue({
      code: 'custom',
      path: ['replicas'],
      message: `must be between minReplicas (${min}) and maxReplicas (${max})`,
      params: UNPROCESSABLE,
    });
  }
}

export const workerGroupSchema = z
  .strictObject({
    ...workerReplicasShape,
    cpu: cpuSchema,
    memory: memorySchema,
    gpu: workerGpuSchema.optional(),
  })
  .superRefine(checkReplicaBounds);

export type WorkerGroup = z.infer<typeof workerGroupSchema>;

/**
 * A Ray cluster as people describe it: a head and worker groups, plus
 * options. The image comes from the tenant's template version.
 */
export const rayClusterSpecSchema = z
  .strictObject({
    head: z.strictObject({ cpu: cpuSchema, memory: memorySchema }),
    workerGroups: z
      .array(workerGroupSchema)
      .max(MAX_WORKER_GROUPS)
      .superRefine(
        // By name, which uniqueItems cannot say: a 422 like other contradictions.
        uniqueBy(
          group => group.name,
          name => `worker group "${name}" is listed twice`,
          UNPROCESSABLE,
        ),
      )
      .default([]),
    autoscaling: z
      .strictObject({
        enabled: z.boolean(),
        idleTimeoutSeconds: z.number().int().min(10).max(86_400).optional(),
      })
      .optional()
      .meta({
        description: "Ray autoscaler v2 between each group's min and max",
      }),
    suspend: z.boolean().optional(),
    gcsFaultTolerance: z.boolean().optional().meta({
      description:
        "GCS fault tolerance with the template version's external Redis",
    }),
    auth: z
      .enum(['token', 'disabled'])
      .default('token')
      .meta({ description: 'Ray token authentication, on by default' }),
    scheduler: z.enum(['volcano', 'default']).default('volcano').meta({
      description:
        "The Volcano batch scheduler with the tenant's queue, or Kubernetes' own",
    }),
  })
  .meta({ id: 'RayClusterSpec' });

export type RayClusterSpec = z.output<typeof rayClusterSpecSchema>;
export type RayClusterSpecInput = z.input<typeof rayClusterSpecSchema>;
