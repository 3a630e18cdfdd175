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

import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { basename } from 'node:path';
import { migrationsDir } from '../store/migrations';
import { RayServiceStore } from '../store/RayServiceStore';

const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/**
 * The databases the store must work on: SQLite always, PostgreSQL 15 when
 * its connection string is set. On a laptop without PostgreSQL the PostgreSQL
 * cases are skipped with a message; in CI (CI=true) its absence is an error.
 */
export function storeTestDatabases(): {
  databases: TestDatabases;
  ids: TestDatabaseId[];
} {
  const ids: TestDatabaseId[] = ['SQLITE_3'];
  if (process.env[POSTGRES_ENV]) {
    ids.push('POSTGRES_15');
    // Leaves a trace in the CI log that the PostgreSQL cases ran.
    afterAll(() => {
      const file = basename(expect.getState().testPath ?? 'store tests');
      // eslint-disable-next-line no-console
      console.info(`${file}: ran on SQLite and PostgreSQL 15`);
    });
  } else if (process.env.CI) {
    throw new Error(
      `${POSTGRES_ENV} must be set in CI: the store is tested on PostgreSQL too (.ci/run starts it)`,
    );
  } else {
    // eslint-disable-next-line no-console
    console.warn(
      `Skipping PostgreSQL store tests: set ${POSTGRES_ENV}=postgresql://postgres@127.0.0.1:5432 to run them`,
    );
  }
  return {
    databases: TestDatabases.create({ ids, disableDocker: true }),
    ids,
  };
}

/**
 * In a `describe`: a migrated test database and the store on it, set before
 * its tests run, with `emptied` tables emptied before each test.
 */
export function migratedStore(
  databases: TestDatabases,
  id: TestDatabaseId,
  emptied: string[] = [],
): { knex: Knex; store: RayServiceStore } {
  const db = {} as { knex: Knex; store: RayServiceStore };
  beforeAll(async () => {
    db.knex = await databases.init(id);
    await db.knex.migrate.latest({ directory: migrationsDir });
    db.store = new RayServiceStore(db.knex);
  });
  beforeEach(async () => {
    for (const table of emptied) {
      await db.knex(table).delete();
    }
  });
  return db;
}
