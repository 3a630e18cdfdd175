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
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { createTestServices, people } from '../__testUtils__/services';
import { HostClusterConfig } from '../config';
import { HostClusterClients } from '../kubernetes/HostClusterClients';
import { HostClusterDirectory } from './HostClusterDirectory';
import { HostClusterProbe } from './HostClusterProbe';
import { Reachability } from './reachability';

const PAT = 'user:default/pat.platform';

function cluster(name: string): HostClusterConfig {
  return {
    name,
    title: name,
    url: `https://${name}.example.com`,
    skipTLSVerify: false,
    auth: { type: 'serviceAccountToken', token: 'secret' },
  };
}

describe('HostClusterDirectory', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let clients: HostClusterClients;
  let kubernetesVersion: jest.SpyInstance;

  const service = (reachabilityMaxAgeMs?: number) =>
    new HostClusterDirectory({
      clients,
      store: services.store,
      access: services.access,
      probe: new HostClusterProbe(clients, {
        supportMatrix: { min: '1.29', max: '1.31' },
      }),
      reachability: new Reachability(clients, mockServices.logger.mock(), {
        maxAgeMs: reachabilityMaxAgeMs,
      }),
      kubernetesSupport: { minVersion: '1.29', maxVersion: '1.31' },
    });

  beforeEach(async () => {
    services = await createTestServices();
    clients = new HostClusterClients([cluster('east'), cluster('west')], 1000);
    kubernetesVersion = jest
      .spyOn(clients, 'kubernetesVersion')
      .mockImplementation(async name => {
        if (name === 'west') {
          throw new Error('connect ECONNREFUSED');
        }
        return 'v1.31.4-eks-1234';
      });
  });

  it('judges the reported version against the support matrix', async () => {
    const east = await service().get(people.pat, 'east');
    expect(east.reachability).toMatchObject({
      reachable: true,
      kubernetesVersion: 'v1.31.4-eks-1234',
    });
    expect(east.versionSupport).toEqual({
      supported: true,
      range: '1.29–1.31',
      reason: 'v1.31.4-eks-1234 is within the supported range 1.29–1.31',
    });
  });

  it('reports an unreachable cluster with the cause and no version support', async () => {
    const west = await service().get(people.pat, 'west');
    expect(west.reachability).toMatchObject({
      reachable: false,
      error: 'connect ECONNREFUSED',
    });
    expect(west).not.toHaveProperty('versionSupport');
  });

  it('reuses reachability checks while they are fresh', async () => {
    const hostClusters = service();
    await hostClusters.list(people.pat, { limit: 50 });
    await hostClusters.list(people.pat, { limit: 50 });
    await hostClusters.get(people.pat, 'east');
    expect(kubernetesVersion).toHaveBeenCalledTimes(2);
  });

  it('refreshes stale checks in the background', async () => {
    const hostClusters = service(0);
    await hostClusters.get(people.pat, 'east');
    await new Promise(resolve => setTimeout(resolve, 5));
    await hostClusters.get(people.pat, 'east');
    await new Promise(setImmediate);
    expect(kubernetesVersion).toHaveBeenCalledTimes(2);
  });

  it('merges facts field by field and audits the change', async () => {
    const hostClusters = service();
    await hostClusters.updateFacts(people.pat, 'east', {
      labels: { zone: 'a' },
    });
    const infrastructure = {
      type: 'publicCloud' as const,
      provider: 'aws' as const,
      region: 'us-east-1',
      instanceTypes: [],
    };
    const updated = await hostClusters.updateFacts(people.pat, 'east', {
      infrastructure,
    });
    expect(updated.facts).toEqual({ labels: { zone: 'a' }, infrastructure });

    const [entry] = (await services.audit.list(people.pat, { limit: 1 })).items;
    expect(entry).toMatchObject({
      actor: PAT,
      action: 'hostCluster.update',
      target: { kind: 'hostCluster', name: 'east' },
      before: { labels: { zone: 'a' } },
      after: { labels: { zone: 'a' }, infrastructure },
    });
    const page = await hostClusters.list(people.pat, { limit: 50 });
    expect(page.items.map(c => c.facts)).toEqual([updated.facts, undefined]);
  });

  it('answers NotFound for clusters that are not configured', async () => {
    await expect(service().get(people.pat, 'north')).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      service().updateFacts(people.pat, 'north', { labels: {} }),
    ).rejects.toThrow(NotFoundError);
  });

  it('is for admins only', async () => {
    await expect(service().list(people.alice, { limit: 50 })).rejects.toThrow(
      NotAllowedError,
    );
    await expect(
      service().updateFacts(people.alice, 'east', { labels: {} }),
    ).rejects.toThrow(NotAllowedError);
  });

  it('never shows a credential', async () => {
    const page = await service().list(people.pat, { limit: 50 });
    expect(JSON.stringify(page)).not.toContain('secret');
  });
});
