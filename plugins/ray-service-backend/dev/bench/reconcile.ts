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
 * The reconcile benchmark: `yarn bench:reconcile` from the repository root.
 *
 * 1,000 tenants (half vcluster, half namespace isolation) on 5 host
 * clusters, each a well-equipped kube-sim on loopback. The tenants go
 * straight into an in-memory SQLite database; the plugin's reconcile loop
 * then provisions them (passes of all clusters run concurrently, round after
 * round, until every tenant converged) and the benchmark reports the time.
 * Then it runs steady-state rounds and reports per pass: time (p50/max),
 * LIST calls (goal: one per planned kind and cluster), writes to the
 * clusters and to the database (goal: 0), and the planner's time per tenant.
 *
 * BENCH_TENANTS and BENCH_CLUSTERS scale it down for a quick try;
 * BENCH_NETWORK_POLICIES=false plans the tenants without network policies.
 *
 * Then the same comparison on a real control plane when it is built
 * (realPlane.ts; BENCH_REAL_TENANTS, default 1,000, on one API server).
 * BENCH_PART=sim or BENCH_PART=real runs one part only.
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { KubeSim, startKubeSim } from '@ray-service/kube-sim';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { HostClusterConfig } from '../../src/config';
import { HostClusterClients } from '../../src/kubernetes/HostClusterClients';
import { plan } from '../../src/planner';
import { DEFAULT_INSTANCE, PLANNED_KINDS } from '../../src/vocabulary';
import { planInput, PlanInputs } from '../../src/provisioning/planInputs';
import { managedObjects } from '../../src/reconciler/__testUtils__/tenants';
import { ReconcileLoop } from '../../src/provisioning/loop/ReconcileLoop';
import { HostClusterProbe } from '../../src/hostClusters/HostClusterProbe';
import { RayServiceStore } from '../../src/store/RayServiceStore';
import { benchStore, benchTenant } from './benchStore';
import { formatTable, summarize } from './measure';
import { provisionAll, roundSummary, seconds, sum } from './rounds';
import { realPlaneBench } from './realPlane';
import { simHosts } from './simHosts';
import { compareModes } from './watchVsPoll';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 1000);
/** `sim` or `real`: only that part; default both. */
const PART = process.env.BENCH_PART;
const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 5);
/** `false`: templates without network policies (6–7 fewer objects per tenant). */
const NETWORK_POLICIES = process.env.BENCH_NETWORK_POLICIES !== 'false';
const STEADY_ROUNDS = 10;
const READY_DELAY_MS = 200;
/** Provisioning stops (and the benchmark fails) after this long. */
const PROVISIONING_LIMIT_MS = 6 * 60_000;
const HOUR_MS = 3_600_000;

const logger: LoggerService = {
  error: message => console.error(message),
  warn: message => console.error(message),
  info: () => {},
  debug: () => {},
  child: () => logger,
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Requests the sims answered since their stats were reset, by verb. */
function simRequests(sims: KubeSim[]) {
  const count = (verb: string, cluster?: string) =>
    sum(
      sims.map(sim => sim.stats.count({ verb, ...(cluster && { cluster }) })),
    );
  const writes = ['create', 'update', 'patch', 'apply', 'delete'];
  return {
    lists: count('list', 'host'),
    gets: count('get'),
    writes: sum(writes.map(verb => count(verb))),
    all: sum(sims.map(sim => sim.stats.requests.length)),
  };
}

/**
 * Every tenant deleted at once, then passes until none is left: releases
 * first, then namespaces while Volcano closes the queues, then the queues.
 */
async function teardown(
  store: RayServiceStore,
  loop: ReconcileLoop,
  sims: KubeSim[],
) {
  const now = new Date().toISOString();
  const stored = (
    await Promise.all(
      sims.map((_, i) => store.tenants.listOnHostCluster(`cluster-${i + 1}`)),
    )
  ).flat();
  await store.transaction(async tx => {
    for (const { name } of stored) {
      await tx.tenants.changeSpec(name, {
        deletionRequestedAt: now,
        phase: 'Deleting',
        updatedAt: now,
      });
    }
  });
  console.log(`\nDeleting all ${stored.length} tenants, round after round:`);
  const started = performance.now();
  sims.forEach(sim => sim.stats.reset());
  for (let round = 1; ; round++) {
    const roundStarted = performance.now();
    const summary = roundSummary(await loop.runAll());
    const left = (
      await Promise.all(
        sims.map((_, i) => store.tenants.listOnHostCluster(`cluster-${i + 1}`)),
      )
    ).flat().length;
    console.log(
      `  round ${round}: ${seconds(performance.now() - roundStarted)}, ${
        summary.deletes
      } deletes, ${
        summary.applies
      } applies (CloseQueue Commands); ${left} tenants left${
        summary.errors.length ? `; errors: ${summary.errors.join('; ')}` : ''
      }`,
    );
    if (left === 0) break;
    if (performance.now() - started > PROVISIONING_LIMIT_MS) {
      throw new Error(`not deleted after ${seconds(PROVISIONING_LIMIT_MS)}`);
    }
    await sleep(200);
  }
  const refused = sum(
    sims.map(sim =>
      sim.stats.count({ verb: 'delete', resource: 'queues', status: 400 }),
    ),
  );
  console.log(
    `Deleted ${stored.length} tenants in ${seconds(
      performance.now() - started,
    )}; managed objects left on the sims: ${sum(
      sims.map(sim => managedObjects(sim).length),
    )}; queue deletes refused by Volcano's webhook: ${refused}.`,
  );
}

async function simBench() {
  const token = randomBytes(24).toString('hex');
  const sims = await Promise.all(
    Array.from({ length: CLUSTERS }, () =>
      startKubeSim({
        seed: 'well-equipped',
        token,
        controllers: {
          readyDelayMs: READY_DELAY_MS,
          namespaceFinalizeDelayMs: 100,
        },
      }),
    ),
  );
  const names = sims.map((_, i) => `cluster-${i + 1}`);
  const configs: HostClusterConfig[] = sims.map((sim, i) => ({
    name: names[i],
    title: names[i],
    url: sim.url,
    caData: sim.caData,
    skipTLSVerify: false,
    clusterIssuer: 'ray-service-ca',
    auth: { type: 'serviceAccountToken', token },
  }));
  const {
    knex,
    store,
    profile: benchProfile,
    version,
  } = await benchStore(TENANTS, i => names[i % CLUSTERS], {
    networkPolicies: NETWORK_POLICIES,
  });
  const clients = new HostClusterClients(configs, 30_000);
  // Preflight is reused for an hour here so that its few requests (every
  // 30 s by default) do not blur the per-pass counts.
  const hostClusters = new HostClusterProbe(clients, {
    supportMatrix: { min: '1.29', max: '1.34' },
    preflightMaxAgeMs: HOUR_MS,
  });
  // Passes run when the benchmark asks, not on the loop's own follow-ups.
  const loop = new ReconcileLoop(
    {
      store,
      clients,
      hostClusters,
      planInputs: new PlanInputs({
        store,
        hostClusters,
        instance: DEFAULT_INSTANCE,
      }),
      logger,
    },
    { instance: DEFAULT_INSTANCE, requeueMs: HOUR_MS },
  );

  try {
    console.log(
      `${TENANTS} tenants (half vcluster, half namespace isolation, network policies ${
        NETWORK_POLICIES ? 'on' : 'off'
      }) on ${CLUSTERS} kube-sims (releases Ready after ${READY_DELAY_MS} ms); ${
        PLANNED_KINDS.length
      } planned kinds.\n`,
    );

    console.log('Provisioning, all clusters concurrently, round after round:');
    const { firstRound } = await provisionAll(loop, TENANTS, {
      betweenRounds: () => sleep(READY_DELAY_MS),
      limitMs: PROVISIONING_LIMIT_MS,
    });

    console.log(
      `Steady state: ${STEADY_ROUNDS} rounds of one pass per cluster (concurrently):`,
    );
    const passDurations: number[] = [];
    const rows: string[][] = [];
    let planMs = 0;
    let replanned = 0;
    for (let round = 1; round <= STEADY_ROUNDS; round++) {
      sims.forEach(sim => sim.stats.reset());
      const reports = await loop.runAll();
      const summary = roundSummary(reports);
      const requests = simRequests(sims);
      passDurations.push(...reports.map(r => r.durationMs));
      planMs += summary.planMs;
      replanned += summary.replanned;
      rows.push([
        String(round),
        Math.max(...reports.map(r => r.durationMs)).toFixed(0),
        String(summary.lists),
        String(requests.lists),
        String(summary.applies + summary.deletes),
        String(requests.writes),
        String(requests.gets),
        String(summary.statusWrites),
        String(summary.converged),
      ]);
    }
    const header = [
      'round',
      'slowest pass ms',
      'LISTs (client)',
      'LISTs (sims)',
      'writes (client)',
      'writes (sims)',
      'GETs (sims)',
      'DB writes',
      'converged',
    ];
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map(r => r[i].length)),
    );
    const line = (row: string[]) =>
      row.map((cell, i) => cell.padStart(widths[i])).join('  ');
    console.log(
      [
        line(header),
        widths.map(w => '-'.repeat(w)).join('  '),
        ...rows.map(line),
      ].join('\n'),
    );
    const passes = summarize({
      endpoint: 'pass (one cluster)',
      durationsMs: passDurations,
    });
    console.log(`\n${formatTable([passes]).replace(/GET /g, '')}`);
    console.log(
      `LIST goal per round: ${CLUSTERS} clusters × ${
        PLANNED_KINDS.length
      } planned kinds = ${
        CLUSTERS * PLANNED_KINDS.length
      } (client-side; kinds a cluster does not serve need no request). Write goal: 0.`,
    );

    // The planner alone, on the same input as the loop.
    const host = await hostClusters.plannerInput(names[0]);
    const iterations = 1000;
    const started = performance.now();
    for (let i = 0; i < iterations; i++) {
      plan(
        planInput(
          {
            name: `p-${i}`,
            namespace: `ray-p-${i}`,
            owner: 'group:default/ml-team-alpha',
            isolation: i % 2 === 0 ? 'vcluster' : 'namespace',
            profile: benchProfile.name,
            template: version,
          },
          {
            profile: benchProfile,
            templateVersion: version,
            host: { value: host },
            instance: DEFAULT_INSTANCE,
          },
        ),
      );
    }
    const plannerMs = (performance.now() - started) / iterations;
    console.log(
      `Planner: ${plannerMs.toFixed(
        3,
      )} ms per tenant alone (${iterations} plans); ${(
        firstRound.planMs / Math.max(firstRound.replanned, 1)
      ).toFixed(3)} ms per tenant in the first pass (${
        firstRound.replanned
      } plans); steady passes reuse plans whose inputs did not change: ${replanned} plans made, ${planMs.toFixed(
        1,
      )} ms in ${STEADY_ROUNDS} rounds.`,
    );

    const planInputs = new PlanInputs({
      store,
      hostClusters,
      instance: DEFAULT_INSTANCE,
    });
    await compareModes({
      hosts: simHosts(sims),
      title: `${CLUSTERS} kube-sims`,
      names,
      store,
      clients,
      hostClusters,
      planInputs,
      logger,
      // odd tenants are namespace-isolated: an operator release of their own
      stuck: { name: benchTenant(1), cluster: 1 % CLUSTERS },
      repairable: Array.from({ length: 20 }, (_, i) => (i * 37) % TENANTS).map(
        t => ({
          name: benchTenant(t),
          cluster: t % CLUSTERS,
        }),
      ),
    });

    await teardown(store, loop, sims);
  } finally {
    await loop.stop();
    await Promise.all(sims.map(sim => sim.stop()));
    await knex.destroy();
  }
}

async function main() {
  if (PART !== 'real') {
    await simBench();
  }
  if (PART !== 'sim') {
    await realPlaneBench(logger);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
