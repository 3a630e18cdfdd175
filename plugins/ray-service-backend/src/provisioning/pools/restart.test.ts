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
import { Pool } from '@ray-service/plugin-ray-service-common';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileInput } from '../../__testUtils__/fixtures';
import {
  apiFor,
  poll,
  seedTenantCatalog,
  startTestSim,
  tenantTestConfig,
} from '../../__testUtils__/tenantApi';
import { startRayServiceTestBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

const POOL_TASK = 'ray-service-warm-pools';

describe('the warm-pool loop after a restart', () => {
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

  /** This portal's namespaces in the sim that are not being deleted. */
  const namespaces = () =>
    sim.objects
      .list('v1', 'Namespace', {
        labelSelector: { 'app.kubernetes.io/managed-by': 'ray-service' },
      })
      .filter(ns => !ns.metadata?.deletionTimestamp)
      .map(ns => ns.metadata!.name!);

  beforeAll(async () => {
    // Releases take a second: long enough to stop the backend meanwhile.
    sim = await startTestSim(1000);
    dir = mkdtempSync(join(tmpdir(), 'ray-service-pool-restart-'));
  });
  afterAll(async () => {
    await Promise.all(databases.map(knex => knex.destroy()));
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('converges a pool whose replenishing was interrupted, with nothing orphaned', async () => {
    const config = tenantTestConfig({ sim });
    const first = await startRayServiceTestBackend({
      config,
      knex: openDatabase(),
    });
    const admin = apiFor(first.server, 'admin');
    await seedTenantCatalog(admin);
    await admin.put('/profiles/small').send(
      profileInput({
        visibleTo: ['ml-teams'],
        allocation: {
          strategy: 'warmPool',
          desiredCapacity: 3,
          timezone: 'UTC',
          templateVersion: 'kuberay@1.0.0',
        },
      }),
    );
    await first.scheduler.triggerTask(POOL_TASK);
    // Killed while its standbys are still provisioning.
    await poll(admin, '/pools', response =>
      response.body.items?.some(
        (p: Pool) => p.profile === 'small' && p.provisioning === 3,
      ),
    );
    await first.backend.stop();
    const rows = await first.knex('tenants').whereNotNull('pool');
    expect(rows).toHaveLength(3);

    const second = await startRayServiceTestBackend({
      config,
      knex: openDatabase(),
    });
    const restarted = apiFor(second.server, 'admin');
    await second.scheduler.triggerTask(POOL_TASK);
    await poll(restarted, '/pools', response =>
      response.body.items?.some(
        (p: Pool) =>
          p.profile === 'small' && p.ready === 3 && p.provisioning === 0,
      ),
    );
    // The same three standbys, each with its namespace: none made twice,
    // none left behind.
    const after = await second.knex('tenants').whereNotNull('pool');
    expect(after.map(row => row.name).sort()).toEqual(
      rows.map(row => row.name).sort(),
    );
    expect(namespaces().sort()).toEqual(after.map(row => row.namespace).sort());
    await second.backend.stop();
  });
});
