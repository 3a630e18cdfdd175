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

import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  JobHistoryEntry,
  JobLogs,
  RayJob,
  rayJobRequestSchema,
  WorkloadPlan,
} from '@ray-service/plugin-ray-service-common';
import { z } from 'zod';
import { Caller } from '../../access/callers';
import { Page, PageRequest } from '../../lib/pagination';
import { ValidationError } from '../../lib/validation';
import { planRayJob } from '../../planner/workloads';
import { logTail } from '../../ray/mappers';
import { RayDataService } from './RayDataService';
import { rayJobView } from './views';
import {
  viewEachInTenant,
  WorkloadService,
  WorkloadServiceDeps,
} from './WorkloadService';
import { TenantWorkspace } from './workspace';

export type RayJobRequest = z.output<typeof rayJobRequestSchema>;

/**
 * A tenant's RayJobs: submitted to a new cluster (shut down after the job)
 * or to one of the tenant's clusters, stopped, deleted; their logs while
 * they run and, from the job history, after their cluster is gone. Every
 * job submitted here is tracked until it ends (see JobTracker).
 */
export class RayJobService extends WorkloadService<RayJobRequest, RayJob> {
  constructor(
    protected readonly deps: WorkloadServiceDeps & { rayData: RayDataService },
  ) {
    super(deps, {
      kind: 'RayJob',
      audit: { create: 'rayJob.submit', delete: 'rayJob.delete' },
      plan: planRayJob,
      clusters: request =>
        'new' in request.cluster
          ? [{ spec: request.cluster.new, at: ['cluster', 'new'] }]
          : [],
      view: viewEachInTenant(rayJobView),
    });
  }

  async plan(
    credentials: Caller,
    tenant: string,
    request: RayJobRequest,
  ): Promise<WorkloadPlan> {
    await this.assertClusterExists(credentials, tenant, request);
    return super.plan(credentials, tenant, request);
  }

  /** Submits the job and starts tracking it for the job history. */
  async submit(credentials: Caller, tenant: string, request: RayJobRequest) {
    await this.assertClusterExists(credentials, tenant, request);
    const job = await this.create(credentials, tenant, request);
    const { workspace, object } = await this.openFor(
      credentials,
      tenant,
      request.name,
      'read',
    );
    await this.deps.store.jobHistory.track({
      tenant,
      name: request.name,
      uid: object.metadata.uid ?? request.name,
      hostCluster: workspace.tenant.hostCluster,
      entrypoint: request.entrypoint,
      recordedAt: new Date().toISOString(),
    });
    return job;
  }

  /** Stops a running job through its cluster's Ray dashboard. */
  async stop(
    credentials: Caller,
    tenant: string,
    name: string,
  ): Promise<RayJob> {
    const { workspace, object } = await this.openFor(
      credentials,
      tenant,
      name,
      'updateWorkloads',
    );
    const job = rayJobView(object, tenant);
    if (!job.clusterName || !job.submissionId) {
      throw new ConflictError(
        `RayJob "${name}" has not been submitted to its cluster yet`,
      );
    }
    const dashboard = await this.deps.rayData.dashboardOf(
      workspace,
      job.clusterName,
    );
    await dashboard.stopJob(job.submissionId);
    await this.record(workspace, 'rayJob.stop', name);
    return this.get(credentials, tenant, name);
  }

  /**
   * The end of a job's log: from its cluster's dashboard while the cluster
   * is there, else from the job history.
   */
  async logs(
    credentials: Caller,
    tenant: string,
    name: string,
    tail: number,
  ): Promise<JobLogs> {
    const workspace = await this.deps.workspaces.open(
      credentials,
      tenant,
      'read',
    );
    const live = await this.liveLogs(workspace, name, tail);
    if (live) {
      return live;
    }
    const history = await this.deps.store.jobHistory.latest(tenant, name);
    if (!history) {
      throw new NotFoundError(
        `RayJob "${name}" of tenant "${tenant}" has no log: its cluster is gone and the job history has no record of it`,
      );
    }
    return logTail(history.logTail, tail, 'history');
  }

  /** The tenant's finished jobs from the job history. */
  async history(
    credentials: Caller,
    tenant: string,
    page: PageRequest,
  ): Promise<Page<JobHistoryEntry>> {
    await this.deps.workspaces.open(credentials, tenant, 'read');
    return this.deps.store.jobHistory.list(tenant, page);
  }

  private async liveLogs(
    workspace: TenantWorkspace,
    name: string,
    tail: number,
  ): Promise<JobLogs | undefined> {
    const object = await this.findObject(workspace, name);
    const job = object && rayJobView(object, workspace.tenant.name);
    if (!job?.clusterName || !job.submissionId) {
      return undefined;
    }
    try {
      const dashboard = await this.deps.rayData.dashboardOf(
        workspace,
        job.clusterName,
      );
      return await dashboard.jobLogs(job.submissionId, tail);
    } catch (error) {
      if (error instanceof NotFoundError) {
        return undefined;
      }
      throw error;
    }
  }

  /** A job for an existing cluster names one of the tenant's RayClusters. */
  private async assertClusterExists(
    credentials: Caller,
    tenant: string,
    request: RayJobRequest,
  ): Promise<void> {
    if (!('existing' in request.cluster)) {
      return;
    }
    const { existing } = request.cluster;
    const workspace = await this.deps.workspaces.open(
      credentials,
      tenant,
      'read',
    );
    if (!(await this.findObject(workspace, existing, 'RayCluster'))) {
      throw ValidationError.of(
        ['cluster', 'existing'],
        `tenant "${tenant}" has no RayCluster "${existing}"`,
      );
    }
  }
}
