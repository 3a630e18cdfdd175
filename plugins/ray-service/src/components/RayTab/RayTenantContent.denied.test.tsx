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
import { setupMsw } from '../../__testUtils__/renderAdmin';
import { renderTenantWorkloads } from '../../__testUtils__/workloadApi';
import { RayTenantOverviewCard } from '../TenantCards';
import { RayTenantContent } from './RayTenantContent';

const server = setupMsw();

describe('a user who may not read the tenant', () => {
  it('sees no Ray data, and none is requested', async () => {
    const { api } = await renderTenantWorkloads(
      server,
      <>
        <RayTenantContent />
        <div data-testid="overview">
          <RayTenantOverviewCard />
        </div>
      </>,
      () => false,
    );
    expect(
      await screen.findByText("No access to this tenant's Ray data"),
    ).toBeInTheDocument();
    expect(screen.getByTestId('overview')).toBeEmptyDOMElement();
    expect(api.requests).toEqual([]);
  });
});
