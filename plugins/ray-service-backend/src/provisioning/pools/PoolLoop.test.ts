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

import { ConflictError } from '@backstage/errors';
import { mockServices } from '@backstage/backend-test-utils';
import { Allocation } from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { storeTestDatabases } from '../../__testUtils__/databases';
import { waitFor } from '../../lib/__testUtils__/waitFor';
import { profile, templateVersion } from '../../__testUtils__/fixtures';
import { migrationsDir } from '../../store/migrations';
import { RayServiceStore, StoredTenant } from '../../store/RayServiceStore';
import { PoolLoop, StandbyPlacement } from './PoolLoop';

jest.setTimeout(60_000);

const { databases, ids } = storeTestDatabases();

/**
 * Weekdays 08:00–18:00 Berlin time 3 standbys, else 1. Europe/Berlin leaves
 * CET (UTC+1) for CEST (UTC+2) on Sunday 2026-03-29 at 02:00.
 */
const BERLIN_WEEKDAYS: Allocation = {
  strategy: 'warmPool',
  desiredCapacity: 1,
  timezone: 'Europe/Berlin',
  windows: [
    {
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      from: '08:00',
      to: '18:00',
      desiredCapacity: 3,
    },
  ],
  templateVersion: 'kuberay@1.0.0',
};

/** A placement with room for `room` standbys on cluster `sim`, then none. */
class FakePlacement implements StandbyPlacement {
  placed = 0;
  /** After this many inserts the process "dies": the call never returns. */
  dieAfter = Infinity;
  constructor(
    private readonly store: RayServiceStore,
    public room = Infinity,
  ) {}
  async place<T>(
    request: { name: string },
    steps: {
      prepare(hostCluster: string): Promise<void>;
      commit(tx: RayServiceStore, hostCluster: string): Promise<T>;
    },
  ): Promise<T> {
    if (this.placed >= this.room) {
      throw new ConflictError(
        `no host cluster can take tenant "${request.name}": sim: not enough cpu`,
      );
    }
    this.placed++;
    await steps.prepare('sim');
    const inserted = await this.store.transaction(tx =>
      steps.commit(tx, 'sim'),
    );
    if (this.placed >= this.dieAfter) {
      return new Promise<T>(() => {});
    }
    return inserted;
  }
}

describe.each(ids)('the warm-pool loop on %s', databaseId => {
  let knex: Knex;
  let store: RayServiceStore;
  let now: Date;
  let placement: FakePlacement;
  let changed: string[];

  function loop() {
    return new PoolLoop(
      {
        store,
        placement,
        logger: mockServices.logger.mock(),
        now: () => now,
        onChange: cluster => changed.push(cluster),
      },
      {
        sampleIntervalMs: 60_000,
        retentionMs: 24 * 60 * 60 * 1000,
        actor: 'service:plugin:ray-service',
      },
    );
  }

  const live = async () =>
    (await store.tenants.listPool('small')).filter(t => !t.deletionRequestedAt);

  const waitForStandbys = (count: number) =>
    waitFor(
      async () => (await live()).length === count,
      () => `${count} standbys`,
    );

  /** What the tenant loop does: standbys of the pool become Ready. */
  async function provision() {
    for (const t of await live()) {
      await store.tenants.updateStatus(t.name, t.generation, {
        phase: 'Ready',
        conditions: [],
        observedGeneration: t.generation,
        updatedAt: now.toISOString(),
      });
    }
  }

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    store = new RayServiceStore(knex);
    await store.templateVersions.insert(
      templateVersion({ state: 'published' }),
    );
    await store.templateVersions.insert(
      templateVersion({ version: '1.1.0', state: 'published' }),
    );
  });
  beforeEach(async () => {
    await knex('tenants').delete();
    await knex('compute_profiles').delete();
    await knex('pools').delete();
    await knex('pool_samples').delete();
    await knex('pool_events').delete();
    await store.profiles.insert(profile({ allocation: BERLIN_WEEKDAYS }));
    placement = new FakePlacement(store);
    changed = [];
  });

  it('follows the windows in the time zone across a daylight-saving change', async () => {
    const pool = loop();
    // Friday 2026-03-27 07:30 UTC is 08:30 in Berlin (CET): in the window.
    now = new Date('2026-03-27T07:30:00Z');
    expect(await pool.run('small')).toMatchObject({ desired: 3, created: 3 });
    // 17:30 UTC is 18:30 in Berlin: after the window.
    now = new Date('2026-03-27T17:30:00Z');
    expect(await pool.run('small')).toMatchObject({ desired: 1, removed: 2 });
    // Monday 2026-03-30 06:30 UTC is 08:30 in Berlin, now CEST (UTC+2).
    now = new Date('2026-03-30T06:30:00Z');
    expect(await pool.run('small')).toMatchObject({ desired: 3, created: 2 });
    // The same UTC time the Friday before was 07:30 CET: before the window.
    now = new Date('2026-03-27T06:30:00Z');
    expect(await pool.run('small')).toMatchObject({ desired: 1, removed: 2 });
    expect(await live()).toHaveLength(1);
    expect(changed.every(cluster => cluster === 'sim')).toBe(true);
  });

  it('removes the surplus newest first and never a claimed tenant', async () => {
    const pool = loop();
    now = new Date('2026-03-27T07:30:00Z');
    await pool.run('small');
    await provision();
    const [oldest, , newest] = await live();
    // A team claims the oldest; the pool still has two.
    const claimed = await store.tenants.claim({
      pool: 'small',
      template: { name: 'kuberay', version: '1.0.0' },
      isolation: 'vcluster',
      name: 'alpha',
      owner: 'group:default/ml-team-alpha',
      claimedBy: 'user:default/alice.alpha',
      at: now.toISOString(),
    });
    expect(claimed?.namespace).toBe(oldest.namespace);

    now = new Date('2026-03-27T19:00:00Z');
    expect(await pool.run('small')).toMatchObject({ desired: 1, removed: 1 });
    const remaining = await live();
    expect(remaining).toHaveLength(1);
    expect(remaining[0].name).not.toBe(newest.name);
    expect(await store.tenants.get('alpha')).toMatchObject({
      phase: 'Ready',
      owner: 'group:default/ml-team-alpha',
    });
    expect((await store.tenants.get('alpha'))?.deletionRequestedAt).toBe(
      undefined,
    );
  });

  it('replaces standbys when the pool gets another template version', async () => {
    const pool = loop();
    now = new Date('2026-03-27T07:30:00Z');
    await pool.run('small');
    await provision();
    await store.profiles.update(
      profile({
        allocation: { ...BERLIN_WEEKDAYS, templateVersion: 'kuberay@1.1.0' },
      }),
    );
    expect(await pool.run('small')).toMatchObject({ removed: 3, created: 3 });
    const versions = (await live()).map(t => t.template.version);
    expect(versions).toEqual(['1.1.0', '1.1.0', '1.1.0']);
    // The old ones are being deleted, not forgotten.
    const deleting = (await store.tenants.listPool('small')).filter(
      (t: StoredTenant) => t.deletionRequestedAt,
    );
    expect(deleting.map(t => t.template.version)).toEqual([
      '1.0.0',
      '1.0.0',
      '1.0.0',
    ]);
  });

  it('says the pool is short instead of overcommitting', async () => {
    placement.room = 1;
    now = new Date('2026-03-27T07:30:00Z');
    expect(await loop().run('small')).toMatchObject({ created: 1, short: 2 });
    expect(await store.pools.getStatus('small')).toMatchObject({
      desired: 3,
      conditions: [
        {
          type: 'PoolShort',
          status: 'True',
          reason: 'NoRoom',
          message: expect.stringMatching(
            /^pool short: no host cluster has room for 2 more/,
          ),
        },
      ],
    });
    placement.room = Infinity;
    expect(await loop().run('small')).toMatchObject({ created: 2, short: 0 });
    expect((await store.pools.getStatus('small'))?.conditions[0]).toMatchObject(
      { status: 'False' },
    );
  });

  it('converges after a crash in the middle of a replenish', async () => {
    // The process dies right after the second standby's insert committed:
    // its pass never goes on.
    placement.dieAfter = 2;
    now = new Date('2026-03-27T07:30:00Z');
    const dying = loop().run('small');
    await waitForStandbys(2);
    // A new process (a new loop on the same database) finishes the job.
    placement.dieAfter = Infinity;
    expect(await loop().run('small')).toMatchObject({ created: 1 });
    expect(await live()).toHaveLength(3);
    expect(await loop().run('small')).toMatchObject({ created: 0, removed: 0 });
    expect(await Promise.race([dying, 'still dead'])).toBe('still dead');
  });

  it('keeps a history of samples and the time to Ready', async () => {
    const pool = loop();
    now = new Date('2026-03-27T07:30:00Z');
    await pool.run('small');
    now = new Date('2026-03-27T07:31:30Z');
    await provision();
    await pool.run('small');
    const samples = await store.pools.listSamples(
      'small',
      '2026-03-27T00:00:00Z',
    );
    expect(samples).toEqual([
      expect.objectContaining({ desired: 3, ready: 0, provisioning: 3 }),
      expect.objectContaining({ desired: 3, ready: 3, provisioning: 0 }),
    ]);
    const summary = await store.pools.summarizeEvents('2026-03-27T00:00:00Z');
    expect(summary.get('small')?.readyDurationsMs).toEqual([
      90_000, 90_000, 90_000,
    ]);
    // Samples older than the retention go.
    now = new Date('2026-03-29T07:30:00Z');
    await pool.runAll();
    expect(
      await store.pools.listSamples('small', '2026-03-27T00:00:00Z'),
    ).toEqual([expect.objectContaining({ at: '2026-03-29T07:30:00.000Z' })]);
  });
});
