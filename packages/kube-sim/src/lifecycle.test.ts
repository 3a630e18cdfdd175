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
import { eventually, mergePatch, raw } from './__testUtils__/helpers';

describe('object lifecycle', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim({
      controllers: { namespaceFinalizeDelayMs: 300 },
    });
  });
  afterAll(() => sim.stop());

  it('keeps a deleted namespace Terminating for namespaceFinalizeDelayMs, then removes it with its content', async () => {
    await raw(sim, 'POST', '/api/v1/namespaces', {
      body: { metadata: { name: 'fin' } },
    });
    await raw(sim, 'POST', '/api/v1/namespaces/fin/secrets', {
      body: { metadata: { name: 's' } },
    });
    await raw(sim, 'POST', '/apis/apps/v1/namespaces/fin/deployments', {
      body: {
        metadata: { name: 'd' },
        spec: {
          selector: { matchLabels: { a: 'b' } },
          template: { metadata: { labels: { a: 'b' } } },
        },
      },
    });
    const started = Date.now();
    await raw(sim, 'DELETE', '/api/v1/namespaces/fin');
    const during = await raw(sim, 'GET', '/api/v1/namespaces/fin');
    expect(during.json.status.phase).toBe('Terminating');
    expect(
      (await raw(sim, 'GET', '/api/v1/namespaces/fin/secrets/s')).status,
    ).toBe(200);
    // a second delete is accepted and changes nothing
    expect((await raw(sim, 'DELETE', '/api/v1/namespaces/fin')).status).toBe(
      200,
    );
    await eventually(
      async () =>
        (await raw(sim, 'GET', '/api/v1/namespaces/fin')).status === 404,
      3000,
      10,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(
      (await raw(sim, 'GET', '/api/v1/secrets')).json.items.filter(
        (s: any) => s.metadata.namespace === 'fin',
      ),
    ).toEqual([]);
    expect(
      (await raw(sim, 'GET', '/apis/apps/v1/deployments')).json.items.filter(
        (s: any) => s.metadata.namespace === 'fin',
      ),
    ).toEqual([]);
    // the namespace can be created again
    expect(
      (
        await raw(sim, 'POST', '/api/v1/namespaces', {
          body: { metadata: { name: 'fin' } },
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
