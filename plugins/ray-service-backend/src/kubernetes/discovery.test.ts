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

import { InputError } from '@backstage/errors';
import { startTestCluster, TestCluster } from './__testUtils__/kubeSim';
import { KindNotServedError } from './requestErrors';

describe('discovery through the ObjectClient', () => {
  let cluster: TestCluster;

  beforeEach(async () => {
    // a Flux host: k3s's HelmChart is not served
    cluster = await startTestCluster({ controllers: { enabled: false } });
  });

  afterEach(async () => {
    await cluster.client.close();
    await cluster.sim.stop();
  });

  const asked = (group: string) =>
    cluster.sim.stats.count({ verb: 'discovery', group });

  it('asks about a group version once, and keeps "not served" too', async () => {
    const { client } = cluster;
    for (let i = 0; i < 3; i++) {
      await expect(
        client.list('helm.cattle.io/v1', 'HelmChart'),
      ).rejects.toBeInstanceOf(KindNotServedError);
      await client.list('helm.toolkit.fluxcd.io/v2', 'HelmRelease');
    }
    expect(asked('helm.cattle.io')).toBe(1);
    expect(asked('helm.toolkit.fluxcd.io')).toBe(1);
    expect(client.stats.discoveries).toBe(2);
  });

  it('asks again when told to (a fresh preflight)', async () => {
    const short = cluster.newClient();
    await short.isServed('helm.cattle.io/v1', 'HelmChart');
    short.forgetDiscovery();
    await short.isServed('helm.cattle.io/v1', 'HelmChart');
    expect(asked('helm.cattle.io')).toBe(2);
    await short.close();
  });

  it('asks again after a list answered 404: the CRD was removed', async () => {
    const { client, sim } = cluster;
    await client.list('source.toolkit.fluxcd.io/v1', 'OCIRepository');
    sim.objects.delete(
      'apiextensions.k8s.io/v1',
      'CustomResourceDefinition',
      'ocirepositories.source.toolkit.fluxcd.io',
    );
    await expect(
      client.list('source.toolkit.fluxcd.io/v1', 'OCIRepository'),
    ).rejects.toThrow(/404/);
    await expect(
      client.list('source.toolkit.fluxcd.io/v1', 'OCIRepository'),
    ).rejects.toBeInstanceOf(KindNotServedError);
    expect(asked('source.toolkit.fluxcd.io')).toBe(2);
  });

  it('calls an apply the API server answers with 500 for a wrong type invalid, with its message', async () => {
    const { client } = cluster;
    const error = await client
      .apply({
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'q', namespace: 'default' },
        spec: { hard: { cpu: 'lots' } },
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /^apply ResourceQuota default\/q: HTTP 500: failed to convert new object/,
    );
  });
});
