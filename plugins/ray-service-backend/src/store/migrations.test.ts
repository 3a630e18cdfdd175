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

import { storeTestDatabases } from '../__testUtils__/databases';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);

const { databases, ids } = storeTestDatabases();

describe.each(ids)('migrations on %s', databaseId => {
  it('migrate up creates the tables and down removes them again', async () => {
    const knex = await databases.init(databaseId);

    await knex.migrate.latest({ directory: migrationsDir });
    expect(await knex.schema.hasTable('host_cluster_facts')).toBe(true);
    await knex('host_cluster_facts').insert({
      name: 'gpu-east',
      facts: JSON.stringify({ labels: { region: 'east' } }),
      updated_by: 'user:default/pat',
      updated_at: new Date(),
    });
    const [row] = await knex('host_cluster_facts').where({ name: 'gpu-east' });
    expect(JSON.parse(row.facts)).toEqual({ labels: { region: 'east' } });

    await knex.migrate.rollback({ directory: migrationsDir }, true);
    expect(await knex.schema.hasTable('host_cluster_facts')).toBe(false);

    await knex.migrate.latest({ directory: migrationsDir });
    expect(await knex.schema.hasTable('host_cluster_facts')).toBe(true);
    await knex.destroy();
  });
});
