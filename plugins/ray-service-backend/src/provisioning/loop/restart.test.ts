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
import {
  apiFor,
  inPhase,
  pollTenant,
  seedTenantCatalog,
  startTestSim,
  tenantRequest,
  tenantTestConfig,
} from '../../__testUtils__/tenantApi';
import { startRayServiceTestBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(60_000);

describe('the reconcile loop after a restart', () => {
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
    // Releases take a second: long enough to stop the backend meanwhile.
    sim = await startTestSim(1000);
    dir = mkdtempSync(join(tmpdir(), 'ray-service-restart-'));
  });
  afterAll(async () => {
    await Promise.all(databases.map(knex => knex.destroy()));
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('converges a tenant whose provisioning was interrupted', async () => {
    const config = tenantTestConfig({ sim });
    const first = await startRayServiceTestBackend({
      config,
      knex: openDatabase(),
    });
    const admin = apiFor(first.server, 'admin');
    await seedTenantCatalog(admin);
    const created = await admin.post('/tenants').send(tenantRequest('phoenix'));
    expect(created.status).toBe(201);
    await pollTenant(admin, 'phoenix', inPhase('Provisioning'));
    await first.backend.stop();
    const [row] = await first.knex('tenants').where({ name: 'phoenix' });
    expect(row.phase).toBe('Provisioning');

    const second = await startRayServiceTestBackend({
      config,
      knex: openDatabase(),
    });
    const ready = await pollTenant(
      apiFor(second.server, 'admin'),
      'phoenix',
      inPhase('Ready'),
    );
    expect(ready.body).toMatchObject({ generation: 1, observedGeneration: 1 });
    await second.backend.stop();
  });
});
