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
  checkVersionSupport,
  HostCluster,
  HostClusterFacts,
  HostClusterPreflight,
  HostClusterReachability,
  HostClusterVersionSupport,
} from '@ray-service/plugin-ray-service-common';
import { AccessService } from '../access/AccessService';
import { Caller } from '../access/callers';
import { HostClusterClients } from '../kubernetes/HostClusterClients';
import { serverOf } from '../kubernetes/kubeConfig';
import { Page, PageRequest, pageOfNamedItems } from '../lib/pagination';
import { RayServiceStore } from '../store/RayServiceStore';
import { HostClusterProbe, RbacRequest } from './HostClusterProbe';
import { Reachability } from './reachability';

export interface HostClusterDirectoryDeps {
  clients: HostClusterClients;
  store: RayServiceStore;
  access: AccessService;
  probe: HostClusterProbe;
  reachability: Reachability;
  kubernetesSupport: { minVersion: string; maxVersion: string };
}

/**
 * Host clusters as admins see and manage them (every method needs
 * \`ray-service.admin\`): config, the facts admins recorded, reachability,
 * whether the reported Kubernetes version is supported, preflight and the
 * least-privilege RBAC.
 */
export class HostClusterDirectory {
  constructor(private readonly deps: HostClusterDirectoryDeps) {}

  /** A page of the configured clusters, in config order. */
  async list(
    credentials: Caller,
    page: PageRequest,
  ): Promise<Page<HostCluster>> {
    await this.deps.access.requireAdmin(credentials);
    const { items, ...rest } = pageOfNamedItems(
      this.deps.clients.clusters,
      page,
    );
    const facts = await this.deps.store.hostClusterFacts.list();
    return {
      items: await Promise.all(
        items.map(cluster => this.view(cluster.name, facts.get(cluster.name))),
      ),
      ...rest,
    };
  }

  /** @throws NotFoundError when the cluster is not configured. */
  async get(credentials: Caller, name: string): Promise<HostCluster> {
    await this.deps.access.requireAdmin(credentials);
    this.deps.clients.config(name);
    return this.view(name, await this.deps.store.hostClusterFacts.get(name));
  }

  /** Replaces the facts present in \`patch\`, keeping the others. */
  async updateFacts(
    credentials: Caller,
    name: string,
    patch: HostClusterFacts,
  ): Promise<HostCluster> {
    const actor = await this.deps.access.requireAdmin(credentials);
    this.deps.clients.config(name);
    await this.deps.store.transaction(async tx => {
      const before = (await tx.hostClusterFacts.get(name)) ?? {};
      const after = { ...before, ...definedFields(patch) };
      const updatedAt = new Date().toISOString();
      await tx.hostClusterFacts.upsert(name, after, {
        updatedBy: actor,
        updatedAt,
      });
      await tx.auditLog.record({
        actor,
        action: 'hostCluster.update',
        targetName: name,
        before,
        after,
      });
    });
    return this.view(name, await this.deps.store.hostClusterFacts.get(name));
  }

  /** A fresh preflight of the cluster. */
  async preflight(
    credentials: Caller,
    name: string,
  ): Promise<HostClusterPreflight> {
    await this.deps.access.requireAdmin(credentials);
    return this.deps.probe.preflight(name);
  }

  /** The RBAC that lets the backend manage tenants without cluster-admin, as YAML. */
  async rbac(
    credentials: Caller,
    name: string,
    request: RbacRequest,
  ): Promise<string> {
    await this.deps.access.requireAdmin(credentials);
    return this.deps.probe.rbac(name, request);
  }

  private async view(
    name: string,
    facts: HostClusterFacts | undefined,
  ): Promise<HostCluster> {
    const cluster = this.deps.clients.config(name);
    const reachability = await this.deps.reachability.of(name);
    const versionSupport = this.versionSupportOf(reachability);
    return {
      name: cluster.name,
      title: cluster.title,
      url: this.urlOf(name),
      authType: cluster.auth.type,
      reachability,
      ...(facts && { facts }),
      ...(versionSupport && { versionSupport }),
    };
  }

  private versionSupportOf(
    reachability: HostClusterReachability,
  ): HostClusterVersionSupport | undefined {
    if (!reachability.reachable) {
      return undefined;
    }
    const { minVersion, maxVersion } = this.deps.kubernetesSupport;
    const { supported, range, reason } = checkVersionSupport(
      reachability.kubernetesVersion,
      { min: minVersion, max: maxVersion },
    );
    return { supported, range, reason };
  }

  private urlOf(name: string): string {
    try {
      return serverOf(this.deps.clients.kubeConfig(name));
    } catch {
      return this.deps.clients.config(name).url ?? '';
    }
  }
}

function definedFields(patch: HostClusterFacts): HostClusterFacts {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  );
}
