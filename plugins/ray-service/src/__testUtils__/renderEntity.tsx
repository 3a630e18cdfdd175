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

import { Entity } from '@backstage/catalog-model';
import { AlertApiForwarder } from '@backstage/core-app-api';
import { AlertDisplay } from '@backstage/core-components';
import { alertApiRef } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import {
  MockFetchApi,
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  RAY_TENANT_ANNOTATION,
  RayServiceClient,
} from '@ray-service/plugin-ray-service-common';
import userEvent from '@testing-library/user-event';
import { ReactElement } from 'react';
import { rayServiceApiRef } from '../api';
import { testBaseUrl } from './renderAdmin';

/** A tenant's entity as the catalog module emits it. */
export function tenantEntity(tenant: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: tenant,
      namespace: 'default',
      annotations: { [RAY_TENANT_ANNOTATION]: tenant },
    },
    spec: { type: 'ray-tenant', owner: 'group:default/ml-team-alpha' },
  };
}

export const groupEntity = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

/**
 * Renders entity content with the real typed client (talking to msw), a
 * permission API that allows the permissions named in `allowed` (all by
 * default) and shows posted alerts.
 */
export async function renderEntityContent(
  element: ReactElement,
  entity: Entity,
  allowed: (permission: string) => boolean = () => true,
) {
  const user = userEvent.setup({ delay: null });
  const client = new RayServiceClient({
    discoveryApi: { getBaseUrl: async () => testBaseUrl },
    fetchApi: new MockFetchApi(),
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [rayServiceApiRef, client],
        [
          permissionApiRef,
          new MockPermissionApi(request =>
            allowed(request.permission.name)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          ),
        ],
        [alertApiRef, new AlertApiForwarder()],
      ]}
    >
      <AlertDisplay />
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return user;
}
