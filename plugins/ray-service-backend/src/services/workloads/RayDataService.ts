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

import { NotFoundError } from '@backstage/errors';
import { LRUCache } from 'lru-cache';
import { Caller } from '../../access/callers';
import { ObservedObject } from '../../kubernetes/ObjectClient';
import { ClusterUnreachableError } from '../../kubernetes/requestErrors';
import { findSyncedObject } from '../../kubernetes/syncedObjects';
import { RAY_API_VERSION } from '../../planner/workloads';
import { DashboardTarget, RayDashboard } from '../../ray/RayDashboard';
import { TenantWorkspace, TenantWorkspaces } from './workspace';

/** How long a read of a dashboard is served again: tabs poll, Ray need not answer each. */
const DEFAULT_CACHE_TTL_MS = 2_000;
/** How long a cluster's head Service and token are reused. */
const TARGET_TTL_MS = 30_000;
const MAX_ENTRIES = 1_000;

/** KubeRay's key of the token in a RayCluster's auth Secret. */
const AUTH_TOKEN_KEY = 'auth_token';

type Json = Record<string, any>;

function decodeToken(secret: ObservedObject | undefined): string | undefined {
  const data = (secret as { data?: Record<string, string> } | undefined)?.data;
  const encoded = data?.[AUTH_TOKEN_KEY];
  return encoded ? Buffer.from(encoded, 'base64').toString('utf8') : undefined;
}

/**
 * Live Ray data of a tenant's RayClusters, from each cluster's Ray dashboard
 * through the host API server's service proxy to the head Service (in
 * vcluster isolation, the Service vcluster synced into the tenant namespace):
 * jobs and their logs, nodes, use and demand, Serve applications. Reading
 * needs `ray-service.tenant.read`; stopping a job
 * `ray-service.workload.update`. The cluster's Ray token goes to the
 * dashboard and nowhere else. Small bounded caches keep polling tabs from
 * reaching Ray on every request.
 */
export class RayDataService {
  private readonly targets = new LRUCache<string, DashboardTarget>({
    max: MAX_ENTRIES,
    ttl: TARGET_TTL_MS,
  });
  /** Undefined when answers are not reused (a TTL of 0). */
  private readonly reads?: LRUCache<string, {}>;

  constructor(
    private readonly workspaces: TenantWorkspaces,
    options: { cacheTtlMs: number } = { cacheTtlMs: DEFAULT_CACHE_TTL_MS },
  ) {
    if (options.cacheTtlMs > 0) {
      this.reads = new LRUCache({ max: MAX_ENTRIES, ttl: options.cacheTtlMs });
    }
  }

  async jobs(credentials: Caller, tenant: string, cluster: string) {
    return this.read(credentials, tenant, cluster, 'jobs', d => d.jobs());
  }

  async job(
    credentials: Caller,
    tenant: string,
    cluster: string,
    submissionId: string,
  ) {
    return this.read(credentials, tenant, cluster, `job/${submissionId}`, d =>
      d.job(submissionId),
    );
  }

  async jobLogs(
    credentials: Caller,
    tenant: string,
    cluster: string,
    submissionId: string,
    tail: number,
  ) {
    return this.read(
      credentials,
      tenant,
      cluster,
      `logs/${submissionId}/${tail}`,
      d => d.jobLogs(submissionId, tail),
    );
  }

  async nodes(credentials: Caller, tenant: string, cluster: string) {
    return this.read(credentials, tenant, cluster, 'nodes', d => d.nodes());
  }

  async status(credentials: Caller, tenant: string, cluster: string) {
    return this.read(credentials, tenant, cluster, 'status', d => d.status());
  }

  async serveApplications(
    credentials: Caller,
    tenant: string,
    cluster: string,
  ) {
    return this.read(credentials, tenant, cluster, 'serve', d =>
      d.serveApplications(),
    );
  }

  /** The dashboard of a cluster of an opened tenant, for its own services (no cache). */
  async dashboardOf(
    workspace: TenantWorkspace,
    cluster: string,
  ): Promise<RayDashboard> {
    return new RayDashboard(await this.target(workspace, cluster));
  }

  private async read<T extends {}>(
    credentials: Caller,
    tenant: string,
    cluster: string,
    what: string,
    load: (dashboard: RayDashboard) => Promise<T>,
  ): Promise<T> {
    const workspace = await this.workspaces.open(credentials, tenant, 'read');
    const key = `${this.targetKey(workspace, cluster)}/${what}`;
    const cached = this.reads?.get(key);
    if (cached) {
      return cached as T;
    }
    try {
      const value = await load(await this.dashboardOf(workspace, cluster));
      this.reads?.set(key, value);
      return value;
    } catch (error) {
      // A cluster made again under the same name has a new head and token.
      this.targets.delete(this.targetKey(workspace, cluster));
      throw error;
    }
  }

  private targetKey(workspace: TenantWorkspace, cluster: string): string {
    return `${workspace.tenant.hostCluster}/${workspace.tenant.name}/${cluster}`;
  }

  private async target(
    workspace: TenantWorkspace,
    cluster: string,
  ): Promise<DashboardTarget> {
    const key = this.targetKey(workspace, cluster);
    const known = this.targets.get(key);
    if (known) {
      return known;
    }
    const target = await this.findTarget(workspace, cluster);
    this.targets.set(key, target);
    return target;
  }

  /**
   * The head Service and token of a RayCluster: from the RayCluster (its
   * status names the Service; its auth options the Secret), or, when a
   * vcluster API gives no answer, from what vcluster synced to the host
   * under KubeRay's default names.
   */
  private async findTarget(
    workspace: TenantWorkspace,
    cluster: string,
  ): Promise<DashboardTarget> {
    const { location, tenant } = workspace;
    let rayCluster: ObservedObject | undefined;
    let reachable = true;
    try {
      rayCluster = await location.client.get(
        RAY_API_VERSION,
        'RayCluster',
        location.namespace,
        cluster,
      );
    } catch (error) {
      if (
        !(error instanceof ClusterUnreachableError) ||
        !location.vclusterRelease
      ) {
        throw error;
      }
      reachable = false;
    }
    if (reachable && !rayCluster) {
      throw new NotFoundError(
        `RayCluster "${cluster}" not found in tenant "${tenant.name}"`,
      );
    }
    const spec = (rayCluster?.spec as Json | undefined) ?? {};
    const status = (rayCluster?.status as Json | undefined) ?? {};
    const serviceName: string =
      status.head?.serviceName ?? `${cluster}-head-svc`;
    const tokenSecret: string | undefined =
      !rayCluster || spec.authOptions?.mode === 'token'
        ? spec.authOptions?.secretName ?? cluster
        : undefined;
    if (!location.vclusterRelease) {
      return {
        cluster,
        host: location.host,
        namespace: location.hostNamespace,
        service: serviceName,
        ...(tokenSecret && {
          token: decodeToken(
            await location.client.get(
              'v1',
              'Secret',
              location.namespace,
              tokenSecret,
            ),
          ),
        }),
      };
    }
    const synced = (kind: 'Service' | 'Secret', virtualName: string) =>
      findSyncedObject(location.host, {
        hostNamespace: location.hostNamespace,
        release: location.vclusterRelease!,
        kind,
        virtualNamespace: location.namespace,
        virtualName,
      });
    const service = await synced('Service', serviceName);
    if (!service) {
      throw new NotFoundError(
        `the head Service of RayCluster "${cluster}" is not on the host yet (vcluster syncs it once the cluster starts)`,
      );
    }
    const secret =
      tokenSecret &&
      (reachable
        ? await location.client.get(
            'v1',
            'Secret',
            location.namespace,
            tokenSecret,
          )
        : await synced('Secret', tokenSecret));
    return {
      cluster,
      host: location.host,
      namespace: location.hostNamespace,
      service: service.metadata.name,
      ...(secret && { token: decodeToken(secret) }),
    };
  }
}
