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

import { performance } from 'node:perf_hooks';
import {
  startTestCluster,
  TestCluster,
} from '../kubernetes/__testUtils__/kubeSim';
import type { ObservedObject } from '../kubernetes/ObjectClient';
import { waitFor } from '../lib/__testUtils__/waitFor';
import { DEFAULT_INSTANCE, reconciledKinds } from '../vocabulary';
import { HostClusterReconciler } from './HostClusterReconciler';
import { ObjectEvent, ObservationInformers } from './informers';
import { observe } from './observe';
import { desired, untilConverged } from './__testUtils__/tenants';

const KINDS = reconciledKinds('flux');

/** Names of a tenant's observed objects, `Kind/name`, sorted. */
function namesOf(objects: ObservedObject[] = []) {
  return objects.map(o => `${o.kind}/${o.metadata.name}`).sort();
}

describe('ObservationInformers', () => {
  let cluster: TestCluster;
  let informers: ObservationInformers;
  let events: Array<[ObjectEvent, string]>;

  beforeEach(async () => {
    cluster = await startTestCluster({});
    // alpha converged, by the LIST-per-pass reconciler
    await untilConverged(new HostClusterReconciler(cluster.client), [
      desired({ name: 'alpha', isolation: 'namespace' }),
    ]);
    events = [];
    informers = new ObservationInformers({
      kubeConfig: cluster.kc,
      client: cluster.newClient(),
      instance: DEFAULT_INSTANCE,
      kinds: KINDS,
      restartDelayMs: 20,
      onEvent: (event, object) =>
        events.push([event, `${object.kind}/${object.metadata.name}`]),
    });
    cluster.sim.stats.reset();
    await informers.start();
  });

  afterEach(async () => {
    await informers.stop();
    await cluster.sim.stop();
  });

  const listsOf = () => cluster.sim.stats.count({ verb: 'list' });
  const servedKinds = async () =>
    (
      await Promise.all(
        KINDS.map(k => cluster.client.isServed(k.apiVersion, k.kind)),
      )
    ).filter(Boolean).length;

  it('lists each served kind once, then watches it; its observation is what a LIST per kind sees', async () => {
    const served = await servedKinds();
    expect(listsOf()).toBe(served);
    await waitFor(() => cluster.sim.watches.count() === served);

    const listed = await observe(cluster.client, DEFAULT_INSTANCE, KINDS);
    const watched = informers.observe();
    expect(watched.failedKinds).toEqual(new Map());
    expect(namesOf(watched.byTenant.get('alpha'))).toEqual(
      namesOf(listed.byTenant.get('alpha')),
    );
    expect(namesOf(watched.byTenant.get('alpha')).length).toBeGreaterThan(3);
  });

  it('passes fed by the informers list nothing, and a deleted object is seen from its event and applied again', async () => {
    const reconciler = new HostClusterReconciler(cluster.client, {
      observation: () => informers.observe(),
    });
    const alpha = desired({ name: 'alpha', isolation: 'namespace' });
    const policy = alpha.plan!.find(o => o.kind === 'NetworkPolicy')!;
    const listsBefore = listsOf();

    await cluster.client.delete(
      policy.apiVersion,
      policy.kind,
      policy.metadata.namespace,
      policy.metadata.name,
    );
    await waitFor(() =>
      events.some(
        ([event, name]) =>
          event === 'delete' &&
          name === `NetworkPolicy/${policy.metadata.name}`,
      ),
    );
    const { passes } = await untilConverged(reconciler, [alpha]);
    expect(passes[0].stats).toMatchObject({ applies: 1, deletes: 0 });
    expect(
      cluster.sim.objects.get(
        policy.apiVersion,
        policy.kind,
        policy.metadata.namespace,
        policy.metadata.name,
      ),
    ).toBeDefined();
    expect(listsOf()).toBe(listsBefore);
  });

  it('lists every kind again each resync, keeping its observation meanwhile', async () => {
    const resyncing = new ObservationInformers({
      kubeConfig: cluster.kc,
      client: cluster.newClient(),
      instance: DEFAULT_INSTANCE,
      kinds: KINDS,
      resyncMs: 200,
    });
    try {
      const served = await servedKinds();
      await resyncing.start();
      const lists = listsOf();
      const expected = namesOf(informers.observe().byTenant.get('alpha'));
      const seen: string[][] = [];
      await waitFor(() => {
        seen.push(namesOf(resyncing.observe().byTenant.get('alpha')));
        // two rounds of resync
        return listsOf() >= lists + 2 * served;
      });
      expect(seen.filter(names => names.join() !== expected.join())).toEqual(
        [],
      );
      expect(resyncing.observe().failedKinds).toEqual(new Map());
    } finally {
      await resyncing.stop();
    }
  });

  it('resumes after its connections drop, without listing; lists again after 410 Gone', async () => {
    const lists = listsOf();
    const watches = cluster.sim.watches.count();
    cluster.sim.watches.disconnectAll();
    await waitFor(() => cluster.sim.watches.count() === watches);
    const alpha = desired({ name: 'alpha', isolation: 'namespace' });
    const policy = alpha.plan!.find(o => o.kind === 'NetworkPolicy')!;
    await cluster.client.delete(
      policy.apiVersion,
      policy.kind,
      policy.metadata.namespace,
      policy.metadata.name,
    );
    await waitFor(
      () =>
        !namesOf(informers.observe().byTenant.get('alpha')).includes(
          `NetworkPolicy/${policy.metadata.name}`,
        ),
    );
    expect(listsOf()).toBe(lists);
    // Watches resuming from before the compaction are answered 410 and
    // list again (one resuming from the latest change need not).
    cluster.sim.compact();
    cluster.sim.watches.disconnectAll();
    await waitFor(() => listsOf() >= lists + watches - 1);
    await waitFor(() => cluster.sim.watches.count() === watches);
    const relisted = informers.observe();
    expect(relisted.failedKinds).toEqual(new Map());
    expect(namesOf(relisted.byTenant.get('alpha'))).toEqual(
      namesOf(
        (await observe(cluster.client, DEFAULT_INSTANCE, KINDS)).byTenant.get(
          'alpha',
        ),
      ),
    );
  });

  it('starts a failing list again after a delay that doubles while it keeps failing', async () => {
    const client = cluster.newClient();
    const list = client.listWithVersion.bind(client);
    const attempts: number[] = [];
    jest
      .spyOn(client, 'listWithVersion')
      .mockImplementation(async (...args) => {
        attempts.push(performance.now());
        if (attempts.length <= 3) {
          throw new Error('the API server is away');
        }
        return list(...args);
      });
    const [kind] = KINDS;
    const flaky = new ObservationInformers({
      kubeConfig: cluster.kc,
      client,
      instance: DEFAULT_INSTANCE,
      kinds: [kind],
      restartDelayMs: 50,
      resyncMs: 0,
    });
    try {
      await flaky.start();
      expect(flaky.observe().failedKinds.size).toBe(1);
      await waitFor(
        () => attempts.length === 4 && flaky.observe().failedKinds.size === 0,
      );
      const waits = attempts.slice(1).map((at, i) => at - attempts[i]);
      // timers never fire early (1 ms for the event loop's clock)
      expect(waits[0]).toBeGreaterThanOrEqual(49);
      expect(waits[1]).toBeGreaterThanOrEqual(99);
      expect(waits[2]).toBeGreaterThanOrEqual(199);
    } finally {
      await flaky.stop();
    }
  });
});
