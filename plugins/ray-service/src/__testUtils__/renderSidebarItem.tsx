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

import { SidebarPage, Sidebar } from '@backstage/core-components';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { rootRouteRef } from '../routes';
import { RayServiceSidebarItem } from '../components/RayServiceSidebarItem';

/**
 * Renders the item in a sidebar, the admin page mounted at /ray-service, with
 * the permission policy answering `result` (one result per test file:
 * usePermission caches its decisions). Answers the permissions asked.
 */
export async function renderSidebarItem(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
): Promise<string[]> {
  const asked: string[] = [];
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          permissionApiRef,
          new MockPermissionApi(request => {
            asked.push(request.permission.name);
            return result;
          }),
        ],
      ]}
    >
      <SidebarPage>
        <Sidebar>
          <RayServiceSidebarItem />
        </Sidebar>
      </SidebarPage>
    </TestApiProvider>,
    { mountedRoutes: { '/ray-service': rootRouteRef } },
  );
  return asked;
}
