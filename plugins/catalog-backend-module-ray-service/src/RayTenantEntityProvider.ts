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
import { ResponseError } from '@backstage/errors';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  MAX_PAGE_LIMIT,
  RayServiceApi,
  Tenant,
  TenantEvent,
  tenantEntityRef,
} from '@ray-service/plugin-ray-service-common';
import {
  EntityContext,
  hostClusterEntity,
  systemEntity,
  tenantEntity,
} from './entities';

export const PROVIDER_NAME = 'ray-service-tenants';

export interface RayTenantEntityProviderOptions {
  /** The typed client of the ray-service backend. */
  client: Pick<RayServiceApi, 'listTenants' | 'getTenant'>;
  /** A token for the ray-service backend on the module's own behalf. */
  token(): Promise<string>;
  context: EntityContext;
  logger: LoggerService;
}

/**
 * Ray service tenants as catalog entities. `refresh()` replaces them all
 * (a full mutation, run on a schedule); `applyEvent()` changes one tenant
 * (a delta mutation, on the backend's tenant events). Both read through the
 * backend's REST API with a service token, never its database. The entities
 * depend only on what the API answers, so a restart re-emits the same ones.
 */
export class RayTenantEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(private readonly options: RayTenantEntityProviderOptions) {}

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
  }

  /** Emits every tenant (and the System and host clusters they are part of). */
  async refresh(): Promise<{ tenants: number }> {
    const connection = this.connected();
    const tenants = await this.listTenants();
    const { context } = this.options;
    const hostClusters = [...new Set(tenants.map(t => t.hostCluster))].sort();
    await connection.applyMutation({
      type: 'full',
      entities: [
        systemEntity(context),
        ...hostClusters.map(name => hostClusterEntity(name, context)),
        ...tenants.map(tenant => tenantEntity(tenant, context)),
      ].map(entity => this.deferred(entity)),
    });
    this.options.logger.info(
      `emitted ${tenants.length} Ray tenants on ${hostClusters.length} host clusters`,
    );
    return { tenants: tenants.length };
  }

  /**
   * Brings one tenant's entity up to date: read again when it changed,
   * removed when it is gone (or no longer readable). Before the catalog
   * connected, nothing: the first full pass comes after.
   */
  async applyEvent(event: TenantEvent): Promise<void> {
    if (!this.connection) {
      return;
    }
    const tenant =
      event.change === 'changed' ? await this.getTenant(event.tenant) : null;
    const { context } = this.options;
    // With the System and its host cluster, so that a first tenant's
    // relations resolve before the next full pass.
    await this.connection.applyMutation(
      tenant
        ? {
            type: 'delta',
            added: [
              systemEntity(context),
              hostClusterEntity(tenant.hostCluster, context),
              tenantEntity(tenant, context),
            ].map(entity => this.deferred(entity)),
            removed: [],
          }
        : {
            type: 'delta',
            added: [],
            removed: [
              {
                entityRef: tenantEntityRef(event.tenant, context.namespace),
                locationKey: PROVIDER_NAME,
              },
            ],
          },
    );
  }

  private deferred(entity: DeferredEntity['entity']): DeferredEntity {
    return { entity, locationKey: PROVIDER_NAME };
  }

  private connected(): EntityProviderConnection {
    if (!this.connection) {
      throw new Error(`${PROVIDER_NAME} is not connected to the catalog`);
    }
    return this.connection;
  }

  private async listTenants(): Promise<Tenant[]> {
    const tenants: Tenant[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.options.client.listTenants(
        { query: { limit: MAX_PAGE_LIMIT, cursor } },
        { token: await this.options.token() },
      );
      tenants.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return tenants;
  }

  private async getTenant(name: string): Promise<Tenant | null> {
    try {
      return await this.options.client.getTenant(
        { path: { name } },
        { token: await this.options.token() },
      );
    } catch (error) {
      if (error instanceof ResponseError && error.response.status === 404) {
        return null;
      }
      throw error;
    }
  }
}
