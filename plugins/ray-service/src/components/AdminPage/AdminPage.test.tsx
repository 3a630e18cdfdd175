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
import {
  renderWithRayServiceApis,
  serveList,
  serveNever,
  setupMsw,
  testBaseUrl as baseUrl,
} from '../../__testUtils__/renderAdmin';
import { AdminPage } from './AdminPage';

const server = setupMsw();

const reachableCluster = {
  name: 'sim-local',
  title: 'Simulated host cluster',
  url: 'https://127.0.0.1:6443',
  authType: 'serviceAccountToken',
  reachability: {
    reachable: true,
    kubernetesVersion: 'v1.31.4',
    checkedAt: '2026-11-22T00:00:00Z',
  },
};
const unreachableCluster = {
  name: 'gpu-west',
  title: 'GPU west',
  url: 'https://10.0.0.1:6443',
  authType: 'kubeconfig',
  reachability: {
    reachable: false,
    error: 'connect ECONNREFUSED 10.0.0.1:6443',
    checkedAt: '2026-11-22T00:00:00Z',
  },
};

describe('AdminPage', () => {
  it('has a tab for clusters, tenants, profiles, templates and the audit log', async () => {
    serveList(server, '/host-clusters', []);
    await renderWithRayServiceApis(<AdminPage />);
    for (const tab of [
      'Host clusters',
      'Tenants',
      'Compute profiles',
      'Templates',
      'Audit log',
    ]) {
      expect(await screen.findByRole('tab', { name: tab })).toBeInTheDocument();
    }
  });
});

describe('AdminPage host clusters tab', () => {
  it('shows a progress bar while loading', async () => {
    serveNever(server, '/host-clusters');
    await renderWithRayServiceApis(<AdminPage />);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('lists host clusters with reachability and version', async () => {
    serveList(server, '/host-clusters', [reachableCluster, unreachableCluster]);
    await renderWithRayServiceApis(<AdminPage />);
    expect(
      await screen.findByText('Simulated host cluster'),
    ).toBeInTheDocument();
    expect(screen.getByText('v1.31.4')).toBeInTheDocument();
    expect(screen.getByText('Reachable')).toBeInTheDocument();
    expect(
      screen.getByText(/Unreachable: connect ECONNREFUSED 10.0.0.1:6443/),
    ).toBeInTheDocument();
  });

  it('explains how to add clusters when none are configured', async () => {
    serveList(server, '/host-clusters', []);
    await renderWithRayServiceApis(<AdminPage />);
    expect(
      await screen.findByText('No host clusters configured'),
    ).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    server.use(
      http.get(`${baseUrl}/host-clusters`, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'database is on fire' },
            request: { method: 'GET', url: '/api/ray-service/host-clusters' },
            response: { statusCode: 500 },
          },
          { status: 500 },
        ),
      ),
    );
    await renderWithRayServiceApis(<AdminPage />);
    expect(
      (await screen.findAllByText(/database is on fire/)).length,
    ).toBeGreaterThan(0);
  });
});
