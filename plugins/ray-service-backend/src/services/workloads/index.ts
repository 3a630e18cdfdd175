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

import { LoggerService } from '@backstage/backend-plugin-api';
import { Caller } from '../../access/callers';
import { TenantClusters } from '../../kubernetes/tenantClusters';
import { JobTracker, JobTrackerOptions } from './JobTracker';
import { RayClusterService } from './RayClusterService';
import { RayDataService } from './RayDataService';
import { RayJobService } from './RayJobService';
import { RayServiceService } from './RayServiceService';
import { TenantUsageService } from './TenantUsageService';
import { WorkloadLists } from './WorkloadLists';
import { TenantWorkspaces, TenantWorkspacesDeps } from './workspace';

export interface WorkloadServicesDeps
  extends Omit<TenantWorkspacesDeps, 'tenantClusters'> {
  logger: LoggerService;
  /** How the backend reaches vcluster APIs (timeouts). */
  tenantClusters?: TenantClusters;
  timeoutMs: number;
  /** The job tracker's own credentials (the plugin's service credentials). */
  serviceCredentials: () => Promise<Caller>;
  jobHistory: JobTrackerOptions;
  /** How long answers of Ray dashboards are reused (0: never). */
  rayDataCacheTtlMs: number;
  /** How long a tenant's list of one workload kind is reused (0: never). */
  listCacheTtlMs: number;
}

/** The services of Ray workloads in tenants, sharing one way into them. */
export function createWorkloadServices(deps: WorkloadServicesDeps) {
  const { store, logger } = deps;
  const workspaces = new TenantWorkspaces({
    ...deps,
    tenantClusters:
      deps.tenantClusters ??
      new TenantClusters(deps.clients, { timeoutMs: deps.timeoutMs }),
  });
  const rayData = new RayDataService(workspaces, {
    cacheTtlMs: deps.rayDataCacheTtlMs,
  });
  const lists = new WorkloadLists(deps.listCacheTtlMs);
  return {
    workspaces,
    rayData,
    usage: new TenantUsageService(workspaces),
    rayClusters: new RayClusterService({ store, workspaces, lists }),
    rayJobs: new RayJobService({ store, workspaces, lists, rayData }),
    rayServices: new RayServiceService({ store, workspaces, lists }),
    jobTracker: new JobTracker(
      {
        store,
        workspaces,
        rayData,
        logger,
        credentials: deps.serviceCredentials,
      },
      deps.jobHistory,
    ),
  };
}

export type WorkloadServices = ReturnType<typeof createWorkloadServices>;
