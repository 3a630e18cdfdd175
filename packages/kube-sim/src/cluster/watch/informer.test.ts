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

import * as k8s from '@kubernetes/client-node';
import { startKubeSim } from '../../index';
import type { KubeSim } from '../../index';
import { eventually, kubeConfigFor } from '../../__testUtils__/helpers';

jest.setTimeout(30_000);

/*
 * What the backend will use: @kubernetes/client-node's Watch and informer (ListWatch)
 * against kube-sim's watches.
 */

describe("client-node's Watch and informer against kube-sim", () => {
  let sim: KubeSim;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;
  const cm = (name: string, data: Record<string, string> = {}) =>
    core.createNamespacedConfigMap({
      namespace: 'inf',
      body: { metadata: { name }, data },
    });
  const lists = () =>
    sim.stats.count({ verb: 'list', resource: 'configmaps', namespace: 'inf' });

  beforeAll(async () => {
    sim = await startKubeSim({ token: 'informer-token' });
    kc = kubeConfigFor(sim);
    core = kc.makeApiClient(k8s.CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: 'inf' } } });
  });
  afterAll(() => sim.stop());

  it('Watch streams typed events', async () => {
    const seen: string[] = [];
    let done: unknown = 'open';
    const watch = new k8s.Watch(kc);
    const controller = await watch.watch(
      '/api/v1/namespaces/inf/configmaps',
      { allowWatchBookmarks: true },
      (type, obj) => seen.push(`${type} ${obj.metadata?.name}`),
      err => (done = err),
    );
    await cm('w-one');
    await core.deleteNamespacedConfigMap({ namespace: 'inf', name: 'w-one' });
    await eventually(() => seen.length === 2);
    expect(seen).toEqual(['ADDED w-one', 'DELETED w-one']);
    controller.abort();
    await eventually(() => done !== 'open');
  });

  it('informer: lists once, follows changes, resumes after a disconnect, relists on 410', async () => {
    await cm('a');
    const listsBefore = lists();
    const informer = k8s.makeInformer(
      kc,
      '/api/v1/namespaces/inf/configmaps',
      () => core.listNamespacedConfigMap({ namespace: 'inf' }),
    );
    const events: string[] = [];
    const errors: unknown[] = [];
    informer.on('add', o => events.push(`add ${o.metadata?.name}`));
    informer.on('update', o => events.push(`update ${o.metadata?.name}`));
    informer.on('delete', o => events.push(`delete ${o.metadata?.name}`));
    // as the backend will: an error stops a client-node informer; start it again (unless
    // it was stopped on purpose: stopping aborts the watch, which is reported as an error too)
    let running = true;
    informer.on('error', err => {
      errors.push(err);
      if (running) setImmediate(() => informer.start());
    });
    await informer.start();
    await eventually(() => events.includes('add a'));
    expect(lists()).toBe(listsBefore + 1);
    await eventually(() => sim.watches.count() === 1);

    await cm('b');
    await core.patchNamespacedConfigMap(
      { namespace: 'inf', name: 'a', body: { data: { x: '1' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    await core.deleteNamespacedConfigMap({ namespace: 'inf', name: 'b' });
    await eventually(() => events.includes('delete b'));
    expect(events).toEqual(['add a', 'add b', 'update a', 'delete b']);

    // the connection drops: the informer resumes from its resourceVersion, without a list
    sim.watches.disconnectAll();
    await eventually(() => errors.length === 1 && sim.watches.count() === 1);
    await cm('c');
    await eventually(() => events.includes('add c'));
    expect(lists()).toBe(listsBefore + 1);

    // history forgotten, connection dropped: the watch gets 410 Expired and the informer lists
    running = false;
    await informer.stop();
    await eventually(() => sim.watches.count() === 0);
    await cm('d');
    sim.compact();
    running = true;
    await informer.start();
    await eventually(() => events.includes('add d'));
    expect(lists()).toBe(listsBefore + 2);
    expect(
      informer
        .list('inf')
        .map(o => o.metadata?.name)
        .sort(),
    ).toEqual(['a', 'c', 'd']);
    running = false;
    await informer.stop();
  });
});
