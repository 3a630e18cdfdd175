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

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  errorResponse,
  fillIn,
  renderWithRayServiceApis,
  setupMsw,
  testBaseUrl as baseUrl,
} from '../../__testUtils__/renderAdmin';
import { HostClustersTab } from './HostClustersTab';

const server = setupMsw();

const cluster = {
  name: 'gpu-west',
  title: 'GPU west',
  url: 'https://10.0.0.1:6443',
  authType: 'kubeconfig',
  reachability: {
    reachable: true,
    kubernetesVersion: 'v1.28.3',
    checkedAt: '2026-11-22T00:00:00Z',
  },
  facts: {
    infrastructure: {
      type: 'publicCloud',
      provider: 'aws',
      region: 'eu-west-1',
      instanceTypes: ['p4d.24xlarge'],
    },
    labels: { tier: 'gpu' },
  },
  versionSupport: {
    supported: false,
    range: '1.29–1.33',
    reason: 'v1.28.3 is older than 1.29, the oldest supported version',
  },
};

function serveClusters(clusters: unknown[] = [cluster]) {
  server.use(
    http.get(`${baseUrl}/host-clusters`, () =>
      HttpResponse.json({ items: clusters }),
    ),
  );
}

/** Records PATCH bodies and answers with `respond`. */
function recordPatches(
  respond: () => Response = () => HttpResponse.json(cluster),
) {
  const bodies: unknown[] = [];
  server.use(
    http.patch(`${baseUrl}/host-clusters/gpu-west`, async ({ request }) => {
      bodies.push(await request.json());
      return respond();
    }),
  );
  return bodies;
}

async function openEditDialog() {
  const user = userEvent.setup({ delay: null });
  await renderWithRayServiceApis(<HostClustersTab />);
  await user.click(await screen.findByLabelText('Edit facts of gpu-west'));
  return { user, dialog: await screen.findByRole('dialog') };
}

describe('HostClustersTab', () => {
  it('shows facts and Kubernetes version support', async () => {
    serveClusters();
    await renderWithRayServiceApis(<HostClustersTab />);
    expect(await screen.findByText('unsupported')).toBeInTheDocument();
    expect(
      screen.getByText(/1\.29–1\.33 — v1\.28\.3 is older than 1\.29/),
    ).toBeInTheDocument();
    expect(screen.getByText('Public cloud: aws eu-west-1')).toBeInTheDocument();
    expect(screen.getByText('p4d.24xlarge')).toBeInTheDocument();
    expect(screen.getByText('tier=gpu')).toBeInTheDocument();
  });

  it('retries after an error', async () => {
    serveClusters();
    server.use(
      http.get(
        `${baseUrl}/host-clusters`,
        () => errorResponse(503, 'database restarting'),
        {
          once: true,
        },
      ),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithRayServiceApis(<HostClustersTab />);
    expect(
      (await screen.findAllByText(/database restarting/)).length,
    ).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('GPU west')).toBeInTheDocument();
  });

  it('saves edited facts and says so', async () => {
    serveClusters();
    const patches = recordPatches();
    const { user, dialog } = await openEditDialog();

    await user.selectOptions(
      within(dialog).getByLabelText('Infrastructure'),
      'dataCenter',
    );
    await user.selectOptions(
      within(dialog).getByLabelText('Platform'),
      'bareMetal',
    );
    await fillIn(
      user,
      within(dialog).getByLabelText('Operating system'),
      'Ubuntu 22.04',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Add label' }));
    const label = within(dialog).getByRole('group', { name: 'label 2' });
    await fillIn(user, within(label).getByLabelText('Key'), 'zone');
    await fillIn(user, within(label).getByLabelText('Value'), 'b');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText('Saved the facts of GPU west'),
    ).toBeInTheDocument();
    expect(patches).toEqual([
      {
        infrastructure: {
          type: 'dataCenter',
          infrastructure: 'bareMetal',
          operatingSystem: 'Ubuntu 22.04',
          gpuTypes: [],
        },
        labels: { tier: 'gpu', zone: 'b' },
      },
    ]);
  });

  it('shows an invalid label key beside the field without sending', async () => {
    serveClusters();
    const patches = recordPatches();
    const { user, dialog } = await openEditDialog();

    const label = within(dialog).getByRole('group', { name: 'label 1' });
    await fillIn(user, within(label).getByLabelText('Key'), 'not a key');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(within(label).getByLabelText('Key')).toHaveAccessibleDescription(
      /"not a key" is not a valid label key/,
    );
    expect(patches).toEqual([]);
  });

  it("maps a 400's details onto the fields", async () => {
    serveClusters();
    recordPatches(() =>
      errorResponse(400, 'infrastructure.region: no such region', [
        { field: 'infrastructure.region', message: 'no such region' },
      ]),
    );
    const { user, dialog } = await openEditDialog();

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await within(dialog).findByText('no such region'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Region')).toHaveAccessibleDescription(
      'no such region',
    );
  });
});
