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
 * The warm-pool benchmark: `yarn bench:pool` from the repository root.
 *
 * On kube-sim, three warm pools as in the design's example (small 9,
 * medium 2, large 1; CPU-only profiles of growing size) are filled, then a
 * burst of concurrent creates by a team member (25 small, 15 medium, 10
 * large: most beyond the pools), sent from a client process of its own
 * (burstClient.ts), claims what the pools hold and falls back
 * to on demand for the rest. Reported per database (SQLite; PostgreSQL when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set, with one
 * backend and with the bursts spread over two replicas on one database).
 * kube-sim runs in a process of its own with its default delays. First
 * claims one at a time, then a burst of exactly what the pools hold (every
 * create a claim), then three bursts with misses (each burst's tenants are
 * deleted before the next, so that the host has room); each burst starts
 * once the pools are full again and the backends have settled (untilQuiet):
 *
 * - claim latency p50/p95 over the claims of the three bursts (POST /tenants
 *   answering 201 Ready; goal p95 < 150 ms), next to the floor of this
 *   machine: before each burst, the same number of concurrent requests of
 *   the cheapest authenticated read (GET /profiles as the member),
 * - on-demand create → Ready on the same kube-sim, and the ratio of the two,
 * - the time each pool takes to refill after a burst (median of three),
 * - misses (creates that fell back to on demand) and double claims (must be 0).
 */

// Keep the backend's info logs out of the report.
process.env.LOG_LEVEL ??= 'warn';

import { Tenant } from '@ray-service/plugin-ray-service-common';
import knexFactory, { Knex } from 'knex';
import { performance } from 'node:perf_hooks';
import {
  profileInput,
  templateDocument,
} from '../../src/__testUtils__/fixtures';
import {
  BENCH_CALLERS,
  BenchBackend,
  Call,
  startBenchBackend,
} from './backend';
import { BurstClient, startBurstClient } from './burstClient';
import { failAtExit, summarize, until, untilQuiet } from './measure';
import { SimConnection, simHostCluster, startSimProcess } from './sim';

const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
const CLAIM_P95_GOAL_MS = 150;
/** kube-sim's own default (as `yarn start` runs it): releases and Ray objects Ready after 1.5 s. */
const READY_DELAY_MS = 1500;
const ON_DEMAND_SAMPLES = 5;
/** Mixed bursts per database; the claim p95 is over all their claims. */
const MIXED_BURSTS = 3;

const POOLS = [
  { name: 'small', cpu: '1', memory: '4Gi', pool: 9, burst: 25 },
  { name: 'medium', cpu: '4', memory: '16Gi', pool: 2, burst: 15 },
  { name: 'large', cpu: '8', memory: '32Gi', pool: 1, burst: 10 },
];
const VERSION = 'kuberay@1.0.0';

interface Pool {
  profile: string;
  desiredNow: number;
  ready: number;
  provisioning: number;
}

const poolsOf = async (call: Call): Promise<Pool[]> =>
  (await call('GET', '/pools')).items;

const full = (pools: Pool[], name?: string) =>
  pools
    .filter(p => !name || p.profile === name)
    .every(p => p.ready === p.desiredNow && p.provisioning === 0);

function rayServiceConfig(sim: SimConnection) {
  return {
    hostClusters: [simHostCluster(sim, sim.token)],
    reconcile: { requeueSeconds: 0.05, intervalSeconds: 1 },
    warmPools: { intervalSeconds: 1, sampleSeconds: 1 },
  };
}

async function seed(call: Call) {
  await call(
    'POST',
    '/templates',
    templateDocument({
      spec: { state: 'published', sharedWith: ['ml-teams'] },
    }),
  );
  for (const pool of POOLS) {
    const resources = [{ cpu: pool.cpu, memory: pool.memory, storage: '10Gi' }];
    await call(
      'POST',
      '/profiles',
      profileInput({
        name: pool.name,
        visibleTo: ['ml-teams'],
        resources,
        allocation: {
          strategy: 'warmPool',
          desiredCapacity: pool.pool,
          timezone: 'UTC',
          templateVersion: VERSION,
        },
      }),
    );
  }
  await call(
    'POST',
    '/profiles',
    profileInput({
      name: 'on-demand',
      visibleTo: ['ml-teams'],
      resources: [{ cpu: '1', memory: '4Gi', storage: '10Gi' }],
    }),
  );
}

const creation = (name: string, profile: string) => ({
  name,
  owner: 'group:default/ml-team-alpha',
  profile,
  templateVersion: VERSION,
});

const createAsMember = (call: Call, name: string, profile: string) =>
  call('POST', '/tenants', creation(name, profile), BENCH_CALLERS.member);

/** create → Ready of on-demand tenants, one after the other. */
async function onDemandTimes(call: Call): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < ON_DEMAND_SAMPLES; i++) {
    const started = performance.now();
    await createAsMember(call, `od-${i}`, 'on-demand');
    await until(
      `od-${i} Ready`,
      async () => (await call('GET', `/tenants/od-${i}`)).phase === 'Ready',
      20,
    );
    times.push(performance.now() - started);
  }
  return times;
}

interface Result {
  database: string;
  replicas: number;
  fillMs: number;
  /** Claims one after the other. */
  sequentialMs: number[];
  /** Claims of a burst of exactly what the pools hold (every create a hit). */
  hitsOnlyMs: number[];
  /** A burst as large as the mixed one of GET /profiles: what any burst costs here. */
  floorMs: number[];
  claimsMs: number[];
  missesMs: number[];
  onDemandMs: number[];
  refillMs: Record<string, number>;
  doubleClaims: number;
  claimsByPool: Record<string, number>;
}

function isClaim(answer: { tenant: Tenant }): boolean {
  return answer.tenant.provisioning?.source === 'warmPool';
}

/** `count(pool)` creates of each pool's profile, named `<pool>-<prefix>-<i>`. */
function creates(
  prefix: string,
  count: (pool: (typeof POOLS)[number]) => number,
) {
  return POOLS.flatMap(pool =>
    Array.from({ length: count(pool) }, (_, i) => ({
      name: `${pool.name}-${prefix}-${i}`,
      profile: pool.name,
    })),
  );
}

async function run(
  client: BurstClient,
  database: string,
  openDatabase: () => Promise<Knex | undefined>,
  replicas: number,
): Promise<Result> {
  const sim = await startSimProcess({ readyDelayMs: READY_DELAY_MS });
  const knexes: Knex[] = [];
  const backends: BenchBackend[] = [];
  try {
    for (let i = 0; i < replicas; i++) {
      const knex = await openDatabase();
      if (knex) {
        knexes.push(knex);
      }
      backends.push(await startBenchBackend(rayServiceConfig(sim), { knex }));
    }
    const { call } = backends[0];
    await seed(call);

    const fillStarted = performance.now();
    await until(
      'the pools to fill',
      async () => full(await poolsOf(call)),
      100,
    );
    const fillMs = performance.now() - fillStarted;

    const onDemandMs = await onDemandTimes(call);

    // Claims one after the other: what a team member waits for on a quiet portal.
    const sequentialMs: number[] = [];
    for (let i = 0; i < POOLS[0].pool; i++) {
      const [answer] = await burst(client, backends, [
        { name: `seq-${i}`, profile: POOLS[0].name },
      ]);
      if (answer.tenant.provisioning?.source === 'warmPool') {
        sequentialMs.push(answer.ms);
      }
    }
    await until(
      'the pools to refill',
      async () => full(await poolsOf(call)),
      100,
    );

    await untilQuiet('the backend to settle after the refill');

    // Then a burst of exactly what the pools hold: every create a claim.
    const hits = await burst(
      client,
      backends,
      creates('hit', pool => pool.pool),
    );
    await until(
      'the pools to refill',
      async () => full(await poolsOf(call)),
      100,
    );

    await untilQuiet('the backend to settle after the refill');

    // Mixed bursts, each after a floor burst of as many reads at once: the
    // claim p95 is taken over all their claims.
    const floorMs: number[] = [];
    const claims: Answer[] = [];
    const misses: Answer[] = [];
    const refills: Record<string, number[]> = {};
    let overClaimed = 0;
    for (let round = 0; round < MIXED_BURSTS; round++) {
      floorMs.push(...(await floorBurst(client, backends)));
      await untilQuiet('the backend to settle after the floor');

      const answers = await burst(
        client,
        backends,
        creates(String(round), pool => pool.burst),
      );
      const claimed = answers.filter(isClaim);
      claims.push(...claimed);
      misses.push(...answers.filter(a => !isClaim(a)));
      overClaimed += POOLS.filter(
        pool => claimed.filter(c => c.profile === pool.name).length > pool.pool,
      ).length;
      for (const [pool, ms] of Object.entries(
        await refillTimes(call, answers),
      )) {
        (refills[pool] ??= []).push(ms);
      }
      // The next burst needs the room: its tenants are deleted and gone.
      await removeTenants(
        call,
        answers.map(a => a.tenant.name),
      );
      await untilQuiet('the backend to settle after the removal');
    }

    // Double claims: a standby handed out twice would show as two tenants
    // in one namespace (or two answers naming the same one).
    const namespaces = [...hits.filter(isClaim), ...claims].map(
      a => a.tenant.namespace,
    );
    const db = knexes[0] ?? backends[0].knex;
    const shared: Array<{ namespace: string; count: number | string }> =
      await db('tenants')
        .select('namespace')
        .count({ count: '*' })
        .groupBy('namespace')
        .havingRaw('count(*) > 1');
    const claimsByPool = Object.fromEntries(
      POOLS.map(pool => [
        pool.name,
        claims.filter(c => c.profile === pool.name).length,
      ]),
    );
    return {
      database,
      replicas,
      fillMs,
      sequentialMs,
      hitsOnlyMs: hits.filter(isClaim).map(a => a.ms),
      floorMs,
      claimsMs: claims.map(c => c.ms),
      missesMs: misses.map(a => a.ms),
      onDemandMs,
      refillMs: Object.fromEntries(
        Object.entries(refills).map(([pool, times]) => [
          pool,
          summarize({ endpoint: '', durationsMs: times }).p50,
        ]),
      ),
      doubleClaims:
        namespaces.length -
        new Set(namespaces).size +
        shared.length +
        overClaimed,
      claimsByPool,
    };
  } finally {
    for (const backend of backends) {
      await backend.stop();
    }
    for (const knex of knexes) {
      await knex.destroy();
    }
    await sim.stop();
  }
}

/** Deletes the tenants and waits until the reconcile loop has removed them. */
async function removeTenants(call: Call, names: string[]) {
  const { totalCount } = await call('GET', '/tenants?limit=1');
  for (const name of names) {
    await call('DELETE', `/tenants/${name}`);
  }
  await until(
    'the deleted tenants to be gone',
    async () =>
      (await call('GET', '/tenants?limit=1')).totalCount ===
      totalCount - names.length,
    100,
  );
}

type Answer = Awaited<ReturnType<typeof burst>>[number];

/** What any burst costs here: as many of the cheapest authenticated read at once. */
async function floorBurst(client: BurstClient, backends: BenchBackend[]) {
  const answers = await client.burst(
    POOLS.flatMap(pool => Array.from({ length: pool.burst })).map((_, i) => ({
      method: 'GET',
      url: `${backends[i % backends.length].api}/profiles`,
      authorization: BENCH_CALLERS.member,
    })),
  );
  return answers.map(answer => answer.ms);
}

/** Per pool, the time from its profile's last answer in a burst until it is full again. */
async function refillTimes(call: Call, answers: Answer[]) {
  const burstEnded: Record<string, number> = {};
  for (const answer of answers) {
    burstEnded[answer.profile] = Math.max(
      burstEnded[answer.profile] ?? 0,
      answer.endedAt,
    );
  }
  const refillMs: Record<string, number> = {};
  await Promise.all(
    POOLS.map(async pool => {
      await until(
        `pool ${pool.name} to refill`,
        async () => full(await poolsOf(call), pool.name),
        20,
      );
      refillMs[pool.name] = performance.now() - burstEnded[pool.name];
    }),
  );
  return refillMs;
}

/**
 * Creates all at once from the client process, spread over the replicas;
 * each answer with its time. @throws on an answer that is not 201.
 */
async function burst(
  client: BurstClient,
  backends: BenchBackend[],
  requests: Array<{ name: string; profile: string }>,
) {
  const started = performance.now();
  const answers = await client.burst(
    requests.map((request, i) => ({
      method: 'POST',
      url: `${backends[i % backends.length].api}/tenants`,
      authorization: BENCH_CALLERS.member,
      body: creation(request.name, request.profile),
    })),
  );
  return answers.map((answer, i) => {
    if (answer.status !== 201) {
      throw new Error(
        `POST /tenants ${requests[i].name}: ${answer.status} ${answer.body}`,
      );
    }
    return {
      ...requests[i],
      tenant: JSON.parse(answer.body),
      ms: answer.ms,
      endedAt: started + answer.endedMs,
    };
  });
}

/** A fresh PostgreSQL database for the run; each call opens a pool on it (a replica). */
async function postgresDatabase(connection: string) {
  const name = `ray_pool_bench_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection });
  await admin.raw(`CREATE DATABASE ${name}`);
  const url = new URL(connection);
  url.pathname = `/${name}`;
  return {
    open: async () => knexFactory({ client: 'pg', connection: url.toString() }),
    drop: async () => {
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}

const ms = (value: number) => value.toFixed(0);

function report(results: Result[]) {
  const rows: string[][] = [
    [
      'database',
      'one by one p50/p95 ms',
      'hits-only burst p50/p95 ms',
      `floor: ${POOLS.reduce(
        (n, p) => n + p.burst,
        0,
      )} GET /profiles p50/p95 ms`,
      'claims',
      'claim p50 ms',
      'claim p95 ms',
      'claim max ms',
      'on-demand→Ready p50 ms',
      'ratio',
      ...POOLS.map(p => `refill ${p.name} ms`),
      'misses',
      'miss p50 ms',
      'double claims',
    ],
    ...results.map(r => {
      const claims = summarize({ endpoint: '', durationsMs: r.claimsMs });
      const hitsOnly = summarize({ endpoint: '', durationsMs: r.hitsOnlyMs });
      const floor = summarize({ endpoint: '', durationsMs: r.floorMs });
      const oneByOne = summarize({ endpoint: '', durationsMs: r.sequentialMs });
      const misses = summarize({ endpoint: '', durationsMs: r.missesMs });
      const onDemand = summarize({ endpoint: '', durationsMs: r.onDemandMs });
      return [
        `${r.database} (${r.replicas} replica${r.replicas > 1 ? 's' : ''})`,
        `${ms(oneByOne.p50)}/${ms(oneByOne.p95)} (${r.sequentialMs.length})`,
        `${ms(hitsOnly.p50)}/${ms(hitsOnly.p95)} (${r.hitsOnlyMs.length})`,
        `${ms(floor.p50)}/${ms(floor.p95)}`,
        String(r.claimsMs.length),
        ms(claims.p50),
        ms(claims.p95),
        ms(claims.max),
        ms(onDemand.p50),
        `${(onDemand.p50 / claims.p50).toFixed(0)}×`,
        ...POOLS.map(p => ms(r.refillMs[p.name])),
        String(r.missesMs.length),
        ms(misses.p50),
        String(r.doubleClaims),
      ];
    }),
  ];
  const widths = rows[0].map((_, c) =>
    Math.max(...rows.map(row => row[c].length)),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(
    [
      line(rows[0]),
      `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
      ...rows.slice(1).map(line),
    ].join('\n'),
  );
  for (const r of results) {
    console.log(
      `${r.database}: pools filled from empty in ${ms(
        r.fillMs,
      )} ms; claims per pool in ${MIXED_BURSTS} bursts ${JSON.stringify(
        r.claimsByPool,
      )} (pool sizes ${POOLS.map(p => `${p.name} ${p.pool}`).join(', ')})`,
    );
  }
}

async function main() {
  console.log(
    `Warm pools on kube-sim (resources Ready after ${READY_DELAY_MS} ms): pools ${POOLS.map(
      p => `${p.name} ${p.pool}`,
    ).join(', ')}; ${MIXED_BURSTS} bursts of ${POOLS.reduce(
      (n, p) => n + p.burst,
      0,
    )} concurrent creates (${POOLS.map(p => `${p.burst} ${p.name}`).join(
      ', ',
    )}); on demand: ${ON_DEMAND_SAMPLES} creates one after the other.\n`,
  );
  const client = startBurstClient();
  try {
    await runAll(client);
  } finally {
    await client.stop();
  }
}

async function runAll(client: BurstClient) {
  const results = [await run(client, 'SQLite', async () => undefined, 1)];
  const postgres = process.env[POSTGRES_ENV];
  if (postgres) {
    // One replica, then two on one database (both in this process, so they
    // also share its event loop and two cores with kube-sim).
    for (const replicas of [1, 2]) {
      const database = await postgresDatabase(postgres);
      try {
        results.push(await run(client, 'PostgreSQL', database.open, replicas));
      } finally {
        await database.drop();
      }
    }
  } else {
    console.log(`PostgreSQL skipped: set ${POSTGRES_ENV} to include it.`);
  }
  report(results);
  const failed = results.filter(
    r =>
      r.doubleClaims > 0 ||
      summarize({ endpoint: '', durationsMs: r.claimsMs }).p95 >=
        CLAIM_P95_GOAL_MS,
  );
  if (failed.length) {
    console.error(
      `goal missed (p95 < ${CLAIM_P95_GOAL_MS} ms, no double claims): ${failed
        .map(r => r.database)
        .join(', ')}`,
    );
    failAtExit();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
