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

import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { tenant } from '../../__testUtils__/fixtures';
import { setupMsw, testBaseUrl } from '../../__testUtils__/renderAdmin';
import {
  groupEntity,
  renderEntityContent,
} from '../../__testUtils__/renderEntity';
import { GroupRayTenantsCard } from './GroupRayTenantsCard';

const server = setupMsw();

describe('GroupRayTenantsCard', () => {
  it('offers to request a tenant when the team has none', async () => {
    server.use(
      http.get(`${testBaseUrl}/tenants`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderEntityContent(
      <GroupRayTenantsCard createPath="/create/templates/default/ray-tenant" />,
      groupEntity('ml-team-alpha'),
    );
    expect(await screen.findByText('No Ray tenants')).toBeInTheDocument();
    const links = screen.getAllByRole('link', { name: /Request a Ray tenant/ });
    expect(links[0]).toHaveAttribute(
      'href',
      '/create/templates/default/ray-tenant',
    );
  });

  it("lists the group's tenants, asking the backend for that owner's only", async () => {
    const owners: Array<string | null> = [];
    server.use(
      http.get(`${testBaseUrl}/tenants`, ({ request }) => {
        const owner = new URL(request.url).searchParams.get('owner');
        owners.push(owner);
        return HttpResponse.json({
          items:
            owner === 'group:default/ml-team-alpha'
              ? [tenant('alpha-one', { owner })]
              : [],
        });
      }),
      http.get(`${testBaseUrl}/tenants/alpha-one/usage`, () =>
        HttpResponse.json({
          tenant: 'alpha-one',
          namespace: 'ray-alpha-one',
          resources: [],
        }),
      ),
    );
    await renderEntityContent(
      <GroupRayTenantsCard />,
      groupEntity('ml-team-alpha'),
    );
    expect(
      await screen.findByRole('link', { name: 'alpha-one' }),
    ).toBeInTheDocument();
    expect(owners).toEqual(['group:default/ml-team-alpha']);
  });

  it('shows why the tenants could not be read, with a retry', async () => {
    server.use(
      http.get(`${testBaseUrl}/tenants`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'backend down' } },
          { status: 503 },
        ),
      ),
    );
    await renderEntityContent(
      <GroupRayTenantsCard />,
      groupEntity('ml-team-alpha'),
    );
    expect((await screen.findAllByText(/backend down/))[0]).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Retry Ray tenants' }),
    ).toBeInTheDocument();
  });
});
