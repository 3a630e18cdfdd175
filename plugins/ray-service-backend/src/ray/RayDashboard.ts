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
  JobLogs,
  RayClusterStatus,
  RayDashboardJob,
  RayNode,
  ServeApplication,
} from '@ray-service/plugin-ray-service-common';
import { ObjectClient, ProxyRequest } from '../kubernetes/ObjectClient';
import { ProxiedAnswerError } from '../kubernetes/requestErrors';
import { dashboardError } from './errors';
import {
  clusterStatus,
  dashboardJob,
  dashboardJobs,
  loadMetrics,
  logTail,
  rayNodes,
  rayVersion,
  serveApplications,
  stateApiItems,
} from './mappers';

/** Where a Ray cluster's dashboard is, and the token it wants. */
export interface DashboardTarget {
  /** The RayCluster, for messages. */
  cluster: string;
  /** The host API server, whose service proxy reaches the head Service. */
  host: ObjectClient;
  /** The head Service on the host (in vcluster isolation: the one vcluster synced). */
  namespace: string;
  service: string;
  /** Ray's token when the cluster has token auth. Sent as `X-Ray-Authorization`: the API server consumes `Authorization`. */
  token?: string;
}

const DASHBOARD_PORT = 'dashboard';
const MAX_NODES = 1000;

/**
 * One Ray cluster's dashboard, through the host API server's service proxy:
 * a fixed set of Ray 2.60 endpoints (an allow-list, not an open proxy), each
 * answer read into the portal's shapes. Requests carry no browser headers
 * (Ray refuses writes with them) and the token only in
 * `X-Ray-Authorization`. Trailing slashes are as Ray wants them.
 */
export class RayDashboard {
  constructor(private readonly target: DashboardTarget) {}

  async jobs(): Promise<RayDashboardJob[]> {
    return dashboardJobs(await this.get('/api/jobs/'));
  }

  async job(submissionId: string): Promise<RayDashboardJob> {
    const job = dashboardJob(await this.get(this.jobPath(submissionId)));
    if (!job) {
      throw dashboardError(new ProxiedAnswerError(404, 'not a submitted job'), {
        cluster: this.target.cluster,
        request: `job ${submissionId}`,
      });
    }
    return job;
  }

  async jobLogs(submissionId: string, tail: number): Promise<JobLogs> {
    const answer = (await this.get(`${this.jobPath(submissionId)}/logs`)) as
      | { logs?: unknown }
      | undefined;
    return logTail(String(answer?.logs ?? ''), tail, 'dashboard');
  }

  /** Stops a job; false when it had already ended. */
  async stopJob(submissionId: string): Promise<boolean> {
    const answer = (await this.call({
      method: 'POST',
      path: `${this.jobPath(submissionId)}/stop`,
    })) as { stopped?: unknown } | undefined;
    return answer?.stopped === true;
  }

  async nodes(): Promise<RayNode[]> {
    const [nodes, status] = await Promise.all([
      this.get('/api/v0/nodes', { detail: '1', limit: String(MAX_NODES) }),
      this.get('/api/cluster_status'),
    ]);
    return rayNodes(nodes, status);
  }

  /**
   * Use and demand. Autoscaler v1 reports both in the cluster status;
   * under v2 use comes from the `ray status` text and demand from the
   * state API's pending tasks and actors.
   */
  async status(): Promise<RayClusterStatus> {
    const [nodes, status, version] = await Promise.all([
      this.get('/api/v0/nodes', { detail: '1', limit: String(MAX_NODES) }),
      this.get('/api/cluster_status'),
      this.get('/api/version'),
    ]);
    const v2 = loadMetrics(status) === undefined;
    const [text, tasks, actors] = v2
      ? await Promise.all([
          this.get('/api/cluster_status', { format: '1' }),
          this.get('/api/v0/tasks', pendingFilter('PENDING_NODE_ASSIGNMENT')),
          this.get('/api/v0/actors', pendingFilter('PENDING_CREATION')),
        ])
      : [];
    const ray = rayVersion(version);
    return {
      ...(ray && { ray }),
      ...clusterStatus(
        status,
        rayNodes(nodes, status),
        [...stateApiItems(tasks), ...stateApiItems(actors)],
        text,
      ),
    };
  }

  async serveApplications(): Promise<ServeApplication[]> {
    return serveApplications(await this.get('/api/serve/applications/'));
  }

  private jobPath(submissionId: string): string {
    return `/api/jobs/${encodeURIComponent(submissionId)}`;
  }

  private get(path: string, query?: Record<string, string>) {
    return this.call({ method: 'GET', path, ...(query && { query }) });
  }

  private async call(request: Omit<ProxyRequest, 'headers'>): Promise<unknown> {
    const { host, namespace, service, token, cluster } = this.target;
    try {
      return await host.proxy(
        { namespace, service, port: DASHBOARD_PORT },
        {
          ...request,
          ...(token && {
            headers: { 'X-Ray-Authorization': `Bearer ${token}` },
          }),
        },
      );
    } catch (error) {
      if (error instanceof ProxiedAnswerError) {
        throw dashboardError(error, {
          cluster,
          request: `${request.method} ${request.path}`,
        });
      }
      throw error;
    }
  }
}

/** The state API's filter for tasks or actors in one state, with their resources. */
function pendingFilter(state: string): Record<string, string> {
  return {
    detail: '1',
    limit: '100',
    filter_keys: 'state',
    filter_predicates: '=',
    filter_values: state,
  };
}
