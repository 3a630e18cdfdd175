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

import { KubeSim } from '@ray-service/kube-sim';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSim } from './tenantApi';
import { startTenantBackend } from './tenantBackend';

/**
 * For a describe block whose tests stop a backend and start another on the
 * same SQLite file, as a restarted process does: the file lives in a
 * temporary folder (named after `prefix`) and the sim's releases take a
 * second, long enough to stop the backend meanwhile. Registers its own
 * beforeAll and afterAll.
 */
export function useRestartableBackend(prefix: string) {
  let sim: KubeSim;
  let dir: string;
  const databases: Knex[] = [];

  /** A connection to the same SQLite file, as a restarted process opens it. */
  function openDatabase(): Knex {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, 'ray-service.sqlite') },
      useNullAsDefault: true,
    });
    databases.push(knex);
    return knex;
  }

  beforeAll(async () => {
    sim = await startTestSim(1000);
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await Promise.all(databases.map(knex => knex.destroy()));
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    get sim(): KubeSim {
      return sim;
    },
    /** The first backend on the file: it seeds the tenant catalog. */
    start: () => startTenantBackend({ sim }, { knex: openDatabase() }),
    /** A backend after a restart: it finds the catalog in the file. */
    restart: () =>
      startTenantBackend({ sim }, { knex: openDatabase(), seedCatalog: false }),
  };
}
