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
import { pageQuerySchema } from '../api';
import { pageSchema } from '../hostClusters';
import { tenantNameSchema } from '../tenants';
import {
  jobHistoryEntrySchema,
  jobLogsSchema,
  rayClusterPatchSchema,
  rayClusterRequestSchema,
  rayClusterSchema,
  rayClusterStatusSchema,
  rayDashboardJobSchema,
  rayJobRequestSchema,
  rayJobSchema,
  rayNodeSchema,
  rayServiceRequestSchema,
  rayServiceSchema,
  rayServiceUpdateSchema,
  serveApplicationSchema,
  tenantUsageSchema,
  workloadNameSchema,
  workloadPlanSchema,
} from '../workloads';
import { route } from './route';

const WORKLOADS = 'Ray workloads';
const RAY_DATA = 'Ray data';

const tenantParams = z.object({ tenant: tenantNameSchema });
const workloadParams = z.object({
  tenant: tenantNameSchema,
  name: workloadNameSchema,
});
const rayJobParams = workloadParams.extend({
  submissionId: z
    .string()
    .max(128)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'must be a Ray submission id')
    .meta({ description: 'The submission id (or Ray job id) on the cluster' }),
});

/** `?tail=`: how many of the last log lines to answer with. */
const logQuerySchema = z.object({
  tail: z
    .string()
    .regex(/^([1-9]\d{0,3}|10000)$/, 'must be a whole number from 1 to 10000')
    .transform(Number)
    .default(1000),
});

/** Who may call what: reads follow `ray-service.tenant.read`, writes `ray-service.workload.*`. */
const WRITE_ERRORS = [403, 409, 503] as const;
/** Writes of a cluster spec or Serve config, which can contradict themselves (422). */
const SPEC_WRITE_ERRORS = [...WRITE_ERRORS, 422] as const;
const READ_ERRORS = [503] as const;
const RAY_ERRORS = [502, 503] as const;

/**
 * The routes of a tenant's Ray workloads. Kubernetes is their home: the
 * tenant's namespace on the host (namespace isolation) or its vcluster. Live
 * Ray data comes from each cluster's Ray dashboard through the host API
 * server's service proxy.
 */
export const workloadRoutes = {
  getTenantUsage: route({
    method: 'get',
    path: '/tenants/{tenant}/usage',
    tag: WORKLOADS,
    summary: "The tenant's quota: used and hard per resource",
    params: tenantParams,
    response: {
      status: 200,
      description: "From the tenant's ResourceQuota status",
      schema: tenantUsageSchema,
    },
    errors: READ_ERRORS,
  }),

  listRayClusters: route({
    method: 'get',
    path: '/tenants/{tenant}/rayclusters',
    tag: WORKLOADS,
    summary: "The tenant's RayClusters, by name",
    params: tenantParams,
    query: pageQuerySchema,
    response: {
      status: 200,
      description: 'A page of RayClusters',
      schema: pageSchema(rayClusterSchema),
    },
    errors: READ_ERRORS,
  }),
  planRayCluster: route({
    method: 'post',
    path: '/tenants/{tenant}/rayclusters/plan',
    tag: WORKLOADS,
    summary: 'Dry-run a RayCluster: the object and whether it fits',
    description:
      "Every check of creating it: names, GPUs the tenant's profile offers, the minimum within the free quota (a maximum above it is a warning). Writes nothing.",
    params: tenantParams,
    body: rayClusterRequestSchema,
    response: {
      status: 200,
      description: 'The RayCluster as it would be created',
      schema: workloadPlanSchema,
    },
    errors: SPEC_WRITE_ERRORS,
  }),
  createRayCluster: route({
    method: 'post',
    path: '/tenants/{tenant}/rayclusters',
    tag: WORKLOADS,
    summary: 'Create a RayCluster in the tenant',
    params: tenantParams,
    body: rayClusterRequestSchema,
    response: {
      status: 201,
      description: 'The RayCluster, with warnings if any',
      schema: rayClusterSchema,
    },
    errors: SPEC_WRITE_ERRORS,
  }),
  getRayCluster: route({
    method: 'get',
    path: '/tenants/{tenant}/rayclusters/{name}',
    tag: WORKLOADS,
    summary: 'One RayCluster with its phase, conditions and workers',
    params: workloadParams,
    response: {
      status: 200,
      description: 'The RayCluster',
      schema: rayClusterSchema,
    },
    errors: READ_ERRORS,
  }),
  updateRayCluster: route({
    method: 'patch',
    path: '/tenants/{tenant}/rayclusters/{name}',
    tag: WORKLOADS,
    summary: 'Scale worker groups, suspend or resume',
    params: workloadParams,
    body: rayClusterPatchSchema,
    response: {
      status: 200,
      description: 'The RayCluster',
      schema: rayClusterSchema,
    },
    errors: SPEC_WRITE_ERRORS,
  }),
  deleteRayCluster: route({
    method: 'delete',
    path: '/tenants/{tenant}/rayclusters/{name}',
    tag: WORKLOADS,
    summary: 'Delete a RayCluster',
    params: workloadParams,
    response: { status: 204, description: 'Deleted' },
    errors: WRITE_ERRORS,
  }),

  listRayJobs: route({
    method: 'get',
    path: '/tenants/{tenant}/rayjobs',
    tag: WORKLOADS,
    summary: "The tenant's RayJobs, by name",
    params: tenantParams,
    query: pageQuerySchema,
    response: {
      status: 200,
      description: 'A page of RayJobs',
      schema: pageSchema(rayJobSchema),
    },
    errors: READ_ERRORS,
  }),
  planRayJob: route({
    method: 'post',
    path: '/tenants/{tenant}/rayjobs/plan',
    tag: WORKLOADS,
    summary: 'Dry-run a RayJob: the object and whether it fits',
    params: tenantParams,
    body: rayJobRequestSchema,
    response: {
      status: 200,
      description: 'The RayJob as it would be submitted',
      schema: workloadPlanSchema,
    },
    errors: SPEC_WRITE_ERRORS,
  }),
  submitRayJob: route({
    method: 'post',
    path: '/tenants/{tenant}/rayjobs',
    tag: WORKLOADS,
    summary: 'Submit a RayJob, to a new cluster or one of the tenant’s',
    params: tenantParams,
    body: rayJobRequestSchema,
    response: {
      status: 201,
      description: 'The RayJob, with warnings if any',
      schema: rayJobSchema,
    },
    errors: SPEC_WRITE_ERRORS,
  }),
  getRayJob: route({
    method: 'get',
    path: '/tenants/{tenant}/rayjobs/{name}',
    tag: WORKLOADS,
    summary: 'One RayJob with its status',
    params: workloadParams,
    response: { status: 200, description: 'The RayJob', schema: rayJobSchema },
    errors: READ_ERRORS,
  }),
  stopRayJob: route({
    method: 'post',
    path: '/tenants/{tenant}/rayjobs/{name}/stop',
    tag: WORKLOADS,
    summary: 'Stop a running RayJob',
    params: workloadParams,
    response: { status: 200, description: 'The RayJob', schema: rayJobSchema },
    errors: WRITE_ERRORS,
  }),
  deleteRayJob: route({
    method: 'delete',
    path: '/tenants/{tenant}/rayjobs/{name}',
    tag: WORKLOADS,
    summary: 'Delete a RayJob (and the cluster it made)',
    params: workloadParams,
    response: { status: 204, description: 'Deleted' },
    errors: WRITE_ERRORS,
  }),
  getRayJobLogs: route({
    method: 'get',
    path: '/tenants/{tenant}/rayjobs/{name}/logs',
    tag: WORKLOADS,
    summary: "The end of a RayJob's log",
    description:
      "From the cluster's Ray dashboard while it runs, from the job history once the job finished and its cluster is gone.",
    params: workloadParams,
    query: logQuerySchema,
    response: { status: 200, description: 'The log', schema: jobLogsSchema },
    errors: RAY_ERRORS,
  }),

  listRayServices: route({
    method: 'get',
    path: '/tenants/{tenant}/rayservices',
    tag: WORKLOADS,
    summary: "The tenant's RayServices, by name",
    params: tenantParams,
    query: pageQuerySchema,
    response: {
      status: 200,
      description: 'A page of RayServices',
      schema: pageSchema(rayServiceSchema),
    },
    errors: READ_ERRORS,
  }),
  planRayService: route({
    method: 'post',
    path: '/tenants/{tenant}/rayservices/plan',
    tag: WORKLOADS,
    summary: 'Dry-run a RayService: the object and whether it fits',
    params: tenantParams,
    body: rayServiceRequestSchema,
    response: {
      status: 200,
      description: 'The RayService as it would be created',
      schema: workloadPlanSchema,
    },
    errors: SPEC_WRITE_ERRORS,
  }),
  createRayService: route({
    method: 'post',
    path: '/tenants/{tenant}/rayservices',
    tag: WORKLOADS,
    summary: 'Deploy a RayService',
    params: tenantParams,
    body: rayServiceRequestSchema,
    response: {
      status: 201,
      description: 'The RayService, with warnings if any',
      schema: rayServiceSchema,
    },
    errors: SPEC_WRITE_ERRORS,
  }),
  getRayService: route({
    method: 'get',
    path: '/tenants/{tenant}/rayservices/{name}',
    tag: WORKLOADS,
    summary: 'One RayService with its Serve applications',
    params: workloadParams,
    response: {
      status: 200,
      description: 'The RayService',
      schema: rayServiceSchema,
    },
    errors: READ_ERRORS,
  }),
  updateRayService: route({
    method: 'put',
    path: '/tenants/{tenant}/rayservices/{name}',
    tag: WORKLOADS,
    summary: 'Change a RayService; KubeRay upgrades it',
    description:
      'A new Serve config is applied in place; a new cluster spec starts a new cluster and switches over (upgrade strategy NewCluster).',
    params: workloadParams,
    body: rayServiceUpdateSchema,
    response: {
      status: 200,
      description: 'The RayService',
      schema: rayServiceSchema,
    },
    errors: SPEC_WRITE_ERRORS,
  }),
  deleteRayService: route({
    method: 'delete',
    path: '/tenants/{tenant}/rayservices/{name}',
    tag: WORKLOADS,
    summary: 'Delete a RayService',
    params: workloadParams,
    response: { status: 204, description: 'Deleted' },
    errors: WRITE_ERRORS,
  }),

  listRayClusterJobs: route({
    method: 'get',
    path: '/tenants/{tenant}/rayclusters/{name}/ray/jobs',
    tag: RAY_DATA,
    summary: "The jobs on a cluster's Ray dashboard, newest first",
    params: workloadParams,
    response: {
      status: 200,
      description: 'The jobs',
      schema: z.object({ items: z.array(rayDashboardJobSchema) }),
    },
    errors: RAY_ERRORS,
  }),
  getRayClusterJob: route({
    method: 'get',
    path: '/tenants/{tenant}/rayclusters/{name}/ray/jobs/{submissionId}',
    tag: RAY_DATA,
    summary: 'One job on the Ray dashboard',
    params: rayJobParams,
    response: {
      status: 200,
      description: 'The job',
      schema: rayDashboardJobSchema,
    },
    errors: RAY_ERRORS,
  }),
  getRayClusterJobLogs: route({
    method: 'get',
    path: '/tenants/{tenant}/rayclusters/{name}/ray/jobs/{submissionId}/logs',
    tag: RAY_DATA,
    summary: "The end of a job's log on the Ray dashboard",
    params: rayJobParams,
    query: logQuerySchema,
    response: { status: 200, description: 'The log', schema: jobLogsSchema },
    errors: RAY_ERRORS,
  }),
  listRayClusterNodes: route({
    method: 'get',
    path: '/tenants/{tenant}/rayclusters/{name}/ray/nodes',
    tag: RAY_DATA,
    summary: "The Ray cluster's nodes and their resources",
    params: workloadParams,
    response: {
      status: 200,
      description: 'The nodes',
      schema: z.object({ items: z.array(rayNodeSchema) }),
    },
    errors: RAY_ERRORS,
  }),
  getRayClusterStatus: route({
    method: 'get',
    path: '/tenants/{tenant}/rayclusters/{name}/ray/status',
    tag: RAY_DATA,
    summary: 'Resource use and pending demand of the Ray cluster',
    params: workloadParams,
    response: {
      status: 200,
      description: 'Use and demand',
      schema: rayClusterStatusSchema,
    },
    errors: RAY_ERRORS,
  }),
  listRayClusterServeApplications: route({
    method: 'get',
    path: '/tenants/{tenant}/rayclusters/{name}/ray/serve',
    tag: RAY_DATA,
    summary: 'The Serve applications running on the cluster',
    params: workloadParams,
    response: {
      status: 200,
      description: 'The applications',
      schema: z.object({ items: z.array(serveApplicationSchema) }),
    },
    errors: RAY_ERRORS,
  }),

  listJobHistory: route({
    method: 'get',
    path: '/tenants/{tenant}/job-history',
    tag: WORKLOADS,
    summary: "The tenant's finished jobs, newest first",
    description:
      'Kept when a RayJob finishes (status, times and the end of its log), also after its cluster is gone; kept for rayService.jobHistory.retentionDays.',
    params: tenantParams,
    query: pageQuerySchema,
    response: {
      status: 200,
      description: 'A page of finished jobs',
      schema: pageSchema(jobHistoryEntrySchema),
    },
  }),
} as const;
