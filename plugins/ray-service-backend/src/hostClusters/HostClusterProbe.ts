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
  HostClusterPreflight,
  VersionSupportMatrix,
} from '@ray-service/plugin-ray-service-common';
import { HostClusterClients } from '../kubernetes/HostClusterClients';
import type { ObservedObject } from '../kubernetes/ObjectClient';
import { TtlCache } from '../lib/TtlCache';
import type { HostClusterInput } from '../planner';
import { DeliveryController, HOST_READS } from '../vocabulary';
import { CapacityReading, fetchCapacityReading } from './capacityReading';
import { hostClusterInput } from './plannerView';
import { preflight, PreflightResult } from './preflight';
import { minimalRbacYaml } from './rbac';

const DEFAULT_PREFLIGHT_MAX_AGE_MS = 30_000;

/** A preflight result and when it was made. */
export type CheckedPreflight = PreflightResult & { checkedAt: string };

export interface HostClusterProbeOptions {
  supportMatrix: VersionSupportMatrix;
  /** How long placement and the reconcile loop reuse a preflight; default 30 s. */
  preflightMaxAgeMs?: number;
  /** Whether the reconcile loop watches host clusters (the RBAC then grants `watch`). */
  watch?: boolean;
}

/** Who the RBAC document is for; the delivery controller defaults to the detected one. */
export interface RbacRequest {
  serviceAccount: string;
  namespace: string;
  deliveryController?: DeliveryController;
}

/**
 * What the portal reads from a live host cluster beyond reachability:
 * preflight (prerequisites, detected delivery controller and classes),
 * nodes and quotas for capacity, namespaces, the least-privilege RBAC and
 * the planner's view of the cluster. No authorization: services and the
 * reconcile loop call it on behalf of whoever they serve.
 */
export class HostClusterProbe {
  private readonly preflights: TtlCache<CheckedPreflight>;

  constructor(
    private readonly clients: HostClusterClients,
    private readonly options: HostClusterProbeOptions,
  ) {
    this.preflights = new TtlCache(
      options.preflightMaxAgeMs ?? DEFAULT_PREFLIGHT_MAX_AGE_MS,
    );
  }

  /** The configured clusters' names, in config order. */
  get names(): string[] {
    return this.clients.clusters.map(cluster => cluster.name);
  }

  /**
   * A fresh preflight (also renews the reused one), with discovery asked
   * anew: an admin who just installed a CRD sees it at once.
   * @throws NotFoundError when not configured.
   */
  async preflight(name: string): Promise<HostClusterPreflight> {
    this.clients.config(name);
    this.clients.objectClient(name).forgetDiscovery();
    const result = await this.runPreflight(name);
    this.preflights.set(name, result);
    return { hostCluster: name, ...result };
  }

  /** A recent preflight, reused for a while (see `preflightMaxAgeMs`). */
  async recentPreflight(name: string): Promise<CheckedPreflight> {
    this.clients.config(name);
    return this.preflights.get(name, () => this.runPreflight(name));
  }

  /** Nodes' allocatable resources and what tenant quotas reserve. */
  async capacity(name: string): Promise<CapacityReading> {
    this.clients.config(name);
    return fetchCapacityReading(this.clients.objectClient(name));
  }

  /**
   * A Namespace of the cluster as it is now (no cache), or undefined when
   * there is none of that name.
   */
  async namespace(
    hostCluster: string,
    name: string,
  ): Promise<ObservedObject | undefined> {
    this.clients.config(hostCluster);
    return this.clients
      .objectClient(hostCluster)
      .get(
        HOST_READS.tenantNamespace.apiVersion,
        HOST_READS.tenantNamespace.kind,
        undefined,
        name,
      );
  }

  /**
   * The ServiceAccount, ClusterRole and binding that let the backend manage
   * tenants without cluster-admin, as YAML.
   *
   * @throws ConflictError when no delivery controller is given or detected.
   */
  async rbac(name: string, request: RbacRequest): Promise<string> {
    const config = this.clients.config(name);
    const deliveryController =
      request.deliveryController ??
      hostClusterInput(config, await this.preflight(name)).deliveryController;
    return minimalRbacYaml({
      serviceAccount: request.serviceAccount,
      namespace: request.namespace,
      deliveryController,
      watch: this.options.watch ?? false,
    });
  }

  /**
   * The host cluster as the planner sees it, from config and a recent
   * preflight. @throws ConflictError when it has no delivery controller.
   */
  async plannerInput(name: string): Promise<HostClusterInput> {
    return hostClusterInput(
      this.clients.config(name),
      await this.recentPreflight(name),
    );
  }

  private async runPreflight(name: string): Promise<CheckedPreflight> {
    const result = await preflight(this.clients.objectClient(name), {
      supportMatrix: this.options.supportMatrix,
      clusterIssuer: this.clients.config(name).clusterIssuer,
    });
    return { ...result, checkedAt: new Date().toISOString() };
  }
}
