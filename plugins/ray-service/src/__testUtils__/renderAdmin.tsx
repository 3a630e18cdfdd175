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
  MockFetchApi,
  MockPermissionApi,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { RayServiceClient } from '@ray-service/plugin-ray-service-common';
import { ReactElement } from 'react';
import { setupServer } from 'msw/node';
import { rayServiceApiRef } from '../api';

/** Where the msw handlers of component tests listen. */
export const testBaseUrl = 'http://backstage.test/api/ray-service';

/** An msw server registered for the current test file. */
export function setupMsw() {
  const server = setupServer();
  registerMswTestHooks(server);
  return server;
}

/**
 * Renders a component with the real typed client (talking to msw) and a
 * permission API answering `permission` for every check.
 *
 * usePermission caches decisions per test file, so keep one permission result
 * per file.
 */
export function renderWithRayServiceApis(
  element: ReactElement,
  permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const client = new RayServiceClient({
    discoveryApi: { getBaseUrl: async () => testBaseUrl },
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [rayServiceApiRef, client],
        [permissionApiRef, new MockPermissionApi(() => permission)],
      ]}
    >
      {element}
    </TestApiProvider>,
  );
}
