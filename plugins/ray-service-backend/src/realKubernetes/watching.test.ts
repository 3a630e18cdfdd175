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

import { rbacRules } from '../hostClusters/rbac';
import { waitFor } from '../lib/__testUtils__/waitFor';
import {
  grantsOf,
  grantsUsed,
  summarize,
} from './__testUtils__/requestAccounting';
import { describeWithRealHost } from './__testUtils__/realHost';
import {
  listsOf,
  resourceVersionOf,
  watchesOpened,
} from './__testUtils__/watchAudit';
import {
  aManagedNetworkPolicy,
  deleteWhileCutOff,
  watchingSetup,
  WATCHING_USER,
} from './__testUtils__/watchingPortal';

/**
 * The reconcile loop observing a real API server by watches
 * (`rayService.reconcile.watch`), with the generated least-privilege RBAC
 * that grants `watch`: steady passes list nothing, a managed object
 * deleted by hand comes back from its watch event alone, and one deleted
 * while the watches' connections are down comes back once they resume.
 * The portal reaches the API server through a proxy whose connections the
 * suite severs.
 */

jest.setTimeout(180_000);

const describeReal = describeWithRealHost('watching.test.ts');

describeReal('the reconcile loop watching a real API server', () => {
  const setup = watchingSetup();

  it('makes no LIST and no write in steady passes, only its open watches', async () => {
    const { host, portal } = setup;
    await portal.pass();
    const from = host.audit(WATCHING_USER).length;
    for (let i = 0; i < 3; i++) {
      const report = await portal.pass();
      expect(report.statusWrites).toBe(0);
      expect(report.result?.stats).toMatchObject({
        lists: 0,
        applies: 0,
        deletes: 0,
        discoveries: 0,
      });
    }
    const steady = summarize(
      host
        .audit(WATCHING_USER)
        .slice(from)
        .filter(e => e.verb !== 'watch'),
    );
    expect(steady).toEqual({
      writes: [],
      lists: {},
      gets: {},
      discovery: [],
      forbidden: [],
    });
  });

  it('applies a NetworkPolicy deleted by hand again from its watch event alone', async () => {
    const { host } = setup;
    const path = await aManagedNetworkPolicy(host);
    expect((await host.admin.request('DELETE', path)).status).toBe(200);
    // no pass is asked for: the loop's own follow-up is an hour away
    await waitFor(
      async () => (await host.admin.request('GET', path)).status === 200,
      'the NetworkPolicy applied again',
    );
  });

  it('resumes its watches after their connections are severed, and misses no event meanwhile', async () => {
    const { beforeDeletion, requests, repairMs } = await deleteWhileCutOff(
      setup.host,
      setup.proxy,
    );
    // resumed from a resourceVersion before the deletion, not relisted:
    // the deletion came as an event of the resumed watch
    const resumedFrom = watchesOpened(requests, 'networkpolicies').map(
      resourceVersionOf,
    );
    expect(resumedFrom.length).toBeGreaterThan(0);
    expect(resumedFrom).not.toContain('');
    expect(Number(resumedFrom[0])).toBeLessThanOrEqual(beforeDeletion);
    expect(listsOf(requests, 'networkpolicies')).toEqual([]);
    console.info(
      `severed watches: NetworkPolicy repaired ${Math.round(
        repairMs,
      )} ms after reconnecting`,
    );
  });

  it('needed watch on every reconciled kind, and was refused nothing', () => {
    const requests = setup.host.audit(WATCHING_USER);
    expect(summarize(requests).forbidden).toEqual([]);
    const granted = grantsOf(rbacRules('flux', { watch: true }));
    const watchGrants = [...granted].filter(g => g.endsWith(':watch'));
    const used = grantsUsed(requests, granted);
    expect(watchGrants.filter(g => !used.has(g))).toEqual([]);
    expect(watchGrants.length).toBeGreaterThan(0);
  });
});
