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
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import { rayServicePermissions } from '@ray-service/plugin-ray-service-common';
import { importBootstrapContent } from './bootstrap/importBootstrapContent';
import { readRayServiceConfig } from './config';
import { HostClusterClients } from './kubernetes/HostClusterClients';
import { ReconcileLoop } from './provisioning/loop/ReconcileLoop';
import { createRouter } from './router';
import { AccessService } from './access/AccessService';
import { AuditService } from './services/AuditService';
import { GroupHierarchy } from './access/GroupHierarchy';
import { HostClusterOperations } from './hostClusters/HostClusterProbe';
import { HostClusterService } from './hostClusters/HostClusterDirectory';
import { ProfileService } from './services/ProfileService';
import { TemplateService } from './services/TemplateService';
import { TenantAccess } from './access/TenantAccess';
import { TenantService } from './services/tenants/TenantService';
import {
  tenantPermissionRules,
  tenantResourcePermissions,
  tenantResourceRef,
} from './access/tenantPermissions';
import { DatabaseRayServiceStore } from './store/DatabaseRayServiceStore';
import { RayServiceStore } from './store/RayServiceStore';
import { migrateDatabase } from './store/migrations';

/** Tenants for permission conditions, in the order of the refs (their names). */
function tenantResources(store: RayServiceStore) {
  return async (names: string[]) => {
    const tenants = new Map(
      (await store.getTenants(names)).map(tenant => [tenant.name, tenant]),
    );
    return names.map(name => tenants.get(name));
  };
}

/** The ray-service backend plugin, mounted at `/api/ray-service`. */
export const rayServicePlugin = createBackendPlugin({
  pluginId: 'ray-service',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        httpAuth,
        auth,
        userInfo,
        permissions,
        permissionsRegistry,
        scheduler,
        lifecycle,
        catalog,
      }) {
        const rayConfig = readRayServiceConfig(config);
        const store = new DatabaseRayServiceStore(
          await migrateDatabase(database),
        );
        const clients = new HostClusterClients(
          rayConfig.hostClusters,
          rayConfig.reachabilityTimeoutMs,
        );
        permissionsRegistry.addPermissions(rayServicePermissions);
        permissionsRegistry.addResourceType({
          resourceRef: tenantResourceRef,
          permissions: tenantResourcePermissions,
          rules: Object.values(tenantPermissionRules),
          getResources: tenantResources(store),
        });

        const audit = new AuditService(store);
        const profiles = new ProfileService(store, audit);
        const templates = new TemplateService(store, audit);
        await importBootstrapContent(rayConfig.bootstrap, {
          profiles,
          templates,
          logger,
        });

        const { minVersion, maxVersion } = rayConfig.kubernetesSupport;
        const hostClusterOperations = new HostClusterOperations(clients, {
          supportMatrix: { min: minVersion, max: maxVersion },
        });
        const loop = new ReconcileLoop(
          { store, clients, hostClusters: hostClusterOperations, logger },
          {
            instance: rayConfig.instance,
            requeueMs: rayConfig.reconcile.requeueSeconds * 1000,
          },
        );
        const groups = new GroupHierarchy({ catalog, auth, userInfo, logger });
        const access = new AccessService(httpAuth, permissions, groups);
        const { enabled, intervalSeconds, timeoutSeconds } =
          rayConfig.reconcile;

        httpRouter.use(
          createRouter({
            access,
            hostClusters: new HostClusterService(
              clients,
              store,
              audit,
              logger,
              { kubernetesSupport: rayConfig.kubernetesSupport },
            ),
            hostClusterOperations,
            profiles,
            templates,
            audit,
            tenants: new TenantService({
              store,
              audit,
              groups,
              hostClusters: hostClusterOperations,
              instance: rayConfig.instance,
              onChange: hostCluster => {
                if (enabled) {
                  loop.trigger(hostCluster);
                }
              },
            }),
            tenantAccess: new TenantAccess(
              access,
              permissions,
              groups,
              createConditionTransformer(
                permissionsRegistry.getPermissionRuleset(tenantResourceRef),
              ),
            ),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        if (enabled) {
          await scheduler.scheduleTask({
            id: 'ray-service-reconcile',
            frequency: { seconds: intervalSeconds },
            timeout: { seconds: timeoutSeconds },
            scope: 'global',
            fn: async () => {
              await loop.runAll();
            },
          });
          lifecycle.addShutdownHook(() => loop.stop());
        }
        logger.info(
          `ray-service instance ${rayConfig.instance} serving ${
            rayConfig.hostClusters.length
          } host cluster(s); tenant reconcile loop ${
            enabled ? `every ${intervalSeconds} s` : 'off'
          }`,
        );
      },
    });
  },
});
