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

/**
 * The Ray service plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */

import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import StorageIcon from '@material-ui/icons/Storage';
import { RayServiceClient } from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from './api';
import { isRayTenantEntity } from './catalog';
import { rootRouteRef as legacyRootRouteRef } from './routes';

const rootRouteRef = convertLegacyRouteRef(legacyRootRouteRef);

const rayServiceApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: rayServiceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RayServiceClient({ discoveryApi, fetchApi }),
    }),
});

const rayServiceAdminPage = PageBlueprint.make({
  params: {
    path: '/ray-service',
    title: 'Ray service',
    icon: <StorageIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/AdminPage').then(m =>
        compatWrapper(<m.AdminPage />),
      ),
  },
});

/** The Ray templates' form fields, each loaded when a form first needs it. */
const rayFormFields = (
  [
    ['tenant-name', 'tenantName'],
    ['profile-picker', 'profilePicker'],
    ['template-version-picker', 'templateVersionPicker'],
    ['tenant-picker', 'tenantPicker'],
    ['dry-run', 'dryRun'],
  ] as const
).map(([name, key]) =>
  FormFieldBlueprint.make({
    name,
    params: {
      field: () =>
        import('./scaffolder').then(m =>
          createFormField(m.rayFieldDefinitions[key]),
        ),
    },
  }),
);

/** The Ray tab of tenant entities. */
const rayTenantContent = EntityContentBlueprint.make({
  name: 'ray-tenant',
  params: {
    path: 'ray',
    title: 'Ray',
    filter: isRayTenantEntity,
    loader: () =>
      import('./components/RayTab').then(m =>
        compatWrapper(<m.RayTenantContent />),
      ),
  },
});

/** An entity card of ./components/TenantCards, loaded when first shown. */
const tenantCard = <TName extends string>(
  name: TName,
  filter: (entity: Entity) => boolean,
  card: (cards: typeof import('./components/TenantCards')) => JSX.Element,
) =>
  EntityCardBlueprint.make({
    name,
    params: {
      filter,
      loader: () =>
        import('./components/TenantCards').then(m => compatWrapper(card(m))),
    },
  });

/** The tenant at a glance on tenant entities' Overview. */
const rayTenantOverviewCard = tenantCard(
  'ray-tenant-overview',
  isRayTenantEntity,
  m => <m.RayTenantOverviewCard />,
);

/** The team's Ray tenants on Group pages. */
const groupRayTenantsCard = tenantCard(
  'group-ray-tenants',
  entity => entity.kind.toLocaleLowerCase('en-US') === 'group',
  m => <m.GroupRayTenantsCard />,
);

export default createFrontendPlugin({
  pluginId: 'ray-service',
  extensions: [
    rayServiceApi,
    rayServiceAdminPage,
    rayTenantContent,
    rayTenantOverviewCard,
    groupRayTenantsCard,
    ...rayFormFields,
  ],
  routes: { root: rootRouteRef },
});
