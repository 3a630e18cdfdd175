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

/*
 * The dev/demo backend of Ray as a Service for Backstage: catalog,
 * scaffolder (with the ray:* actions), guest auth, permissions with an
 * example policy, the Ray service plugins, and MCP for agents. Adopters add the same packages to their own backend.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// events between plugins (the catalog and the portal's tenant events)
backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Ray service tenants as catalog Resources (catalog.providers.rayService).
backend.add(import('@ray-service/plugin-catalog-backend-module-ray-service'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@ray-service/plugin-scaffolder-backend-module-ray'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicy'));

backend.add(import('@ray-service/plugin-ray-service-backend'));

// MCP clients (agents) list and call the actions registry's actions, the
// Ray service's among them (backend.actions.pluginSources in app-config).
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
