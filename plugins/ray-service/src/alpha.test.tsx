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

import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import { RayServiceClient } from '@ray-service/plugin-ray-service-common';
import { fixtureTenant } from '@ray-service/plugin-ray-service-common/testUtils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import rayServicePlugin from './alpha';
import { rayServiceApiRef } from './api';
import { setupMsw, testBaseUrl } from './__testUtils__/renderAdmin';
import { groupEntity, tenantEntity } from './__testUtils__/renderEntity';
import { serveTenantWorkloads } from './__testUtils__/workloadApi';

const server = setupMsw();

function renderEntityPage(entity: Entity) {
  return renderTestApp({
    features: [rayServicePlugin],
    extensions: [createTestEntityPage({ entity })],
    apis: [
      [
        rayServiceApiRef,
        new RayServiceClient({
          discoveryApi: { getBaseUrl: async () => testBaseUrl },
        }),
      ],
      mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
    ],
  });
}

describe('the new frontend system', () => {
  it("puts the Ray tab and the overview card on a tenant's entity page", async () => {
    serveTenantWorkloads(server, 'alpha');
    renderEntityPage(tenantEntity('alpha'));

    expect(await screen.findByText('Ray tenant')).toBeInTheDocument();
    expect(await screen.findByText('RayJobs')).toBeInTheDocument();
    expect(await screen.findByText('train-2')).toBeInTheDocument();
    expect(screen.queryByText('Ray tenants')).toBeNull();
  });

  it("puts the Ray tenants card on a Group's page", async () => {
    server.use(
      // the backend answers `?owner=` with that group's tenants only
      http.get(`${testBaseUrl}/tenants`, ({ request }) => {
        const owner = new URL(request.url).searchParams.get('owner');
        return HttpResponse.json({
          items: [
            fixtureTenant('alpha-one'),
            fixtureTenant('bravo-one', {
              owner: 'group:default/ml-team-bravo',
            }),
          ].filter(tenant => tenant.owner === owner),
        });
      }),
    );
    serveTenantWorkloads(server, 'alpha-one');
    renderEntityPage(groupEntity('ml-team-alpha'));

    expect(await screen.findByText('Ray tenants')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'alpha-one' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('CPU 19%, Memory 19%, nvidia.com/mig-1g.5gb 50%'),
    ).toBeInTheDocument();
    expect(screen.queryByText('bravo-one')).toBeNull();
    expect(screen.queryByText('RayJobs')).toBeNull();
  });
});
