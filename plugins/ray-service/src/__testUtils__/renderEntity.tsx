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
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { RAY_TENANT_ANNOTATION } from '@ray-service/plugin-ray-service-common';
import userEvent from '@testing-library/user-event';
import { ReactElement } from 'react';
import { RayServiceTestApis } from './renderAdmin';

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
  await renderInTestApp(
    <RayServiceTestApis
      permission={name =>
        allowed(name) ? AuthorizeResult.ALLOW : AuthorizeResult.DENY
      }
    >
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </RayServiceTestApis>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return user;
}
