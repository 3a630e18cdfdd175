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

import { mockServices } from '@backstage/backend-test-utils';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeSim } from '@ray-service/kube-sim';
import { people, createTestServices } from '../../__testUtils__/services';
import {
  inPhase,
  poll,
  pollTenant,
  startTestSim,
  tenantRequest,
  tenantTestConfig,
} from '../../__testUtils__/tenantApi';
import { startTenantBackend } from '../../__testUtils__/tenantBackend';
import { readRayServiceConfig } from '../../config';
import { HostClusterClients } from '../../kubernetes/HostClusterClients';
import { ObjectClient } from '../../kubernetes/ObjectClient';
import { TenantClusters } from '../../kubernetes/tenantClusters';
import { ConfigReader } from '@backstage/config';
import { createWorkloadServices } from '.';

jest.setTimeout(120_000);

/**
 * A backend outside the host cluster with vcluster APIs exposed by cluster
 * DNS only: the kubeconfig a vcluster exports names a server it cannot reach.
 * Here its connections are refused.
 */
function unreachableVClusters(): (kubeconfig: string) => ObjectClient {
  return kubeconfig => {
    const kc = new KubeConfig();
    kc.loadFromString(kubeconfig);
    const cluster = kc.getCurrentCluster()!;
    kc.clusters = kc.clusters.map(c =>
      c.name === cluster.name ? { ...c, server: 'https://127.0.0.1:1' } : c,
    );
    return ObjectClient.fromKubeConfig(kc, { timeoutMs: 60_000 });
  };
}

describe('workloads of a vcluster tenant whose API the backend cannot reach', () => {
  let sim: KubeSim;
  let backend: { stop(): Promise<void> };
  let workloads: ReturnType<typeof createWorkloadServices>;

  beforeAll(async () => {
    sim = await startTestSim();
    const started = await startTenantBackend({ sim });
    backend = started.backend;
    // Set up through a backend that reaches the vcluster: a Ready tenant and a Ready RayCluster.
    const alpha = started.api('alpha');
    await alpha
      .post('/tenants')
      .send(tenantRequest('far', { isolation: 'vcluster' }));
    await pollTenant(alpha, 'far', inPhase('Ready'));
    await alpha.post('/tenants/far/rayclusters').send({
      name: 'rc',
      spec: { head: { cpu: '1', memory: '2Gi' }, workerGroups: [] },
    });
    await poll(alpha, '/tenants/far/rayclusters/rc', inPhase('Ready'));

    // The same database and host, seen by services that cannot reach vcluster APIs.
    const { store, access } = await createTestServices({
      knex: started.knex,
    });
    const rayConfig = readRayServiceConfig(
      new ConfigReader(tenantTestConfig({ sim })),
    );
    const clients = new HostClusterClients(rayConfig.hostClusters, 60_000);
    workloads = createWorkloadServices({
      store,
      access,
      clients,
      instance: rayConfig.instance,
      logger: mockServices.logger.mock(),
      timeoutMs: 60_000,
      tenantClusters: new TenantClusters(clients, {
        timeoutMs: 60_000,
        connect: unreachableVClusters(),
      }),
      serviceCredentials: async () => people.automation,
      jobHistory: { retentionDays: 30, logTailLines: 100 },
      rayDataCacheTtlMs: 0,
      listCacheTtlMs: 0,
    });
  });
  afterAll(async () => {
    await backend.stop();
    await sim.stop();
  });

  it('answers writes and workload reads with a 503 that says why and how to fix it', async () => {
    const create = workloads.rayClusters.create(people.alice, 'far', {
      name: 'another',
      spec: {
        head: { cpu: '1', memory: '2Gi' },
        workerGroups: [],
        auth: 'token',
        scheduler: 'volcano',
      },
    });
    await expect(create).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /the vcluster API of tenant "far" cannot be reached from the backend .*run the backend inside that cluster, or set rayService\.hostClusters\[\]\.vclusterApiExposure to "ingress"/,
      ),
    });
    await expect(
      workloads.rayClusters.list(people.alice, 'far', { limit: 10 }),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
  });

  it("still reads the cluster's live Ray data through what vcluster syncs to the host", async () => {
    const nodes = await workloads.rayData.nodes(people.alice, 'far', 'rc');
    expect(nodes).toEqual([
      expect.objectContaining({ isHead: true, state: 'ALIVE' }),
    ]);
    const status = await workloads.rayData.status(people.alice, 'far', 'rc');
    expect(status.ray).toEqual({
      version: expect.any(String),
      commit: 'kube-sim',
    });
  });

  it('still hides the tenant from another team', async () => {
    await expect(
      workloads.rayData.nodes(people.bob, 'far', 'rc'),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
