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
import { CONDITION_STATUSES, kubernetesObjectSchema } from '../tenants';
import { timestampSchema } from '../validation';
import { rayClusterSpecSchema } from './clusterSpec';

/** Where a workload is, from KubeRay's own status fields and conditions. */
export const WORKLOAD_PHASES = [
  'Pending',
  'Provisioning',
  'Ready',
  'Suspended',
  'Running',
  'Succeeded',
  'Failed',
  'Stopped',
  'Deleting',
  'Unknown',
] as const;

export type WorkloadPhase = (typeof WORKLOAD_PHASES)[number];

/** A condition of a workload, as KubeRay reports it (types vary by kind). */
export const workloadConditionSchema = z.object({
  type: z.string(),
  status: z.enum(CONDITION_STATUSES),
  reason: z.string(),
  message: z.string(),
  lastTransitionTime: timestampSchema.optional(),
});

export type WorkloadCondition = z.infer<typeof workloadConditionSchema>;

const warningsSchema = z.array(z.string()).meta({
  description:
    'What is allowed but may not work as asked, e.g. a maximum above the free quota',
});

const workloadFields = {
  name: z.string(),
  tenant: z.string(),
  phase: z.enum(WORKLOAD_PHASES),
  conditions: z.array(workloadConditionSchema),
  createdAt: timestampSchema.optional(),
};

/** A RayCluster as the REST API shows it. */
export const rayClusterSchema = z
  .object({
    ...workloadFields,
    spec: rayClusterSpecSchema,
    image: z.string(),
    head: z.object({
      serviceName: z.string().optional(),
      ready: z.boolean(),
    }),
    workerGroups: z.array(
      z.object({
        name: z.string(),
        desired: z.number().int(),
        ready: z.number().int(),
        minReplicas: z.number().int(),
        maxReplicas: z.number().int(),
      }),
    ),
    /** Of the RayJob or RayService that made the cluster, if any. */
    ownedBy: z
      .object({ kind: z.enum(['RayJob', 'RayService']), name: z.string() })
      .optional(),
    warnings: warningsSchema.optional(),
  })
  .meta({ id: 'RayCluster' });

export type RayCluster = z.infer<typeof rayClusterSchema>;

export const RAY_JOB_STATUSES = [
  'PENDING',
  'RUNNING',
  'STOPPED',
  'SUCCEEDED',
  'FAILED',
] as const;

export type RayJobStatus = (typeof RAY_JOB_STATUSES)[number];

/** What a job's runtime environment was, without the values of its variables. */
const redactedRuntimeEnvSchema = z.object({
  pip: z.array(z.string()).optional(),
  envVarNames: z.array(z.string()).optional(),
  workingDir: z.string().optional(),
});

/** A RayJob as the REST API shows it. */
export const rayJobSchema = z
  .object({
    ...workloadFields,
    entrypoint: z.string(),
    runtimeEnv: redactedRuntimeEnvSchema.optional(),
    jobStatus: z.enum(RAY_JOB_STATUSES).optional(),
    deploymentStatus: z.string().optional(),
    clusterName: z.string().optional(),
    newCluster: z.boolean(),
    submissionId: z.string().optional(),
    startTime: timestampSchema.optional(),
    endTime: timestampSchema.optional(),
    message: z.string().optional(),
    warnings: warningsSchema.optional(),
  })
  .meta({ id: 'RayJob' });

export type RayJob = z.infer<typeof rayJobSchema>;

export const serveApplicationSchema = z.object({
  name: z.string(),
  status: z.string(),
  message: z.string().optional(),
  routePrefix: z.string().optional(),
  deployments: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().optional(),
      replicas: z.number().int().optional(),
    }),
  ),
});

export type ServeApplication = z.infer<typeof serveApplicationSchema>;

/** A RayService as the REST API shows it. */
export const rayServiceSchema = z
  .object({
    ...workloadFields,
    serveConfig: z.string(),
    upgradeStrategy: z.enum(['NewCluster', 'None']),
    serviceStatus: z.string().optional(),
    clusterName: z.string().optional(),
    pendingClusterName: z.string().optional(),
    applications: z.array(serveApplicationSchema),
    warnings: warningsSchema.optional(),
  })
  .meta({ id: 'RayService' });

export type RayService = z.infer<typeof rayServiceSchema>;

/** A plan of a workload: the object as it would be created, and whether it fits. */
export const workloadPlanSchema = z
  .object({
    object: kubernetesObjectSchema,
    yaml: z.string(),
    warnings: warningsSchema,
  })
  .meta({ id: 'WorkloadPlan' });

export type WorkloadPlan = z.infer<typeof workloadPlanSchema>;

/** GET /tenants/{tenant}/usage: the tenant's quota, used and hard per resource. */
export const tenantUsageSchema = z
  .object({
    tenant: z.string(),
    namespace: z.string(),
    resources: z.array(
      z.object({
        resource: z.string().meta({ example: 'requests.nvidia.com/gpu' }),
        hard: z.string(),
        used: z.string(),
      }),
    ),
    checkedAt: timestampSchema,
  })
  .meta({ id: 'TenantUsage' });

export type TenantUsage = z.infer<typeof tenantUsageSchema>;
