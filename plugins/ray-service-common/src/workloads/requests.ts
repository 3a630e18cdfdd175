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
import {
  checkReplicaBounds,
  rayClusterSpecSchema,
  workerReplicasShape,
} from './clusterSpec';
import { UNPROCESSABLE } from '../errors';
import { parseBoundedYaml } from '../documents';
import { workloadNameSchema } from './names';

export const MAX_ENTRYPOINT_LENGTH = 10_000;
export const MAX_PIP_PACKAGES = 100;
export const MAX_ENV_VARS = 100;
export const MAX_SERVE_CONFIG_BYTES = 64 * 1024;

/** POST /tenants/{tenant}/rayclusters (and its plan). */
export const rayClusterRequestSchema = z
  .strictObject({ name: workloadNameSchema, spec: rayClusterSpecSchema })
  .meta({ id: 'RayClusterRequest' });

export type RayClusterRequest = z.input<typeof rayClusterRequestSchema>;

/** PATCH /tenants/{tenant}/rayclusters/{name}: scale worker groups, suspend or resume. */
export const rayClusterPatchSchema = z
  .strictObject({
    workerGroups: z
      .array(
        z.strictObject(workerReplicasShape).superRefine(checkReplicaBounds),
      )
      .max(8)
      .optional(),
    suspend: z.boolean().optional(),
  })
  .meta({ id: 'RayClusterPatch' });

export type RayClusterPatch = z.input<typeof rayClusterPatchSchema>;

/** Environment variable names as POSIX shells take them. */
const envVarNameSchema = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    'must be a letter or "_", then letters, digits or "_"',
  )
  .max(128);

export const runtimeEnvSchema = z.strictObject({
  pip: z.array(z.string().min(1).max(200)).max(MAX_PIP_PACKAGES).optional(),
  envVars: z
    .record(envVarNameSchema, z.string().max(4096))
    .refine(vars => Object.keys(vars).length <= MAX_ENV_VARS, {
      message: `at most ${MAX_ENV_VARS} variables`,
    })
    .optional()
    .meta({
      description:
        'Environment variables of the job; never shown again (redacted in every answer)',
    }),
  workingDir: z
    .url({ protocol: /^(https|gs|s3)$/ })
    .max(2048)
    .optional()
    .meta({ description: 'A zip archive of the working directory, by URL' }),
});

export type RuntimeEnv = z.infer<typeof runtimeEnvSchema>;

/** Where a RayJob runs: a new cluster (shut down after the job) or one of the tenant's. */
export const rayJobClusterSchema = z.union([
  z.strictObject({
    new: rayClusterSpecSchema,
    shutdownAfterJobFinishes: z.boolean().default(true),
    ttlSecondsAfterFinished: z.number().int().min(0).max(86_400).default(60),
  }),
  z.strictObject({
    existing: workloadNameSchema.meta({
      description: "The name of one of the tenant's RayClusters",
    }),
  }),
]);

/** POST /tenants/{tenant}/rayjobs (and its plan). */
export const rayJobRequestSchema = z
  .strictObject({
    name: workloadNameSchema,
    entrypoint: z.string().min(1).max(MAX_ENTRYPOINT_LENGTH).meta({
      example:
        'python -c "import ray; ray.init(); print(ray.cluster_resources())"',
    }),
    runtimeEnv: runtimeEnvSchema.optional(),
    cluster: rayJobClusterSchema,
    activeDeadlineSeconds: z
      .number()
      .int()
      .min(1)
      .max(7 * 86_400)
      .optional(),
    submissionMode: z
      .enum(['K8sJobMode', 'HTTPMode'])
      .default('K8sJobMode')
      .meta({
        description:
          'K8sJobMode: a Kubernetes Job submits the entrypoint; HTTPMode: the operator submits it over HTTP',
      }),
  })
  .meta({ id: 'RayJobRequest' });

export type RayJobRequest = z.input<typeof rayJobRequestSchema>;

/** The YAML of a Serve config: parsed with a bound on size and aliases, an object. */
export const serveConfigSchema = z
  .string()
  .max(MAX_SERVE_CONFIG_BYTES)
  .superRefine((text, ctx) => {
    const parsed = parseBoundedYaml(text);
    if ('error' in parsed) {
      ctx.addIssue({
        code: 'custom',
        message: parsed.error,
        params: UNPROCESSABLE,
      });
      return;
    }
    const applications = (parsed.value as { applications?: unknown } | null)
      ?.applications;
    if (!Array.isArray(applications) || applications.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a Serve config with a non-empty "applications" list',
        params: UNPROCESSABLE,
      });
    }
  })
  .meta({
    description: "Ray Serve's config (serveConfigV2) as YAML",
    example:
      'applications:\n  - name: hello\n    import_path: hello:app\n    route_prefix: /\n',
  });

/** POST /tenants/{tenant}/rayservices (and its plan). */
export const rayServiceRequestSchema = z
  .strictObject({
    name: workloadNameSchema,
    serveConfig: serveConfigSchema,
    cluster: rayClusterSpecSchema,
    upgradeStrategy: z.enum(['NewCluster', 'None']).default('NewCluster').meta({
      description:
        'NewCluster: a change of the cluster starts a new one and switches over; None: changes apply in place',
    }),
  })
  .meta({ id: 'RayServiceRequest' });

export type RayServiceRequest = z.input<typeof rayServiceRequestSchema>;

/** PUT /tenants/{tenant}/rayservices/{name}: the new spec; KubeRay upgrades. */
export const rayServiceUpdateSchema = z
  .strictObject({
    serveConfig: serveConfigSchema,
    cluster: rayClusterSpecSchema,
    upgradeStrategy: rayServiceRequestSchema.shape.upgradeStrategy,
  })
  .meta({ id: 'RayServiceUpdate' });

export type RayServiceUpdate = z.input<typeof rayServiceUpdateSchema>;
