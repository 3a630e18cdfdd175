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
import { RayTenantContent } from './RayTenantContent';

const server = setupMsw();

describe('the Ray tab for a reader who may not change workloads', () => {
  it('shows the workloads without actions but logs and Ray data', async () => {
    await renderTenantWorkloads(
      server,
      <RayTenantContent />,
      permission => permission === 'ray-service.tenant.read',
    );
    expect(await screen.findByText('train-2')).toBeInTheDocument();
    expect(await screen.findByText('interactive')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Logs of train-2' }),
    ).toBeEnabled();
    expect(
      screen.getByRole('button', { name: 'Ray data of interactive' }),
    ).toBeEnabled();
    for (const name of [
      'Submit job',
      'Create cluster',
      'Stop train-2',
      'Delete train-1',
      'Scale interactive',
      'Suspend interactive',
      'Delete interactive',
      'Delete hello',
    ]) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  });
});
