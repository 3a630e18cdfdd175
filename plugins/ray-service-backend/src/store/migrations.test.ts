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

import { Knex } from 'knex';
import { storeTestDatabases } from '../__testUtils__/databases';
import { tenantRow } from '../__testUtils__/fixtures';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);

const { databases, ids } = storeTestDatabases();

const ADMIN_TABLES = [
  'compute_profiles',
  'compute_profile_visibility',
  'template_versions',
  'template_version_sharing',
  'audit_log',
  'tenants',
];

async function existingTables(knex: Knex, tables: string[]) {
  const exists = await Promise.all(tables.map(t => knex.schema.hasTable(t)));
  return tables.filter((_, i) => exists[i]);
}

describe.each(ids)('migrations on %s', databaseId => {
  it('migrate up creates the tables and down removes them again', async () => {
    const knex = await databases.init(databaseId);

    await knex.migrate.latest({ directory: migrationsDir });
    expect(await knex.schema.hasTable('host_cluster_facts')).toBe(true);
    expect(await existingTables(knex, ADMIN_TABLES)).toEqual(ADMIN_TABLES);
    await knex('host_cluster_facts').insert({
      name: 'gpu-east',
      facts: JSON.stringify({ labels: { region: 'east' } }),
      updated_by: 'user:default/pat',
      updated_at: new Date(),
    });
    const [row] = await knex('host_cluster_facts').where({ name: 'gpu-east' });
    expect(JSON.parse(row.facts)).toEqual({ labels: { region: 'east' } });

    await knex('tenants').insert(
      tenantRow({
        name: 'alpha-dev',
        profile: 'small',
        template: { name: 'kuberay', version: '1.0.0' },
      }),
    );
    expect(
      await knex('tenants').where({ name: 'alpha-dev' }).first(),
    ).toMatchObject({
      generation: 1,
      observed_generation: 0,
      deletion_requested_at: null,
    });

    expect(await knex.schema.hasTable('pool_samples')).toBe(true);
    expect(
      await knex('tenants').where({ name: 'alpha-dev' }).first(),
    ).toMatchObject({ namespace: 'ray-alpha-dev', pool: null });
    await knex.migrate.down({ directory: migrationsDir });
    expect(await knex.schema.hasTable('pool_samples')).toBe(false);
    expect(await knex.schema.hasColumn('tenants', 'namespace')).toBe(false);
    // Tenants from before warm pools get the namespace their name implied.
    const { namespace: _, ...before } = tenantRow({
      name: 'beta-dev',
      profile: 'small',
      template: { name: 'kuberay', version: '1.0.0' },
    });
    await knex('tenants').insert(before);
    await knex.migrate.up({ directory: migrationsDir });
    expect(
      await knex('tenants').where({ name: 'beta-dev' }).first(),
    ).toMatchObject({ namespace: 'ray-beta-dev' });
    await knex.migrate.down({ directory: migrationsDir });

    expect(await knex.schema.hasTable('job_history')).toBe(true);
    await knex.migrate.down({ directory: migrationsDir });
    expect(await knex.schema.hasTable('job_history')).toBe(false);
    expect(await existingTables(knex, ADMIN_TABLES)).toEqual(ADMIN_TABLES);

    await knex.migrate.down({ directory: migrationsDir });
    expect(await existingTables(knex, ADMIN_TABLES)).toEqual([]);
    expect(await knex.schema.hasTable('host_cluster_facts')).toBe(true);

    await knex.migrate.rollback({ directory: migrationsDir }, true);
    expect(await knex.schema.hasTable('host_cluster_facts')).toBe(false);

    await knex.migrate.latest({ directory: migrationsDir });
    expect(await knex.schema.hasTable('host_cluster_facts')).toBe(true);
    expect(await existingTables(knex, ADMIN_TABLES)).toEqual(ADMIN_TABLES);
    await knex.destroy();
  });
});
