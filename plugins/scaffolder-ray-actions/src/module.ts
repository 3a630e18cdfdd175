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
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { RayServiceClient } from '@ray-service/plugin-ray-service-common';
import { createClusterAction } from './actions/createCluster';
import { createTenantAction } from './actions/createTenant';
import { deployServiceAction } from './actions/deployService';
import { submitJobAction } from './actions/submitJob';
import { RayActionDeps } from './lib/deps';

/**
 * The scaffolder module with the ray:* actions. They call the ray-service
 * backend over HTTP with its typed client, on behalf of the user running the
 * template.
 */
export const scaffolderModuleRayActions = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ray',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, auth, discovery, config }) {
        const deps: RayActionDeps = {
          client: new RayServiceClient({ discoveryApi: discovery }),
          auth,
          appBaseUrl: config.getString('app.baseUrl'),
        };
        scaffolder.addActions(
          createTenantAction(deps),
          createClusterAction(deps),
          submitJobAction(deps),
          deployServiceAction(deps),
        );
      },
    });
  },
});
