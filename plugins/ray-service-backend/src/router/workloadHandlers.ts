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
  RayServiceApiContract,
  workloadRoutes,
} from '@ray-service/plugin-ray-service-common';
import { Handlers } from './contractRouter';
import { RouterDeps } from './types';

type WorkloadContract = Pick<
  RayServiceApiContract,
  keyof typeof workloadRoutes
>;

/** The Ray workload operations and the live Ray data of a tenant's clusters. */
export function workloadHandlers({
  usage,
  rayClusters,
  rayJobs,
  rayServices,
  rayData,
}: RouterDeps): Handlers<WorkloadContract> {
  return {
    getTenantUsage: ({ credentials, params }) =>
      usage.get(credentials, params.tenant),

    listRayClusters: ({ credentials, params, query }) =>
      rayClusters.list(credentials, params.tenant, query),
    planRayCluster: ({ credentials, params, body }) =>
      rayClusters.plan(credentials, params.tenant, body),
    createRayCluster: ({ credentials, params, body }) =>
      rayClusters.create(credentials, params.tenant, body),
    getRayCluster: ({ credentials, params }) =>
      rayClusters.get(credentials, params.tenant, params.name),
    updateRayCluster: ({ credentials, params, body }) =>
      rayClusters.update(credentials, params.tenant, params.name, body),
    deleteRayCluster: ({ credentials, params }) =>
      rayClusters.delete(credentials, params.tenant, params.name),

    listRayJobs: ({ credentials, params, query }) =>
      rayJobs.list(credentials, params.tenant, query),
    planRayJob: ({ credentials, params, body }) =>
      rayJobs.plan(credentials, params.tenant, body),
    submitRayJob: ({ credentials, params, body }) =>
      rayJobs.submit(credentials, params.tenant, body),
    getRayJob: ({ credentials, params }) =>
      rayJobs.get(credentials, params.tenant, params.name),
    stopRayJob: ({ credentials, params }) =>
      rayJobs.stop(credentials, params.tenant, params.name),
    deleteRayJob: ({ credentials, params }) =>
      rayJobs.delete(credentials, params.tenant, params.name),
    getRayJobLogs: ({ credentials, params, query }) =>
      rayJobs.logs(credentials, params.tenant, params.name, query.tail),
    listJobHistory: ({ credentials, params, query }) =>
      rayJobs.history(credentials, params.tenant, query),

    listRayServices: ({ credentials, params, query }) =>
      rayServices.list(credentials, params.tenant, query),
    planRayService: ({ credentials, params, body }) =>
      rayServices.plan(credentials, params.tenant, body),
    createRayService: ({ credentials, params, body }) =>
      rayServices.create(credentials, params.tenant, body),
    getRayService: ({ credentials, params }) =>
      rayServices.get(credentials, params.tenant, params.name),
    updateRayService: ({ credentials, params, body }) =>
      rayServices.update(credentials, params.tenant, params.name, body),
    deleteRayService: ({ credentials, params }) =>
      rayServices.delete(credentials, params.tenant, params.name),

    listRayClusterJobs: async ({ credentials, params }) => ({
      items: await rayData.jobs(credentials, params.tenant, params.name),
    }),
    getRayClusterJob: ({ credentials, params }) =>
      rayData.job(credentials, params.tenant, params.name, params.submissionId),
    getRayClusterJobLogs: ({ credentials, params, query }) =>
      rayData.jobLogs(
        credentials,
        params.tenant,
        params.name,
        params.submissionId,
        query.tail,
      ),
    listRayClusterNodes: async ({ credentials, params }) => ({
      items: await rayData.nodes(credentials, params.tenant, params.name),
    }),
    getRayClusterStatus: ({ credentials, params }) =>
      rayData.status(credentials, params.tenant, params.name),
    listRayClusterServeApplications: async ({ credentials, params }) => ({
      items: await rayData.serveApplications(
        credentials,
        params.tenant,
        params.name,
      ),
    }),
  };
}
