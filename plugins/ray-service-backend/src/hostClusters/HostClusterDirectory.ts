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
import {
  checkVersionSupport,
  HostCluster,
  HostClusterFacts,
  HostClusterReachability,
  HostClusterVersionSupport,
} from '@ray-service/plugin-ray-service-common';
import { HostClusterClients } from '../kubernetes/HostClusterClients';
import { describeKubernetesError } from '../kubernetes/errors';
import { serverOf } from '../kubernetes/kubeConfig';
import { Page, PageRequest, pageOfNamedItems } from '../lib/pagination';
import { RayServiceStore } from '../store/RayServiceStore';
import { AuditService } from '../services/AuditService';
import { TtlCache } from '../lib/TtlCache';

const DEFAULT_REACHABILITY_MAX_AGE_MS = 15_000;

export interface HostClusterServiceOptions {
  kubernetesSupport: { minVersion: string; maxVersion: string };
  /** How long a reachability check is reused; default 15 s. */
  reachabilityMaxAgeMs?: number;
}

/**
 * Host clusters as the portal shows them: config, the facts admins recorded,
 * reachability (briefly cached, so list pages stay fast) and whether the
 * reported Kubernetes version is supported.
 */
export class HostClusterService {
  private readonly reachabilityCache: TtlCache<HostClusterReachability>;

  constructor(
    private readonly clients: HostClusterClients,
    private readonly store: RayServiceStore,
    private readonly audit: AuditService,
    private readonly logger: LoggerService,
    private readonly options: HostClusterServiceOptions,
  ) {
    this.reachabilityCache = new TtlCache(
      options.reachabilityMaxAgeMs ?? DEFAULT_REACHABILITY_MAX_AGE_MS,
    );
  }

  /** A page of the configured clusters, in config order. */
  async list(page: PageRequest): Promise<Page<HostCluster>> {
    const { items, ...rest } = pageOfNamedItems(this.clients.clusters, page);
    const facts = await this.store.listHostClusterFacts();
    return {
      items: await Promise.all(
        items.map(cluster => this.view(cluster.name, facts.get(cluster.name))),
      ),
      ...rest,
    };
  }

  /** @throws NotFoundError when the cluster is not configured. */
  async get(name: string): Promise<HostCluster> {
    this.clients.config(name);
    return this.view(name, await this.store.getHostClusterFacts(name));
  }

  /** Replaces the facts present in `patch`, keeping the others. */
  async updateFacts(
    actor: string,
    name: string,
    patch: HostClusterFacts,
  ): Promise<HostCluster> {
    this.clients.config(name);
    await this.store.transaction(async tx => {
      const before = (await tx.getHostClusterFacts(name)) ?? {};
      const after = { ...before, ...definedFields(patch) };
      const updatedAt = new Date().toISOString();
      await tx.upsertHostClusterFacts(name, after, {
        updatedBy: actor,
        updatedAt,
      });
      await this.audit.record(tx, {
        actor,
        action: 'hostCluster.update',
        targetName: name,
        before,
        after,
      });
    });
    return this.get(name);
  }

  private async view(
    name: string,
    facts: HostClusterFacts | undefined,
  ): Promise<HostCluster> {
    const cluster = this.clients.config(name);
    const reachability = await this.reachabilityCache.get(name, () =>
      this.checkReachability(name),
    );
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
    const { minVersion, maxVersion } = this.options.kubernetesSupport;
    const { supported, range, reason } = checkVersionSupport(
      reachability.kubernetesVersion,
      { min: minVersion, max: maxVersion },
    );
    return { supported, range, reason };
  }

  private urlOf(name: string): string {
    try {
      return serverOf(this.clients.kubeConfig(name));
    } catch {
      return this.clients.config(name).url ?? '';
    }
  }

  private async checkReachability(
    name: string,
  ): Promise<HostClusterReachability> {
    const checkedAt = new Date().toISOString();
    try {
      const kubernetesVersion = await this.clients.kubernetesVersion(name);
      return { reachable: true, kubernetesVersion, checkedAt };
    } catch (error) {
      const message = describeKubernetesError(error);
      this.logger.warn(`host cluster ${name} is unreachable: ${message}`);
      return { reachable: false, error: message, checkedAt };
    }
  }
}

function definedFields(patch: HostClusterFacts): HostClusterFacts {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  );
}
