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
import { rayServicePermissions } from '@ray-service/plugin-ray-service-common';
import { importBootstrapContent } from './bootstrap/importBootstrapContent';
import { readRayServiceConfig } from './config';
import { HostClusterClients } from './kubernetes/HostClusterClients';
import { createRouter } from './router';
import { AccessService } from './services/AccessService';
import { AuditService } from './services/AuditService';
import { GroupHierarchy } from './services/GroupHierarchy';
import { HostClusterService } from './services/HostClusterService';
import { ProfileService } from './services/ProfileService';
import { TemplateService } from './services/TemplateService';
import { DatabaseRayServiceStore } from './store/DatabaseRayServiceStore';
import { migrateDatabase } from './store/migrations';

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

        const audit = new AuditService(store);
        const profiles = new ProfileService(store, audit);
        const templates = new TemplateService(store, audit);
        await importBootstrapContent(rayConfig.bootstrap, {
          profiles,
          templates,
          logger,
        });

        httpRouter.use(
          createRouter({
            access: new AccessService(
              httpAuth,
              permissions,
              new GroupHierarchy({ catalog, auth, userInfo, logger }),
            ),
            hostClusters: new HostClusterService(
              clients,
              store,
              audit,
              logger,
              { kubernetesSupport: rayConfig.kubernetesSupport },
            ),
            profiles,
            templates,
            audit,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info(
          `ray-service serving ${rayConfig.hostClusters.length} host cluster(s)`,
        );
      },
    });
  },
});
