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

/*
 * The REST API benchmark: `yarn bench:api` from the repository root.
 *
 * Starts the plugin in a real Backstage backend on in-memory SQLite, with 20
 * host clusters pointing at one kube-sim, seeds 500 profiles, 200 template
 * versions, 20 clusters' facts and 5,000 tenants of ten teams, then walks
 * the pages (limit 50) of the list endpoints over loopback HTTP as an
 * automation token (an admin) and as a member of ml-team-alpha, whose
 * permission conditions (the example policy's) filter profiles, template
 * versions and tenants in SQL. Exits non-zero when a p95 reaches 50 ms.
 *
 * Tokens and the catalog are the test utilities' (mock tokens, the example
 * org), so that a user can call without an auth backend.
 */

// Keep the backend's info logs out of the report.
process.env.LOG_LEVEL ??= 'warn';

import { startKubeSim } from '@ray-service/kube-sim';
import { randomBytes } from 'node:crypto';
import { BENCH_CALLERS, startBenchBackend } from './backend';
import { checkP95Budget, formatTable, Get, summarizeListAs } from './measure';
import { Post, SEED, seed } from './seed';

const HOST_CLUSTERS = 20;
const P95_BUDGET_MS = 50;
const PAGE = { limit: 50, minRequests: 200, maxRequests: 1000 };
const CALLERS = {
  admin: {
    authorization: BENCH_CALLERS.admin,
    endpoints: [
      '/profiles',
      '/templates',
      '/host-clusters',
      '/audit',
      '/tenants',
    ],
  },
  member: {
    authorization: BENCH_CALLERS.member,
    endpoints: ['/profiles', '/templates', '/tenants'],
  },
};

async function main() {
  const simToken = randomBytes(24).toString('hex');
  const sim = await startKubeSim({ token: simToken });
  const hostClusterNames = Array.from(
    { length: HOST_CLUSTERS },
    (_, i) => `cluster-${String(i + 1).padStart(2, '0')}`,
  );
  const backend = await startBenchBackend({
    // The seeded tenants are rows only: nothing provisions them here.
    reconcile: { enabled: false },
    hostClusters: hostClusterNames.map(name => ({
      name,
      url: sim.url,
      caData: sim.caData,
      auth: { type: 'serviceAccountToken', token: simToken },
    })),
  });
  const { knex, call } = backend;

  try {
    const post: Post = (method, path, body) => call(method, path, body);
    const getAs =
      (authorization: string): Get =>
      path =>
        call('GET', path, undefined, authorization);
    const get = getAs(CALLERS.admin.authorization);

    const seedStart = Date.now();
    await seed(post, knex, hostClusterNames);
    const audit = await get('/audit?limit=1');
    console.log(
      `Seeded ${SEED.profiles} profiles, ${
        SEED.templateNames * SEED.versionsPerTemplate
      } template versions, ${HOST_CLUSTERS} host clusters (one kube-sim), ${
        SEED.tenants
      } tenants and ${
        (audit as { totalCount: number }).totalCount
      } audit entries in ${Date.now() - seedStart} ms.`,
    );
    console.log(
      `Walking every page (limit ${PAGE.limit}) until at least ${PAGE.minRequests} requests per endpoint, after one warm-up walk:\n`,
    );

    const summaries = [];
    for (const [name, caller] of Object.entries(CALLERS)) {
      for (const endpoint of caller.endpoints) {
        summaries.push(
          await summarizeListAs(
            name,
            getAs(caller.authorization),
            endpoint,
            PAGE,
          ),
        );
      }
    }
    console.log(formatTable(summaries));
    checkP95Budget(summaries, P95_BUDGET_MS);
  } finally {
    await backend.stop();
    await sim.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
