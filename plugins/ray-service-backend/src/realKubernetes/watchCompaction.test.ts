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

import { describeWithRealHost } from './__testUtils__/realHost';
import {
  listsOf,
  resourceVersionOf,
  watchesOpened,
} from './__testUtils__/watchAudit';
import {
  deleteWhileCutOff,
  watchingSetup,
} from './__testUtils__/watchingPortal';

/**
 * The reconcile loop's watches resumed from a resourceVersion etcd has
 * compacted away: the API server answers `410 Gone`, the informer lists
 * again, and a change made meanwhile is not missed. The API server runs
 * without its watch cache, so that its WATCHes are etcd's and compaction
 * reaches them at once (with the cache, `410` comes once the cache's
 * window has moved past the version: the same answer, later).
 */

jest.setTimeout(180_000);

const describeReal = describeWithRealHost('watchCompaction.test.ts');

describeReal('the reconcile loop watching past a compaction', () => {
  const setup = watchingSetup({ watchCache: false });

  it('lists again after 410 Gone and applies a NetworkPolicy deleted before the compaction', async () => {
    let compactedAt = 0;
    const { host, proxy } = setup;
    const { beforeDeletion, requests, repairMs } = await deleteWhileCutOff(
      host,
      proxy,
      async () => {
        compactedAt = await host.plane.compactEtcd();
      },
      // listed again and watching from after the compaction
      resumedRequests =>
        watchesOpened(resumedRequests, 'networkpolicies').some(
          event => Number(resourceVersionOf(event)) >= compactedAt,
        ),
    );
    expect(compactedAt).toBeGreaterThan(beforeDeletion);
    // the first watch resumed from before the compaction (and the
    // deletion), which etcd no longer has: 410, then a LIST, then a watch
    // from the list's version
    const watchedFrom = watchesOpened(requests, 'networkpolicies').map(event =>
      Number(resourceVersionOf(event)),
    );
    expect(watchedFrom[0]).toBeLessThanOrEqual(beforeDeletion);
    const relists = listsOf(requests, 'networkpolicies');
    expect(relists.length).toBeGreaterThan(0);
    expect(watchedFrom.some(version => version >= compactedAt)).toBe(true);
    console.info(
      `watch past a compaction: ${
        relists.length
      } relist(s), NetworkPolicy repaired ${Math.round(
        repairMs,
      )} ms after reconnecting`,
    );
  });
});
