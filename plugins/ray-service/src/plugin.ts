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
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { RayServiceClient } from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from './api';
import { rootRouteRef } from './routes';
import { rayFieldDefinitions } from './scaffolder';

export const rayServicePlugin = createPlugin({
  id: 'ray-service',
  apis: [
    createApiFactory({
      api: rayServiceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RayServiceClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/** The admin page of the Ray service, usually mounted at `/ray-service`. */
export const RayServiceAdminPage = rayServicePlugin.provide(
  createRoutableExtension({
    name: 'RayServiceAdminPage',
    component: () => import('./components/AdminPage').then(m => m.AdminPage),
    mountPoint: rootRouteRef,
  }),
);

/** Form field of the Ray templates: the name of a new tenant, checked as typed. */
export const RayTenantNameFieldExtension = rayServicePlugin.provide(
  createScaffolderFieldExtension(rayFieldDefinitions.tenantName),
);

/** Form field: a compute profile the owner group may use, with its resources. */
export const RayProfilePickerFieldExtension = rayServicePlugin.provide(
  createScaffolderFieldExtension(rayFieldDefinitions.profilePicker),
);

/** Form field: a tenant template version shared with the owner group. */
export const RayTemplateVersionPickerFieldExtension = rayServicePlugin.provide(
  createScaffolderFieldExtension(rayFieldDefinitions.templateVersionPicker),
);

/** Form field: a tenant the user may create workloads in. */
export const RayTenantPickerFieldExtension = rayServicePlugin.provide(
  createScaffolderFieldExtension(rayFieldDefinitions.tenantPicker),
);

/** Form field: the REST API's dry run of what the form asks for. */
export const RayDryRunFieldExtension = rayServicePlugin.provide(
  createScaffolderFieldExtension(rayFieldDefinitions.dryRun),
);

/** The Ray tab of a tenant entity (`EntityLayout.Route` with `isRayTenantEntity`). */
export const EntityRayTenantContent = rayServicePlugin.provide(
  createComponentExtension({
    name: 'EntityRayTenantContent',
    component: {
      lazy: () => import('./components/RayTab').then(m => m.RayTenantContent),
    },
  }),
);

/** The tenant at a glance, for a tenant entity's Overview tab. */
export const EntityRayTenantOverviewCard = rayServicePlugin.provide(
  createComponentExtension({
    name: 'EntityRayTenantOverviewCard',
    component: {
      lazy: () =>
        import('./components/TenantCards').then(m => m.RayTenantOverviewCard),
    },
  }),
);

/** The team's Ray tenants, for Group entity pages. */
export const EntityGroupRayTenantsCard = rayServicePlugin.provide(
  createComponentExtension({
    name: 'EntityGroupRayTenantsCard',
    component: {
      lazy: () =>
        import('./components/TenantCards').then(m => m.GroupRayTenantsCard),
    },
  }),
);
