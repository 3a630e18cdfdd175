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
  startTestCluster,
  TestCluster,
} from '../kubernetes/__testUtils__/kubeSim';
import {
  QUEUE_TEARDOWN_ANNOTATION,
  VOLCANO_QUEUE_API_VERSION,
} from '../vocabulary';
import { HostClusterReconciler } from './HostClusterReconciler';
import { desired, untilConverged } from './__testUtils__/tenants';

jest.setTimeout(60_000);

describe('a tenant created again while its earlier namespace and queue are torn down', () => {
  let cluster: TestCluster;

  beforeEach(async () => {
    cluster = await startTestCluster();
  });

  afterEach(async () => {
    await cluster.sim.stop();
  });

  const queue = () =>
    cluster.sim.objects.get(VOLCANO_QUEUE_API_VERSION, 'Queue', 'ray-phoenix');

  it('waits, never adopts the queue Volcano is closing, and ends Ready with a new, open queue', async () => {
    const reconciler = new HostClusterReconciler(cluster.client, {
      deliveryController: 'flux',
    });
    const phoenix = desired({ name: 'phoenix', isolation: 'namespace' });
    await untilConverged(reconciler, [phoenix]);
    const earlier = queue()!;

    // the portal lost its database: phoenix is torn down as an orphan
    // until its queue is marked (Volcano was asked to close it)
    for (let i = 0; i < 10 && !queue()?.metadata.annotations; i++) {
      await reconciler.reconcile([]);
    }
    expect(queue()?.metadata.annotations).toMatchObject({
      [QUEUE_TEARDOWN_ANNOTATION]: 'true',
    });

    // created again, whatever Volcano has done with the queue meanwhile
    const again = await reconciler.reconcile([phoenix]);
    expect(again.tenants[0].status.conditions).toContainEqual(
      expect.objectContaining({
        type: 'Reconciled',
        status: 'False',
        reason: 'Waiting',
        message: expect.stringContaining(
          'an earlier tenant of this name is being torn down',
        ),
      }),
    );
    expect(again.stats.applies).toBe(0);

    const { passes } = await untilConverged(reconciler, [
      { ...phoenix, status: again.tenants[0].status },
    ]);
    const ready = passes[passes.length - 1].tenants[0].status;
    expect(ready.phase).toBe('Ready');
    expect(ready.conditions).toContainEqual(
      expect.objectContaining({ type: 'QueueReady', status: 'True' }),
    );
    const fresh = queue()!;
    expect(fresh.metadata.uid).not.toBe(earlier.metadata.uid);
    expect(fresh.status?.state).toBe('Open');
    expect(fresh.metadata.annotations?.[QUEUE_TEARDOWN_ANNOTATION]).toBe(
      undefined,
    );
  });
});
