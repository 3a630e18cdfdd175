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
  admin,
  simTenantRequest,
  useSimPortal,
} from '../../__testUtils__/testPortal';
import { waitFor } from '../../lib/__testUtils__/waitFor';
import { tenantNamespace } from '../../vocabulary';

jest.setTimeout(60_000);

describe('the reconcile loop, watching: one queue entry per tenant', () => {
  /**
   * The backoff's clock, moved by the test. Backoffs are minutes long, so
   * that the loop's own wake-ups (real timers as long as what is left of
   * a backoff) never come during a test: only the test's moves and
   * triggers make a backed-off tenant due.
   */
  let clock = 0;
  const MINUTE = 60_000;
  /** The tenants of each pass, in order. */
  let passes: string[][] = [];

  beforeEach(() => {
    clock = 0;
    passes = [];
  });
  const on = useSimPortal(() => ({
    watch: true,
    backoff: {
      baseMs: 10 * MINUTE,
      maxMs: 40 * MINUTE,
      now: () => clock,
      random: () => 0,
    },
    onPass: report => {
      passes.push((report.result?.tenants ?? []).map(t => t.name));
    },
  }));

  beforeEach(async () => {
    for (const name of ['stuck', 'fine']) {
      await on.portal.tenants.create(admin, simTenantRequest(name));
    }
    await on.portal.pass();
    // passes come from watch events, and backed-off retries when the clock moves
    await waitFor(async () => {
      clock += 60 * MINUTE;
      on.portal.loop.trigger('sim');
      return (
        (await on.portal.tenant('stuck'))?.phase === 'Ready' &&
        (await on.portal.tenant('fine'))?.phase === 'Ready'
      );
    });
  });

  /** Requests (but watches) about a tenant's objects since the stats were reset. */
  const requestsOf = (tenant: string) =>
    on.sim.stats.requests.filter(
      r =>
        r.verb !== 'watch' &&
        (r.namespace === tenantNamespace(tenant) ||
          (r.name ?? '').includes(tenant)),
    );

  it('retries a tenant that waits alone, each time twice as late, and says what it waits for', async () => {
    // Flux stops reconciling the operator release of one tenant
    const [release] = on.sim.objects.list(
      'helm.toolkit.fluxcd.io/v2',
      'HelmRelease',
      { labelSelector: { 'ray-service.io/tenant': 'stuck' } },
    );
    expect(release).toBeDefined();
    on.sim.stats.reset();
    on.sim.objects.put({
      ...release,
      metadata: {
        ...release.metadata,
        generation: (release.metadata.generation ?? 1) + 1,
      },
      spec: { ...release.spec, suspend: true },
    });
    const stuck = await waitFor(async () => {
      const tenant = await on.portal.tenant('stuck');
      return tenant?.phase !== 'Ready' && tenant;
    }, 'the stuck tenant no longer Ready');
    expect(stuck.conditions.find(c => c.status !== 'True')).toEqual({
      type: 'OperatorReady',
      status: 'Unknown',
      reason: 'Progressing',
      message: `HelmRelease flux-system/${release.metadata.name}: generation 2 is not reconciled yet`,
      lastTransitionTime: expect.any(String),
    });
    await on.portal.loop.idle('sim');

    /** Whether a trigger now brings a pass of the stuck tenant. */
    const retried = async () => {
      passes = [];
      on.portal.loop.trigger('sim');
      await on.portal.loop.idle('sim');
      return passes.flat().includes('stuck');
    };
    for (const backoff of [10, 20, 40, 40].map(m => m * MINUTE)) {
      // a minute early, it waits (and the loop's own wake-up is a minute away)
      clock += backoff - MINUTE;
      expect(await retried()).toBe(false);
      clock += MINUTE;
      expect(await retried()).toBe(true);
    }
    // only the stuck tenant was passed over, and nothing else was asked for
    expect(passes.flat()).toEqual(['stuck']);
    expect(requestsOf('fine')).toEqual([]);
    expect(on.sim.stats.count({ verb: 'list' })).toBe(0);
    expect(
      on.sim.stats.requests.filter(
        r => r.verb !== 'watch' && !requestsOf('stuck').includes(r),
      ),
    ).toEqual([]);
  });

  it('passes over a tenant changed in the database alone', async () => {
    await on.portal.loop.idle('sim');
    on.sim.stats.reset();
    passes = [];
    await on.portal.tenants.upgrade(admin, 'fine', 'kuberay@2.0.0');
    on.portal.loop.trigger('sim');
    await waitFor(
      async () => (await on.portal.tenant('fine'))?.phase === 'Ready',
    );
    expect(
      on.sim.stats.requests.filter(r => r.verb === 'apply').length,
    ).toBeGreaterThan(0);
    expect(requestsOf('stuck')).toEqual([]);
    expect([...new Set(passes.flat())]).toEqual(['fine']);
    expect(on.sim.stats.count({ verb: 'list' })).toBe(0);
  });
});
