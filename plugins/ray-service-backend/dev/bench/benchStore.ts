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

import knexFactory, { Knex } from 'knex';
import {
  profile,
  storedTenant,
  templateVersion,
} from '../../src/__testUtils__/fixtures';
import { RayServiceStore } from '../../src/store/RayServiceStore';
import { migrationsDir } from '../../src/store/migrations';
import type {
  ComputeProfile,
  TemplateVersion,
} from '@ray-service/plugin-ray-service-common';

/** The reconcile benchmarks' tenant names: t-0000, t-0001, … */
export const benchTenant = (i: number) => `t-${String(i).padStart(4, '0')}`;

export interface BenchStore {
  knex: Knex;
  store: RayServiceStore;
  /** `bench`: one CPU, 2 GiB, 10 GiB of storage. */
  profile: ComputeProfile;
  /** Published, TLS on, network policies as asked. */
  version: TemplateVersion;
}

/**
 * An in-memory SQLite store holding `count` tenants of the `bench` profile
 * (even ones vcluster-, odd ones namespace-isolated), tenant i on
 * `hostClusterOf(i)`, as if just created: the reconcile loop provisions them.
 */
export async function benchStore(
  count: number,
  hostClusterOf: (i: number) => string,
  options: { networkPolicies: boolean },
): Promise<BenchStore> {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
  await knex.migrate.latest({ directory: migrationsDir });
  const store = new RayServiceStore(knex);
  const benchProfile = profile({
    name: 'bench',
    resources: [{ cpu: '1', memory: '2Gi', storage: '10Gi' }],
  });
  const version = templateVersion({
    state: 'published',
    security: { networkPolicy: options.networkPolicies, tls: true },
  });
  await store.profiles.insert(benchProfile);
  await store.templateVersions.insert(version);
  await store.transaction(async tx => {
    for (let i = 0; i < count; i++) {
      await tx.tenants.insert(
        storedTenant({
          name: benchTenant(i),
          profile: 'bench',
          hostCluster: hostClusterOf(i),
          isolation: i % 2 === 0 ? 'vcluster' : 'namespace',
        }),
      );
    }
  });
  return { knex, store, profile: benchProfile, version };
}
