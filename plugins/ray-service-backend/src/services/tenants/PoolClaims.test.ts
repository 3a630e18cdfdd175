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
  migratedStore,
  storeTestDatabases,
} from '../../__testUtils__/databases';
import {
  profile,
  storedTenant,
  templateVersion,
} from '../../__testUtils__/fixtures';
import { smallPoolProfile } from '../../__testUtils__/warmPools';
import { CheckedRequest, PoolClaims } from './PoolClaims';

jest.setTimeout(60_000);

const { databases, ids } = storeTestDatabases();

const POOL_PROFILE = profile(smallPoolProfile(3));

function request(name: string): CheckedRequest {
  return {
    request: {
      name,
      owner: 'group:default/ml-team-alpha',
      profile: 'small',
      templateVersion: 'kuberay@1.0.0',
    },
    profile: POOL_PROFILE,
    templateVersion: templateVersion({ state: 'published' }),
    isolation: 'vcluster',
    lineage: ['group:default/ml-team-alpha', 'group:default/ml-teams'],
  };
}

describe.each(ids)('PoolClaims on %s', databaseId => {
  const db = migratedStore(databases, databaseId, [
    'tenants',
    'pool_events',
    'audit_log',
  ]);
  beforeEach(async () => {
    for (const name of ['wp-0', 'wp-1', 'wp-2']) {
      await db.store.tenants.insert(
        storedTenant({
          name,
          namespace: `ray-${name}`,
          owner: 'group:default/ray-service-warm-pool',
          phase: 'Ready',
          pool: 'small',
        }),
      );
    }
  });

  it('opens a transaction only for the creates a burst beyond the pool can be served', async () => {
    const transaction = jest.spyOn(db.store, 'transaction');
    const pools = new PoolClaims({ store: db.store });

    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        pools.claim(request(`team-${i}`), 'user:default/alice.alpha'),
      ),
    );

    const claimed = results.flatMap(r => ('tenant' in r ? [r.tenant] : []));
    expect(new Set(claimed.map(t => t.namespace))).toEqual(
      new Set(['ray-wp-0', 'ray-wp-1', 'ray-wp-2']),
    );
    expect(results.filter(r => 'reason' in r)).toHaveLength(9);
    expect(transaction).toHaveBeenCalledTimes(3);
    const events = await db.knex('pool_events').select('kind');
    expect(events.filter(e => e.kind === 'claim')).toHaveLength(3);
    expect(events.filter(e => e.kind === 'miss')).toHaveLength(9);
    const audited = await db
      .knex('audit_log')
      .where({ action: 'tenant.claim' })
      .select('target_name');
    expect(audited.map(a => a.target_name).sort()).toEqual(
      claimed.map(t => t.name).sort(),
    );
  });

  it('gives a standby whose claim failed to a create that waited for it', async () => {
    // team-0's name is taken: its claim fails and the standby stays in the pool.
    await db.store.tenants.insert(storedTenant({ name: 'team-0' }));
    await db.knex('tenants').whereIn('name', ['wp-1', 'wp-2']).delete();
    const pools = new PoolClaims({ store: db.store });

    const [first, second] = await Promise.allSettled([
      pools.claim(request('team-0'), 'user:default/alice.alpha'),
      pools.claim(request('team-1'), 'user:default/alice.alpha'),
    ]);

    expect(first).toMatchObject({ status: 'rejected' });
    expect(second).toMatchObject({
      status: 'fulfilled',
      value: { tenant: { name: 'team-1', namespace: 'ray-wp-0' } },
    });
  });
});
