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

import { KubeSim } from '@ray-service/kube-sim';
import { HostClusterCapacity } from '@ray-service/plugin-ray-service-common';
import { parseAllDocuments } from 'yaml';
import { Api, SIM_TOKEN, startTestSim } from '../__testUtils__/tenantApi';
import { startTenantBackend } from '../__testUtils__/tenantBackend';

describe('/host-clusters/{name}/preflight, /capacity and /rbac', () => {
  let sim: KubeSim;
  let admin: Api;
  let alpha: Api;

  beforeAll(async () => {
    sim = await startTestSim();
    const { api } = await startTenantBackend({ sim }, { seedCatalog: false });
    admin = api('admin');
    alpha = api('alpha');
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('runs preflight against the cluster', async () => {
    const response = await admin.get('/host-clusters/sim/preflight');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      hostCluster: 'sim',
      passed: true,
      deliveryController: 'flux',
      ingressClassName: 'nginx',
      storageClassName: 'standard',
    });
    expect(
      Object.fromEntries(
        response.body.checks.map((c: { name: string; status: string }) => [
          c.name,
          c.status,
        ]),
      ),
    ).toMatchObject({
      volcano: 'pass',
      'cert-manager': 'pass',
      'delivery-controller': 'pass',
      'cluster-issuer': 'pass',
    });
  });

  it('reads the capacity of the nodes', async () => {
    const response = await admin.get('/host-clusters/sim/capacity');
    expect(response.status).toBe(200);
    const capacity: HostClusterCapacity = response.body;
    expect(capacity.hostCluster).toBe('sim');
    expect(capacity.nodes.map(n => n.name)).toContain('gpu-a100-node-1');
    expect(capacity.gpusByModel).toMatchObject({ 'A100-40GB': 8 });
    expect(capacity.allocatable.extended).toMatchObject({
      'nvidia.com/gpu': 12,
      'nvidia.com/mig-1g.5gb': 56,
      'nvidia.com/mig-1g.10gb': 28,
    });
    expect(capacity.free.cpu).toBe(capacity.allocatable.cpu);
  });

  it('gives the least-privilege RBAC as YAML', async () => {
    const response = await admin.get(
      '/host-clusters/sim/rbac?serviceAccount=portal&namespace=platform',
    );
    expect(response.status).toBe(200);
    // Several YAML documents: text, since OpenAPI cannot describe a stream.
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const documents = parseAllDocuments(response.text).map(d => d.toJS());
    expect(documents.map(d => d.kind)).toEqual([
      'Namespace',
      'ServiceAccount',
      'ClusterRole',
      'ClusterRoleBinding',
      'Role',
      'RoleBinding',
    ]);
    expect(documents[0].metadata).toEqual({ name: 'platform' });
    expect(documents[1].metadata).toMatchObject({
      name: 'portal',
      namespace: 'platform',
    });
    expect(response.text).toContain('helmreleases');
    expect(response.text).not.toContain(SIM_TOKEN);
  });

  it('names the delivery controller when asked', async () => {
    const response = await admin.get(
      '/host-clusters/sim/rbac?deliveryController=helmChart',
    );
    expect(response.text).toContain('helmcharts');
    expect(response.text).not.toContain('helmreleases');
  });

  it.each(['preflight', 'capacity', 'rbac'])(
    'answers /%s with 404 for unknown clusters and 403 to non-admins',
    async operation => {
      expect((await admin.get(`/host-clusters/nope/${operation}`)).status).toBe(
        404,
      );
      expect((await alpha.get(`/host-clusters/sim/${operation}`)).status).toBe(
        403,
      );
    },
  );

  it('answers 400 for an invalid RBAC query', async () => {
    const response = await admin.get(
      '/host-clusters/sim/rbac?deliveryController=helm',
    );
    expect(response.status).toBe(400);
    expect(response.body.details[0].field).toBe('deliveryController');
  });
});
