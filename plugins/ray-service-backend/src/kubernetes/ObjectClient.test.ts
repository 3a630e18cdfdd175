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

import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { AddressInfo, createServer } from 'node:net';
import { describeKubernetesError } from './errors';
import { HostClusterClients } from './HostClusterClients';
import { ClusterUnreachableError, KindNotServedError } from './requestErrors';
import { FIELD_MANAGER, ObjectClient } from './ObjectClient';
import {
  SIM_TOKEN,
  startTestCluster,
  TestCluster,
} from './__testUtils__/kubeSim';

const labels = { 'app.kubernetes.io/managed-by': 'ray-service' };

const policy = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'allow-same', namespace: 'default', labels },
  spec: {
    podSelector: {},
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: {} }] }],
  },
};

describe('ObjectClient', () => {
  let cluster: TestCluster;
  let client: ObjectClient;

  beforeAll(async () => {
    cluster = await startTestCluster({ seed: 'empty' });
  });

  afterAll(async () => {
    await cluster.sim.stop();
  });

  beforeEach(() => {
    client = cluster.newClient();
    cluster.sim.faults.clear();
  });

  afterEach(async () => {
    await client.close();
  });

  /** The sim answers the next `times` applies of NetworkPolicies with `status`. */
  const failApplies = (status: number, times: number, message?: string) =>
    cluster.sim.faults.add({
      verb: 'apply',
      resource: 'networkpolicies',
      status,
      times,
      message,
    });

  /** The error of applying `policy`, from a server that answered (it was reached). */
  async function answeredApplyError() {
    const error = await client.apply(policy).catch(e => e);
    expect(error).not.toBeInstanceOf(ClusterUnreachableError);
    return error;
  }

  it('applies server-side as ray-service, and a second identical apply changes nothing', async () => {
    const first = await client.apply(policy);
    expect(first.metadata.managedFields?.[0].manager).toBe(FIELD_MANAGER);
    const second = await client.apply(policy);
    expect(second.metadata.resourceVersion).toBe(
      first.metadata.resourceVersion,
    );
    expect(
      cluster.sim.stats.count({ verb: 'apply', resource: 'networkpolicies' }),
    ).toBe(2);
    expect(client.stats).toMatchObject({ applies: 2 });
  });

  it('keeps fields whose names are reserved words in client-node models', async () => {
    await client.apply(policy);
    const stored = cluster.sim.objects.get(
      'networking.k8s.io/v1',
      'NetworkPolicy',
      'default',
      'allow-same',
    );
    expect(stored?.spec.ingress).toEqual([{ from: [{ podSelector: {} }] }]);
    const [listed] = await client.list(
      'networking.k8s.io/v1',
      'NetworkPolicy',
      { labelSelector: 'app.kubernetes.io/managed-by=ray-service' },
    );
    expect((listed.spec as any).ingress[0].from).toEqual([{ podSelector: {} }]);
  });

  it('lists by label across namespaces, with apiVersion and kind on each item', async () => {
    await client.apply({
      ...policy,
      metadata: { ...policy.metadata, namespace: 'kube-system' },
    });
    await client.apply({
      ...policy,
      metadata: { ...policy.metadata, name: 'other', labels: {} },
    });
    const items = await client.list('networking.k8s.io/v1', 'NetworkPolicy', {
      labelSelector: 'app.kubernetes.io/managed-by=ray-service',
    });
    expect(
      items.map(i => `${i.kind} ${i.metadata.namespace}/${i.metadata.name}`),
    ).toEqual([
      'NetworkPolicy default/allow-same',
      'NetworkPolicy kube-system/allow-same',
    ]);
    expect(items[0].apiVersion).toBe('networking.k8s.io/v1');
  });

  it('follows continue tokens past the first page of a list', async () => {
    for (let i = 0; i < 1_200; i++) {
      cluster.sim.objects.put({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `page-${i}`, namespace: 'default', labels },
      });
    }
    const items = await client.list('v1', 'ConfigMap', {
      labelSelector: 'app.kubernetes.io/managed-by=ray-service',
    });
    expect(new Set(items.map(i => i.metadata.name)).size).toBe(1_200);
    expect(client.stats.lists).toBe(3);
  });

  it('gets an object, and undefined for a missing one or an unserved kind', async () => {
    await client.apply(policy);
    expect(
      (
        await client.get(
          'networking.k8s.io/v1',
          'NetworkPolicy',
          'default',
          'allow-same',
        )
      )?.metadata.name,
    ).toBe('allow-same');
    expect(
      await client.get(
        'networking.k8s.io/v1',
        'NetworkPolicy',
        'default',
        'nope',
      ),
    ).toBeUndefined();
    expect(
      await client.get('helm.cattle.io/v1', 'HelmChart', 'kube-system', 'x'),
    ).toBeUndefined();
  });

  it('deletes, and treats an object that is already gone as deleted', async () => {
    await client.apply(policy);
    expect(
      await client.delete(
        'networking.k8s.io/v1',
        'NetworkPolicy',
        'default',
        'allow-same',
      ),
    ).toBe(true);
    expect(
      await client.delete(
        'networking.k8s.io/v1',
        'NetworkPolicy',
        'default',
        'allow-same',
      ),
    ).toBe(false);
  });

  it('says when a kind is not served', async () => {
    await expect(
      client.apply({
        apiVersion: 'helm.cattle.io/v1',
        kind: 'HelmChart',
        metadata: { name: 'x', namespace: 'kube-system' },
      }),
    ).rejects.toBeInstanceOf(KindNotServedError);
    await expect(
      client.list('helm.cattle.io/v1', 'HelmChart'),
    ).rejects.toBeInstanceOf(KindNotServedError);
    expect(await client.isServed('helm.cattle.io/v1', 'HelmChart')).toBe(false);
    expect(await client.isServed('v1', 'Namespace')).toBe(true);
  });

  it.each([
    [409, ConflictError],
    [422, InputError],
    [404, NotFoundError],
    [500, ServiceUnavailableError],
    [401, ServiceUnavailableError],
  ])(
    'turns HTTP %s into a %p with the server message',
    async (status, type) => {
      failApplies(status, 1, 'injected');
      const error = await answeredApplyError();
      expect(error).toBeInstanceOf(type);
      expect(error.message).toBe(
        `apply NetworkPolicy default/allow-same: HTTP ${status}: injected`,
      );
    },
  );

  it("asks again after a 429's Retry-After, three times at most", async () => {
    failApplies(429, 1);
    expect((await client.apply(policy)).metadata.name).toBe('allow-same');
    expect(cluster.sim.faults.list()).toEqual([]); // it was answered 429 once

    failApplies(429, 4, 'injected');
    const error = await answeredApplyError();
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      'apply NetworkPolicy default/allow-same: HTTP 429: injected',
    );
    expect(cluster.sim.faults.list()).toEqual([]);
  });

  it('gives up on a request that does not answer in time', async () => {
    cluster.sim.faults.add({
      verb: 'list',
      resource: 'namespaces',
      hang: true,
      times: 1,
    });
    const impatient = cluster.newClient(500);
    const error = await impatient.list('v1', 'Namespace').catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toBeInstanceOf(ClusterUnreachableError);
    expect(error.message).toBe('list Namespace: timed out after 500 ms');
    expect((await client.list('v1', 'Namespace')).length).toBeGreaterThan(0);
  });

  it('never puts the token into an error', async () => {
    cluster.sim.faults.add({
      verb: 'list',
      resource: 'namespaces',
      status: 401,
      times: 1,
    });
    const error = await client.list('v1', 'Namespace').catch(e => e);
    expect(
      JSON.stringify({ message: error.message, stack: error.stack }),
    ).not.toContain(SIM_TOKEN);
  });

  it('reads the Kubernetes version', async () => {
    expect(await client.kubernetesVersion()).toBe('v1.31.4');
  });

  it('is made once per configured host cluster', async () => {
    const clients = new HostClusterClients(
      [
        {
          name: 'sim',
          title: 'Sim',
          url: cluster.sim.url,
          caData: cluster.sim.caData,
          skipTLSVerify: false,
          auth: { type: 'serviceAccountToken', token: SIM_TOKEN },
        },
      ],
      1000,
    );
    const sim = clients.objectClient('sim');
    expect(clients.objectClient('sim')).toBe(sim);
    expect(await sim.isServed('v1', 'Namespace')).toBe(true);
    expect(await clients.kubernetesVersion('sim')).toBe('v1.31.4');
    await sim.close();
  });

  it('says why a host cluster is unreachable, without its token', async () => {
    const closed = createServer();
    await new Promise<void>(done => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise(done => closed.close(done));
    const clients = new HostClusterClients(
      [
        {
          name: 'gone',
          title: 'Gone',
          url: `https://127.0.0.1:${port}`,
          skipTLSVerify: true,
          auth: { type: 'serviceAccountToken', token: SIM_TOKEN },
        },
      ],
      1000,
    );
    const error = await clients.kubernetesVersion('gone').catch(e => e);
    expect(describeKubernetesError(error)).toMatch(/ECONNREFUSED/);
    expect(error).toBeInstanceOf(ClusterUnreachableError);
    // still answered as 503 by the router's error handler
    expect(error.name).toBe('ServiceUnavailableError');
    expect(JSON.stringify(error)).not.toContain(SIM_TOKEN);
  });
});
