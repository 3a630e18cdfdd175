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
import knexFactory from 'knex';
import { migratedStore, storeTestDatabases } from '../__testUtils__/databases';
import { storedTenant } from '../__testUtils__/fixtures';
import { RayServiceStore } from './RayServiceStore';
import type { PoolClaim, StoredTenant } from './types';

jest.setTimeout(60_000);

const { databases, ids } = storeTestDatabases();

const KUBERAY_1 = { name: 'kuberay', version: '1.0.0' };

function standby(name: string, overrides: Partial<StoredTenant> = {}) {
  return storedTenant({
    name,
    namespace: `ray-${name}`,
    owner: 'group:default/ray-service-warm-pool',
    phase: 'Ready',
    pool: 'small',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  });
}

function claimFor(name: string, overrides: Partial<PoolClaim> = {}): PoolClaim {
  return {
    pool: 'small',
    template: KUBERAY_1,
    isolation: 'vcluster',
    name,
    owner: 'group:default/ml-team-alpha',
    claimedBy: 'user:default/alice.alpha',
    at: '2026-01-02T00:00:00.000Z',
    ...overrides,
  };
}

describe.each(ids)('claims of warm-pool standbys on %s', databaseId => {
  const db = migratedStore(databases, databaseId, ['tenants']);

  it('hands the oldest Ready standby to the team, keeping its namespace', async () => {
    await db.store.tenants.insert(
      standby('wp-young', { createdAt: '2026-01-01T10:00:00.000Z' }),
    );
    await db.store.tenants.insert(standby('wp-old'));
    await db.store.tenants.insert(
      standby('wp-busy', { phase: 'Provisioning' }),
    );
    expect(await db.store.tenants.countClaimable(claimFor('alpha'))).toBe(2);

    const claimed = await db.store.tenants.claim(claimFor('alpha'));
    expect(claimed).toMatchObject({
      name: 'alpha',
      namespace: 'ray-wp-old',
      owner: 'group:default/ml-team-alpha',
      phase: 'Ready',
      generation: 2,
      createdBy: 'user:default/alice.alpha',
      claimedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(claimed?.pool).toBeUndefined();
    expect(await db.store.tenants.get('wp-old')).toBeUndefined();
    expect(await db.store.tenants.countClaimable(claimFor('beta'))).toBe(1);
    expect((await db.store.tenants.listPool('small')).map(t => t.name)).toEqual(
      ['wp-busy', 'wp-young'],
    );
    // Claimed tenants are listed like any; standbys are not.
    const listed = await db.store.tenants.list({ limit: 10 });
    expect(listed.items.map(t => t.name)).toEqual(['alpha']);
  });

  it('claims only a standby of the version, isolation and cluster asked for', async () => {
    await db.store.tenants.insert(standby('wp-a'));
    expect(
      await db.store.tenants.claim(
        claimFor('x', { template: { name: 'kuberay', version: '2.0.0' } }),
      ),
    ).toBeUndefined();
    expect(
      await db.store.tenants.claim(claimFor('x', { isolation: 'namespace' })),
    ).toBeUndefined();
    expect(
      await db.store.tenants.claim(claimFor('x', { hostCluster: 'elsewhere' })),
    ).toBeUndefined();
    expect(await db.store.tenants.claim(claimFor('x', { pool: 'large' }))).toBe(
      undefined,
    );
    expect(
      await db.store.tenants.claim(claimFor('x', { hostCluster: 'sim' })),
    ).toMatchObject({ name: 'x', namespace: 'ray-wp-a' });
  });

  it('refuses a taken name and leaves the standby in the pool', async () => {
    await db.store.tenants.insert(standby('wp-a'));
    await db.store.tenants.insert(storedTenant({ name: 'alpha' }));
    await expect(db.store.tenants.claim(claimFor('alpha'))).rejects.toThrow(
      ConflictError,
    );
    expect(await db.store.tenants.get('wp-a')).toMatchObject({ pool: 'small' });
  });

  it('never removes a claimed tenant as a standby', async () => {
    await db.store.tenants.insert(standby('wp-a'));
    await db.store.tenants.claim(claimFor('alpha'));
    expect(
      await db.store.tenants.releaseStandby(
        'wp-a',
        'small',
        '2026-01-03T00:00:00Z',
      ),
    ).toBe(false);
    expect(
      await db.store.tenants.releaseStandby(
        'alpha',
        'small',
        '2026-01-03T00:00:00Z',
      ),
    ).toBe(false);
    expect(await db.store.tenants.get('alpha')).toMatchObject({
      phase: 'Ready',
    });
    expect((await db.store.tenants.get('alpha'))?.deletionRequestedAt).toBe(
      undefined,
    );
  });

  it('gives every standby to one claim only, however many claim at once', async () => {
    const standbys = 6;
    const claims = 30;
    for (let i = 0; i < standbys; i++) {
      await db.store.tenants.insert(standby(`wp-${i}`));
    }
    // A second connection pool on the same database stands for another
    // backend replica (SQLite: the same in-memory database has one).
    const replica =
      databaseId === 'SQLITE_3'
        ? undefined
        : knexFactory({ ...db.knex.client.config });
    const stores = [db.store, new RayServiceStore(replica ?? db.knex)];
    try {
      const results = await Promise.all(
        Array.from({ length: claims }, (_, i) =>
          stores[i % 2].tenants.claim(claimFor(`team-${i}`)),
        ),
      );
      const won = results.filter((r): r is StoredTenant => r !== undefined);
      expect(won).toHaveLength(standbys);
      const namespaces = won.map(t => t.namespace);
      expect(new Set(namespaces).size).toBe(standbys);
      expect(await db.store.tenants.listPool('small')).toEqual([]);
      const rows = await db.knex('tenants').select('name', 'namespace');
      expect(rows).toHaveLength(standbys);
    } finally {
      await replica?.destroy();
    }
  });

  it('records when a tenant first became Ready, once', async () => {
    await db.store.tenants.insert(standby('wp-a'));
    expect(
      await db.store.tenants.markReady('wp-a', '2026-01-01T00:05:00Z'),
    ).toBe(true);
    expect(
      await db.store.tenants.markReady('wp-a', '2026-01-01T00:09:00Z'),
    ).toBe(false);
    expect((await db.store.tenants.get('wp-a'))?.readyAt).toBe(
      '2026-01-01T00:05:00.000Z',
    );
  });
});
