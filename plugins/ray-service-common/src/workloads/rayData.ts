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
import { timestampSchema } from '../validation';
import { RAY_JOB_STATUSES } from './views';

/** A job as the cluster's Ray dashboard knows it (values of env vars redacted). */
export const rayDashboardJobSchema = z
  .object({
    submissionId: z.string(),
    jobId: z.string().optional(),
    status: z.enum(RAY_JOB_STATUSES),
    entrypoint: z.string(),
    message: z.string().optional(),
    startTime: timestampSchema.optional(),
    endTime: timestampSchema.optional(),
    metadata: z.record(z.string(), z.string()).optional(),
    envVarNames: z.array(z.string()).optional(),
  })
  .meta({ id: 'RayDashboardJob' });

export type RayDashboardJob = z.infer<typeof rayDashboardJobSchema>;

/** A job's log, ANSI colours kept, the end of it when it is long. */
export const jobLogsSchema = z
  .object({
    logs: z.string(),
    truncated: z
      .boolean()
      .meta({ description: 'Only the last lines are here' }),
    source: z.enum(['dashboard', 'history']),
  })
  .meta({ id: 'JobLogs' });

export type JobLogs = z.infer<typeof jobLogsSchema>;

/** A node of a Ray cluster with its resources. */
export const rayNodeSchema = z
  .object({
    nodeId: z.string(),
    ip: z.string(),
    isHead: z.boolean(),
    state: z.string(),
    resourcesTotal: z.record(z.string(), z.number()),
    resourcesAvailable: z.record(z.string(), z.number()).optional(),
  })
  .meta({ id: 'RayNode' });

export type RayNode = z.infer<typeof rayNodeSchema>;

/** Resource use and pending demand of a Ray cluster, and which Ray it runs. */
export const rayClusterStatusSchema = z
  .object({
    ray: z.object({ version: z.string(), commit: z.string() }).optional().meta({
      description:
        "The head's Ray version and git commit (`kube-sim` for the test bed's simulated heads)",
    }),
    usage: z.array(
      z.object({ resource: z.string(), used: z.number(), total: z.number() }),
    ),
    pendingDemand: z.array(
      z.object({
        resources: z.record(z.string(), z.number()),
        count: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'RayClusterStatus' });

export type RayClusterStatus = z.infer<typeof rayClusterStatusSchema>;

/** A finished job as the job history keeps it, after its cluster may be gone. */
export const jobHistoryEntrySchema = z
  .object({
    tenant: z.string(),
    name: z.string().meta({ description: 'The RayJob' }),
    clusterName: z.string().optional(),
    submissionId: z.string().optional(),
    entrypoint: z.string(),
    status: z.enum(RAY_JOB_STATUSES),
    message: z.string().optional(),
    startTime: timestampSchema.optional(),
    endTime: timestampSchema.optional(),
    logTail: z.string(),
    recordedAt: timestampSchema,
  })
  .meta({ id: 'JobHistoryEntry' });

export type JobHistoryEntry = z.infer<typeof jobHistoryEntrySchema>;
