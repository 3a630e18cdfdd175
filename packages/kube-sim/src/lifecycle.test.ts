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

import { startKubeSim } from './index';
import type { KubeSim } from './index';
import {
  eventually,
  LONGER_THAN_ANY_TEST_MS,
  mergePatch,
  raw,
} from './__testUtils__/helpers';

const deployment = {
  metadata: { name: 'd' },
  spec: {
    selector: { matchLabels: { a: 'b' } },
    template: { metadata: { labels: { a: 'b' } } },
  },
};

async function namespaceWithContent(sim: KubeSim, ns: string) {
  await raw(sim, 'POST', '/api/v1/namespaces', {
    body: { metadata: { name: ns } },
  });
  await raw(sim, 'POST', `/api/v1/namespaces/${ns}/secrets`, {
    body: { metadata: { name: 's' } },
  });
  await raw(sim, 'POST', `/apis/apps/v1/namespaces/${ns}/deployments`, {
    body: deployment,
  });
}

async function contentOf(sim: KubeSim, ns: string): Promise<string[]> {
  const names: string[] = [];
  for (const path of ['/api/v1/secrets', '/apis/apps/v1/deployments']) {
    for (const item of (await raw(sim, 'GET', path)).json.items)
      if (item.metadata.namespace === ns) names.push(item.metadata.name);
  }
  return names;
}

describe('namespace finalization', () => {
  it('removes a deleted namespace with its content once namespaceFinalizeDelayMs has passed', async () => {
    const sim = await startKubeSim({
      controllers: { namespaceFinalizeDelayMs: 300 },
    });
    try {
      await namespaceWithContent(sim, 'fin');
      const started = Date.now();
      expect((await raw(sim, 'DELETE', '/api/v1/namespaces/fin')).status).toBe(
        200,
      );
      await eventually(
        async () =>
          (await raw(sim, 'GET', '/api/v1/namespaces/fin')).status === 404,
        5000,
        10,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(await contentOf(sim, 'fin')).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});

describe('object lifecycle', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim({
      // a deleted namespace stays Terminating until a test finalizes it
      controllers: { namespaceFinalizeDelayMs: LONGER_THAN_ANY_TEST_MS },
    });
  });
  afterAll(() => sim.stop());

  it('keeps a deleted namespace Terminating with its content until it is finalized', async () => {
    await namespaceWithContent(sim, 'held');
    const del = await raw(sim, 'DELETE', '/api/v1/namespaces/held');
    expect(del.status).toBe(200);
    const during = await raw(sim, 'GET', '/api/v1/namespaces/held');
    expect(during.json.status.phase).toBe('Terminating');
    expect(await contentOf(sim, 'held')).toEqual(['s', 'd']);
    // a second delete is accepted and changes nothing
    const again = await raw(sim, 'DELETE', '/api/v1/namespaces/held');
    expect(again.status).toBe(200);
    expect(again.json.metadata.resourceVersion).toBe(
      during.json.metadata.resourceVersion,
    );

    // what the namespace controller does once the delay has passed
    expect(sim.objects.delete('v1', 'Namespace', 'held')).toBe(true);
    expect((await raw(sim, 'GET', '/api/v1/namespaces/held')).status).toBe(404);
    expect(await contentOf(sim, 'held')).toEqual([]);
    // the namespace can be created again
    expect(
      (
        await raw(sim, 'POST', '/api/v1/namespaces', {
          body: { metadata: { name: 'held' } },
        })
      ).status,
    ).toBe(201);
  });

  it('garbage-collects dependents when their only owner is deleted', async () => {
    const owner = (
      await raw(sim, 'POST', '/api/v1/namespaces/default/configmaps', {
        body: { metadata: { name: 'owner' } },
      })
    ).json;
    const other = (
      await raw(sim, 'POST', '/api/v1/namespaces/default/configmaps', {
        body: { metadata: { name: 'other-owner' } },
      })
    ).json;
    const ref = (o: any) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: o.metadata.name,
      uid: o.metadata.uid,
    });
    await raw(sim, 'POST', '/api/v1/namespaces/default/secrets', {
      body: { metadata: { name: 'child', ownerReferences: [ref(owner)] } },
    });
    await raw(sim, 'POST', '/api/v1/namespaces/default/secrets', {
      body: {
        metadata: { name: 'shared', ownerReferences: [ref(owner), ref(other)] },
      },
    });
    await raw(sim, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: {
        metadata: { name: 'grandchild-owner', ownerReferences: [ref(owner)] },
      },
    });
    await raw(sim, 'DELETE', '/api/v1/namespaces/default/configmaps/owner');
    await eventually(
      async () =>
        (
          await raw(sim, 'GET', '/api/v1/namespaces/default/secrets/child')
        ).status === 404,
    );
    await eventually(
      async () =>
        (
          await raw(
            sim,
            'GET',
            '/api/v1/namespaces/default/configmaps/grandchild-owner',
          )
        ).status === 404,
    );
    expect(
      (await raw(sim, 'GET', '/api/v1/namespaces/default/secrets/shared'))
        .status,
    ).toBe(200);
    await raw(
      sim,
      'DELETE',
      '/api/v1/namespaces/default/configmaps/other-owner',
    );
    await eventually(
      async () =>
        (
          await raw(sim, 'GET', '/api/v1/namespaces/default/secrets/shared')
        ).status === 404,
    );
  });

  it('holds objects with finalizers until the finalizers are removed', async () => {
    await raw(sim, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: { metadata: { name: 'held', finalizers: ['example.com/cleanup'] } },
    });
    const del = await raw(
      sim,
      'DELETE',
      '/api/v1/namespaces/default/configmaps/held',
    );
    expect(del.status).toBe(200);
    expect(del.json.metadata.deletionTimestamp).toBeDefined();
    expect(
      (await raw(sim, 'GET', '/api/v1/namespaces/default/configmaps/held'))
        .status,
    ).toBe(200);
    await mergePatch(sim, '/api/v1/namespaces/default/configmaps/held', {
      metadata: { finalizers: null },
    });
    expect(
      (await raw(sim, 'GET', '/api/v1/namespaces/default/configmaps/held'))
        .status,
    ).toBe(404);
  });

  it('offers direct object access to tests through sim.objects', async () => {
    const put = sim.objects.put({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'direct',
        namespace: 'default',
        labels: { via: 'objects' },
      },
      data: { a: '1' },
    });
    expect(put.metadata.uid).toBeDefined();
    const again = sim.objects.put({ ...put, data: { a: '2' } });
    expect(Number(again.metadata.resourceVersion)).toBeGreaterThan(
      Number(put.metadata.resourceVersion),
    );
    expect(again.metadata.uid).toBe(put.metadata.uid);
    expect(
      (await raw(sim, 'GET', '/api/v1/namespaces/default/configmaps/direct'))
        .json.data,
    ).toEqual({ a: '2' });
    expect(
      sim.objects.get('v1', 'ConfigMap', 'default', 'direct')?.data,
    ).toEqual({ a: '2' });
    expect(
      sim.objects.list('v1', 'ConfigMap', {
        namespace: 'default',
        labelSelector: 'via=objects',
      }),
    ).toHaveLength(1);
    expect(
      sim.objects.list('v1', 'ConfigMap', {
        labelSelector: { via: 'objects' },
      }),
    ).toHaveLength(1);
    expect(sim.objects.get('v1', 'Namespace', 'default')?.status.phase).toBe(
      'Active',
    );
    expect(sim.objects.delete('v1', 'ConfigMap', 'default', 'direct')).toBe(
      true,
    );
    expect(sim.objects.delete('v1', 'ConfigMap', 'default', 'direct')).toBe(
      false,
    );
    expect(() => sim.objects.get('nope/v1', 'Thing', 'x')).toThrow(
      /no resource serves/,
    );
  });

  it('selects by label among 10,000 objects', async () => {
    for (let i = 0; i < 10_000; i++) {
      sim.objects.put({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: `bulk-${i}`,
          namespace: 'default',
          labels: { 'ray-service.io/tenant': `t${i % 100}`, bulk: 'yes' },
        },
      });
    }
    const r = await raw(
      sim,
      'GET',
      '/api/v1/namespaces/default/configmaps?labelSelector=ray-service.io%2Ftenant%3Dt7,bulk%3Dyes',
    );
    expect(r.json.items).toHaveLength(100);
    expect(
      r.json.items.every(
        (item: { metadata: { labels: Record<string, string> } }) =>
          item.metadata.labels['ray-service.io/tenant'] === 't7',
      ),
    ).toBe(true);
  });
});
