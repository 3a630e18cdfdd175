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

jest.setTimeout(60_000);

const HOUR_MS = 3_600_000;

describe('the reconcile loop, holding the host clusters as one replica', () => {
  const on = useSimPortal(() => ({ watch: true }));

  it('watches only while it holds the work, and picks up tenants created on other replicas', async () => {
    const held = new AbortController();
    const holding = on.portal.loop.hold(held.signal, {
      durationMs: HOUR_MS,
      checkMs: 50,
    });
    // the test portal's tenant service triggers no pass: as if on another replica
    await on.portal.tenants.create(admin, simTenantRequest('alpha'));
    await waitFor(
      async () => (await on.portal.tenant('alpha'))?.phase === 'Ready',
    );
    expect(on.sim.watches.count()).toBeGreaterThan(0);

    held.abort();
    await holding;
    await waitFor(() => on.sim.watches.count() === 0, 'no watch open');

    // not holding (another replica holds the work): a change passes nothing here
    await on.portal.tenants.create(admin, simTenantRequest('beta'));
    on.sim.stats.reset();
    on.portal.loop.trigger('sim');
    await on.portal.loop.idle('sim');
    expect(on.sim.stats.requests).toEqual([]);
    expect(on.sim.watches.count()).toBe(0);
  });

  it('ends a hold after its duration, closing its watches; the next one lists every kind afresh', async () => {
    await on.portal.tenants.create(admin, simTenantRequest('alpha'));
    const listsOfHold = async () => {
      on.sim.stats.reset();
      await on.portal.loop.hold(new AbortController().signal, {
        durationMs: 200,
        checkMs: 50,
      });
      return on.sim.stats.count({ verb: 'list' });
    };
    const first = await listsOfHold();
    expect(first).toBeGreaterThan(0);
    await waitFor(() => on.sim.watches.count() === 0, 'no watch open');
    const second = await listsOfHold();
    expect(second).toBe(first);
    await waitFor(() => on.sim.watches.count() === 0, 'no watch open');
  });
});
