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

import { startKubeSim } from '../../index';
import type { KubeSim } from '../../index';
import {
  eventually,
  mergePatch,
  nextTurn,
  raw,
} from '../../__testUtils__/helpers';
import { startVCluster } from '../../__testUtils__/vcluster';
import { createVolcanoQueue } from '../../__testUtils__/volcano';
import { watchStream } from '../../__testUtils__/watchStream';

jest.setTimeout(30_000);

const configMap = (
  name: string,
  labels: Record<string, string> = {},
  data = {},
) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, labels },
  data,
});

describe('watches', () => {
  let sim: KubeSim;
  const cmPath = (ns: string) => `/api/v1/namespaces/${ns}/configmaps`;
  const create = (
    ns: string,
    name: string,
    labels: Record<string, string> = {},
  ) => raw(sim, 'POST', cmPath(ns), { body: configMap(name, labels) });
  const types = (events: Array<{ type: string; object: any }>) =>
    events.map(e => `${e.type} ${e.object.metadata?.name ?? e.object.kind}`);

  beforeAll(async () => {
    sim = await startKubeSim({
      seed: 'well-equipped',
      token: 'watch-token',
      watch: { bookmarkIntervalMs: 50, historySize: 50 },
    });
    for (const ns of ['w1', 'w2'])
      await raw(sim, 'POST', '/api/v1/namespaces', {
        body: { metadata: { name: ns } },
      });
  });
  afterAll(() => sim.stop());

  it('replays the current objects as ADDED, then streams changes', async () => {
    await create('w1', 'before');
    const w = watchStream(sim, cmPath('w1'));
    expect(await w.status).toBe(200);
    await eventually(() => w.events.length === 1);
    expect(w.events[0]).toMatchObject({
      type: 'ADDED',
      object: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'before' },
      },
    });
    await create('w1', 'after');
    await create('w2', 'elsewhere');
    await mergePatch(sim, `${cmPath('w1')}/after`, { data: { k: 'v' } });
    const beforeDelete = (await raw(sim, 'GET', cmPath('w1'))).json.metadata
      .resourceVersion;
    await raw(sim, 'DELETE', `${cmPath('w1')}/before`);
    await eventually(() => w.events.length === 4);
    expect(types(w.events)).toEqual([
      'ADDED before',
      'ADDED after',
      'MODIFIED after',
      'DELETED before',
    ]);
    // a deletion carries the resourceVersion of the deletion
    const list = await raw(sim, 'GET', cmPath('w1'));
    expect(Number(w.events[3].object.metadata.resourceVersion)).toBeGreaterThan(
      Number(beforeDelete),
    );
    expect(
      Number(w.events[3].object.metadata.resourceVersion),
    ).toBeLessThanOrEqual(Number(list.json.metadata.resourceVersion));
    w.close();
  });

  it('resumes after a resourceVersion, across namespaces and for custom resources', async () => {
    const list = await raw(sim, 'GET', '/api/v1/configmaps');
    const rv = list.json.metadata.resourceVersion;
    await create('w2', 'later');
    const all = watchStream(sim, `/api/v1/configmaps?resourceVersion=${rv}`);
    await eventually(() => all.events.length === 1);
    expect(all.events[0]).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'later', namespace: 'w2' } },
    });
    await createVolcanoQueue(sim, 'q1');
    const queues = watchStream(
      sim,
      '/apis/scheduling.volcano.sh/v1beta1/queues?resourceVersion=0',
    );
    await eventually(() =>
      queues.events.some(e => e.object.metadata.name === 'q1'),
    );
    expect(queues.events[0].object.apiVersion).toBe(
      'scheduling.volcano.sh/v1beta1',
    );
    all.close();
    queues.close();
  });

  it('filters by selectors; an object leaving the selector is DELETED (its previous content)', async () => {
    await create('w1', 'labelled', { team: 'a' });
    const w = watchStream(sim, `${cmPath('w1')}?labelSelector=team%3Da`);
    await eventually(() => w.events.length === 1);
    const left = await mergePatch(sim, `${cmPath('w1')}/labelled`, {
      metadata: { labels: { team: 'b' } },
    });
    await mergePatch(sim, `${cmPath('w1')}/labelled`, {
      metadata: { labels: { team: 'a' } },
    });
    await eventually(() => w.events.length === 3);
    expect(types(w.events)).toEqual([
      'ADDED labelled',
      'DELETED labelled',
      'ADDED labelled',
    ]);
    expect(w.events[1].object.metadata.labels).toEqual({ team: 'a' });
    expect(w.events[1].object.metadata.resourceVersion).toBe(
      left.json.metadata.resourceVersion,
    );
    const one = watchStream(
      sim,
      `${cmPath('w1')}?fieldSelector=metadata.name%3Dafter`,
    );
    await eventually(() => one.events.length === 1);
    expect(types(one.events)).toEqual(['ADDED after']);
    w.close();
    one.close();
  });

  it('sends BOOKMARKs with the current resourceVersion when asked to', async () => {
    const w = watchStream(
      sim,
      `${cmPath('w2')}?allowWatchBookmarks=true&resourceVersion=0`,
    );
    const bookmark = await eventually(() =>
      w.events.find(e => e.type === 'BOOKMARK'),
    );
    const list = await raw(sim, 'GET', cmPath('w2'));
    expect(bookmark.object).toEqual({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { resourceVersion: expect.stringMatching(/^\d+$/) },
    });
    expect(
      Number(bookmark.object.metadata.resourceVersion),
    ).toBeLessThanOrEqual(Number(list.json.metadata.resourceVersion));
    const plain = watchStream(sim, `${cmPath('w2')}?resourceVersion=0`);
    await eventually(
      () => w.events.filter(e => e.type === 'BOOKMARK').length >= 2,
    );
    expect(plain.events.some(e => e.type === 'BOOKMARK')).toBe(false);
    w.close();
    plain.close();
  });

  it('ends the initial replay with a bookmark for sendInitialEvents', async () => {
    const w = watchStream(
      sim,
      `${cmPath(
        'w1',
      )}?sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan`,
    );
    const end = await eventually(() =>
      w.events.find(
        e => e.object.metadata?.annotations?.['k8s.io/initial-events-end'],
      ),
    );
    expect(end.type).toBe('BOOKMARK');
    expect(w.events.indexOf(end)).toBeGreaterThan(0);
    expect(
      w.events.slice(0, w.events.indexOf(end)).every(e => e.type === 'ADDED'),
    ).toBe(true);
    w.close();
  });

  it('ends the stream after timeoutSeconds', async () => {
    const w = watchStream(sim, `${cmPath('w1')}?timeoutSeconds=1`);
    expect(await w.status).toBe(200);
    await w.ended;
    expect(w.events.length).toBeGreaterThan(0);
  });

  it('answers a resourceVersion older than the history with an ERROR event (410 Expired)', async () => {
    const old = (await raw(sim, 'GET', cmPath('w1'))).json.metadata
      .resourceVersion;
    await create('w1', 'newer');
    sim.compact();
    const current = (await raw(sim, 'GET', cmPath('w1'))).json.metadata
      .resourceVersion;
    const w = watchStream(sim, `${cmPath('w1')}?resourceVersion=${old}`);
    expect(await w.status).toBe(200);
    await w.ended;
    expect(w.events).toEqual([
      {
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `too old resource version: ${old} (${current})`,
          reason: 'Expired',
          code: 410,
        },
      },
    ]);
    // from the current version on it resumes
    const fine = watchStream(sim, `${cmPath('w1')}?resourceVersion=${current}`);
    await create('w1', 'newest');
    await eventually(() => fine.events.length === 1);
    expect(types(fine.events)).toEqual(['ADDED newest']);
    fine.close();
  });

  it('forgets all but the last historySize changes', async () => {
    const old = (await raw(sim, 'GET', cmPath('w2'))).json.metadata
      .resourceVersion;
    for (let i = 0; i < 60; i++) await create('w2', `bulk-${i}`);
    const w = watchStream(sim, `${cmPath('w2')}?resourceVersion=${old}`);
    await w.ended;
    expect(w.events[0].object.code).toBe(410);
  });

  it('counts the open watches and drops them all on demand', async () => {
    await nextTurn();
    const before = sim.watches.count();
    const a = watchStream(sim, `${cmPath('w1')}?resourceVersion=0`);
    const b = watchStream(sim, '/api/v1/pods?resourceVersion=0');
    await a.status;
    await b.status;
    expect(sim.watches.count()).toBe(before + 2);
    sim.watches.disconnectAll();
    await a.ended;
    await b.ended;
    expect(sim.watches.count()).toBe(0);
  });

  it('refuses a watch without the token and records watches in the stats', async () => {
    const anonymous = await raw(sim, 'GET', `${cmPath('w1')}?watch=true`, {
      token: null,
    });
    expect(anonymous.status).toBe(401);
    expect(
      sim.stats.count({ verb: 'watch', resource: 'configmaps', status: 200 }),
    ).toBeGreaterThan(0);
  });

  it('serves watches inside a vcluster too', async () => {
    const vc = await startVCluster(sim, 'vc', 'w2');
    const inside = { url: vc.url, caData: sim.caData, token: vc.token };
    const w = watchStream(
      inside,
      '/api/v1/namespaces/default/configmaps?resourceVersion=0',
    );
    expect(await w.status).toBe(200);
    await raw(inside, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: configMap('virtual'),
    });
    await eventually(() => w.events.length === 1);
    expect(types(w.events)).toEqual(['ADDED virtual']);
    w.close();
  });
});
