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

import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import { AccessService, TenantAction } from '../../access/AccessService';
import { actorOf, Caller } from '../../access/callers';
import { HostClusterClients } from '../../kubernetes/HostClusterClients';
import { ClusterUnreachableError } from '../../kubernetes/requestErrors';
import {
  TenantClusters,
  WorkloadLocation,
} from '../../kubernetes/tenantClusters';
import { WorkloadContext } from '../../planner/workloads';
import { RayServiceStore, StoredTenant } from '../../store/RayServiceStore';
import { tenantKey } from '../../vocabulary';
import { authorizedTenant } from '../tenants/authorizedTenant';

/** A tenant opened for work on its Ray workloads, as one caller. */
export interface TenantWorkspace {
  tenant: StoredTenant;
  location: WorkloadLocation;
  /** How the audit log names the caller. */
  actor: string;
}

/** A tenant opened for a change: with what plans need. */
export interface PlanningWorkspace extends TenantWorkspace {
  context: WorkloadContext;
}

/** Phases in which a tenant's operator runs, so that workloads can be made. */
const WORKABLE_PHASES = new Set(['Ready', 'Degraded', 'Upgrading']);

export interface TenantWorkspacesDeps {
  store: RayServiceStore;
  access: AccessService;
  clients: HostClusterClients;
  tenantClusters: TenantClusters;
  /** This portal's instance (`rayService.instance`). */
  instance: string;
}

/**
 * Opens a tenant for its workloads: authorizes the caller (reads need
 * `ray-service.tenant.read`, changes `ray-service.workload.*`), loads what
 * plans need (the tenant's profile and template version) and finds where
 * the workloads live (the tenant namespace, or its vcluster).
 */
export class TenantWorkspaces {
  constructor(private readonly deps: TenantWorkspacesDeps) {}

  open(
    credentials: Caller,
    tenantName: string,
    action: 'read',
  ): Promise<TenantWorkspace>;
  open(
    credentials: Caller,
    tenantName: string,
    action: Exclude<TenantAction, 'read'>,
  ): Promise<PlanningWorkspace>;
  open(
    credentials: Caller,
    tenantName: string,
    action: TenantAction,
  ): Promise<TenantWorkspace>;
  async open(
    credentials: Caller,
    tenantName: string,
    action: TenantAction,
  ): Promise<TenantWorkspace | PlanningWorkspace> {
    const { store, tenantClusters, instance } = this.deps;
    const tenant = await authorizedTenant(
      this.deps,
      credentials,
      tenantName,
      action,
    );
    if (action !== 'read' && tenant.deletionRequestedAt) {
      throw new ConflictError(`tenant "${tenant.name}" is being deleted`);
    }
    if (action === 'createWorkloads' && !WORKABLE_PHASES.has(tenant.phase)) {
      throw new ConflictError(
        `tenant "${tenant.name}" is ${tenant.phase}; Ray workloads can be created once it is Ready`,
      );
    }
    // Reads need no plan: they skip the profile and template version.
    if (action === 'read') {
      const location = await this.reach(tenant, () =>
        tenantClusters.locate(tenant),
      );
      return { tenant, location, actor: actorOf(credentials) };
    }
    const [profile, templateVersion, location] = await Promise.all([
      store.profiles.get(tenant.profile),
      store.templateVersions.get(tenant.template),
      this.reach(tenant, () => tenantClusters.locate(tenant)),
    ]);
    if (!profile || !templateVersion) {
      throw new ConflictError(
        `tenant "${tenant.name}" refers to a ${
          profile ? 'template version' : 'profile'
        } that no longer exists`,
      );
    }
    return {
      tenant,
      location,
      actor: actorOf(credentials),
      context: {
        tenant: {
          key: tenantKey(tenant.namespace),
          name: tenant.name,
          isolation: tenant.isolation,
          namespace: location.namespace,
        },
        profile,
        templateVersion,
        instance,
      },
    };
  }

  /**
   * Runs a call on the tenant's Kubernetes API; a vcluster API that gives no
   * answer becomes a 503 that says why and how to fix it.
   */
  async reach<T>(tenant: StoredTenant, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (
        tenant.isolation === 'vcluster' &&
        error instanceof ClusterUnreachableError
      ) {
        const exposure =
          this.deps.clients.config(tenant.hostCluster).vclusterApiExposure ??
          'clusterDns';
        throw new ServiceUnavailableError(
          `the vcluster API of tenant "${
            tenant.name
          }" cannot be reached from the backend (${error.message}). ${
            exposure === 'clusterDns'
              ? `Host cluster ${tenant.hostCluster} exposes vcluster APIs by cluster DNS only: run the backend inside that cluster, or set rayService.hostClusters[].vclusterApiExposure to "ingress" (see docs/tenants.md#reaching-the-vcluster-api).`
              : 'Check the ingress route to the vcluster API (SSL passthrough).'
          }`,
        );
      }
      throw error;
    }
  }
}
