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
import { http, HttpResponse } from 'msw';
import {
  errorResponse,
  fillIn,
  findCodeText,
  renderWithRayServiceApis,
  renderWithUser,
  serveList,
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
  serveList(server, '/host-clusters', clusters);
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
  const user = await renderWithUser(<HostClustersTab />);
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
    const user = await renderWithUser(<HostClustersTab />);
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

const preflight = {
  hostCluster: 'gpu-west',
  passed: false,
  deliveryController: 'flux',
  storageClassName: 'gp3',
  checks: [
    {
      name: 'kubernetesVersion',
      status: 'pass',
      message: 'v1.31.4 is supported',
    },
    {
      name: 'ingressClass',
      status: 'warn',
      message: 'no IngressClass found; Ray dashboards get no ingress',
    },
    {
      name: 'kueue',
      status: 'fail',
      message: 'Kueue CRDs (kueue.x-k8s.io/v1beta1) are not installed',
    },
  ],
  checkedAt: '2026-11-22T10:00:00Z',
};

const capacity = {
  hostCluster: 'gpu-west',
  nodes: [
    {
      name: 'gpu-node-1',
      gpuModel: 'A100-40GB',
      allocatable: {
        cpu: '96',
        memory: '1024Gi',
        extended: { 'nvidia.com/mig-1g.5gb': 28 },
      },
    },
    {
      name: 'cpu-node-1',
      allocatable: { cpu: '32', memory: '128Gi', extended: {} },
    },
  ],
  allocatable: {
    cpu: '128',
    memory: '1152Gi',
    extended: { 'nvidia.com/gpu': 8, 'nvidia.com/mig-1g.5gb': 28 },
  },
  reserved: {
    cpu: '40',
    memory: '160Gi',
    extended: { 'nvidia.com/mig-1g.5gb': 14 },
  },
  free: {
    cpu: '88',
    memory: '992Gi',
    extended: { 'nvidia.com/gpu': 8, 'nvidia.com/mig-1g.5gb': 14 },
  },
  gpusByModel: { 'A100-40GB': 4, 'H100-80GB': 4 },
  checkedAt: '2026-11-22T10:00:00Z',
};

describe('HostClustersTab preflight, capacity and RBAC', () => {
  function serveDetails() {
    const requests: string[] = [];
    server.use(
      http.get(`${baseUrl}/host-clusters/gpu-west/preflight`, () => {
        requests.push('preflight');
        return HttpResponse.json(preflight);
      }),
      http.get(`${baseUrl}/host-clusters/gpu-west/capacity`, () => {
        requests.push('capacity');
        return HttpResponse.json(capacity);
      }),
    );
    return requests;
  }

  async function openDetails() {
    serveClusters();
    const requests = serveDetails();
    const user = await renderWithUser(<HostClustersTab />);
    await screen.findByText('GPU west');
    // Loaded only when asked for.
    expect(requests).toEqual([]);
    await user.click(
      screen.getByLabelText('Preflight and capacity of gpu-west'),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Preflight and capacity of GPU west',
    });
    return { user, dialog, requests };
  }

  it('shows the preflight checks with their outcome and what was detected', async () => {
    const { dialog, requests } = await openDetails();
    const section = within(dialog).getByRole('region', { name: 'Preflight' });
    const checks = await within(section).findByRole('table', {
      name: 'Preflight checks',
    });

    const rows = within(checks).getAllByRole('row').slice(1);
    expect(
      rows.map(row => [
        row.querySelector('[data-status]')?.getAttribute('data-status'),
        row.textContent,
      ]),
    ).toEqual([
      ['ok', 'kubernetesVersionPassv1.31.4 is supported'],
      [
        'warning',
        'ingressClassWarningno IngressClass found; Ray dashboards get no ingress',
      ],
      [
        'error',
        'kueueFailKueue CRDs (kueue.x-k8s.io/v1beta1) are not installed',
      ],
    ]);
    expect(within(section).getByText('Failed')).toBeInTheDocument();
    expect(section).toHaveTextContent(
      'Delivery controller: Flux (HelmRelease)',
    );
    expect(section).toHaveTextContent('Ingress class: none detected');
    expect(section).toHaveTextContent('Storage class: gp3');
    expect(requests).toContain('preflight');
  });

  it('shows allocatable, reserved and free resources, GPUs by model and the nodes on demand', async () => {
    const { user, dialog } = await openDetails();
    const section = within(dialog).getByRole('region', { name: 'Capacity' });
    const resources = await within(section).findByRole('table', {
      name: 'Resources',
    });

    expect(
      within(resources)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual([
      'ResourceAllocatableReservedFree',
      'CPU1284088',
      'Memory1152Gi160Gi992Gi',
      'nvidia.com/gpu808',
      'nvidia.com/mig-1g.5gb281414',
    ]);
    expect(within(section).getByText('4 × A100-40GB')).toBeInTheDocument();
    expect(within(section).getByText('4 × H100-80GB')).toBeInTheDocument();

    expect(within(section).queryByText('gpu-node-1')).not.toBeInTheDocument();
    await user.click(
      within(section).getByRole('button', { name: 'Nodes (2)' }),
    );
    const nodes = within(section).getByRole('table', { name: 'Nodes' });
    expect(
      within(nodes)
        .getAllByRole('row')
        .slice(1)
        .map(row => row.textContent),
    ).toEqual([
      'gpu-node-1A100-40GB961024Gi28 × nvidia.com/mig-1g.5gb',
      'cpu-node-1—32128Gi—',
    ]);
  });

  it('shows the RBAC YAML to apply instead of cluster-admin', async () => {
    const rbac = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ray-service-backend
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ray-service-backend
`;
    serveClusters();
    server.use(
      http.get(
        `${baseUrl}/host-clusters/gpu-west/rbac`,
        () =>
          new HttpResponse(rbac, {
            headers: { 'Content-Type': 'application/yaml' },
          }),
      ),
    );
    const user = await renderWithUser(<HostClustersTab />);
    await user.click(await screen.findByLabelText('RBAC YAML of gpu-west'));

    const dialog = await screen.findByRole('dialog', {
      name: 'RBAC for GPU west',
    });
    expect(dialog).toHaveTextContent('Apply this instead of cluster-admin');
    expect(await findCodeText(dialog)).toBe(rbac);
    expect(
      within(dialog).getByRole('button', { name: 'Copy text' }),
    ).toBeInTheDocument();
  });
});
