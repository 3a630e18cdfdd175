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
 * Part of `yarn bench:reconcile`: the provisioned tenants reconciled by a
 * polling loop (`watch: false`, as before issue 15) and then by a watching
 * one (`ReconcileLoop.hold`, as the scheduled task runs it), each measured
 * the same way: API requests per minute by verb at rest, the same with one
 * tenant stuck (its operator HelmRelease suspended: Flux never reconciles
 * it), the time from a NetworkPolicy deleted by hand to its repair, and
 * from a tenant's creation to Ready.
 */

import type { LoggerService } from '@backstage/backend-plugin-api';
import { performance } from 'node:perf_hooks';
import { storedTenant } from '../../src/__testUtils__/fixtures';
import type { HostClusterClients } from '../../src/kubernetes/HostClusterClients';
import type { HostClusterProbe } from '../../src/hostClusters/HostClusterProbe';
import { ReconcileLoop } from '../../src/provisioning/loop/ReconcileLoop';
import type { PlanInputs } from '../../src/provisioning/planInputs';
import type { RayServiceStore } from '../../src/store/RayServiceStore';
import { DEFAULT_INSTANCE, tenantNamespace } from '../../src/vocabulary';
import { summarize } from './measure';

/**
 * How long each rate is measured; BENCH_WINDOW_SECONDS, default 30: at
 * least one cycle of client-node's watch timeout (an idle watch is
 * re-opened every 30 s), so that the WATCH rate is in the figures.
 */
const WINDOW_MS = Number(process.env.BENCH_WINDOW_SECONDS ?? 30) * 1000;
const REPAIRS = 20;
const REPAIR_SPACING_MS = 250;
const CREATES = 10;
/** As the plugin's defaults: scheduled pass every 10 s, follow-ups from 2 s. */
const INTERVAL_MS = 10_000;
const REQUEUE_MS = 2_000;
const HOUR_MS = 3_600_000;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 120_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(10);
  }
}

/** A request of the portal to a host cluster's API server. */
export interface HostRequest {
  /** `get`, `list`, `watch` (a WATCH opened), `create`, `patch`, … */
  verb: string;
  namespace?: string;
  name?: string;
}

/**
 * The host clusters a comparison runs on (kube-sims, or a real control
 * plane), by index in {@link BenchContext.names}: what it counts of the
 * portal's requests and what it does as someone else than the portal.
 */
export interface BenchHosts {
  /** Counts the portal's requests anew from now on. */
  resetRequests(): void;
  /** The portal's requests since the last reset, all clusters together. */
  requests(): Promise<HostRequest[]>;
  /** Suspends (or resumes) a tenant's operator HelmRelease, as a new generation: Flux leaves it alone. */
  setReleaseSuspended(
    cluster: number,
    tenant: string,
    suspend: boolean,
  ): Promise<void>;
  /** The name of one of the NetworkPolicies in a namespace. */
  aNetworkPolicy(cluster: number, namespace: string): Promise<string>;
  /** Deletes a NetworkPolicy by hand (as the cluster admin). */
  deleteNetworkPolicy(
    cluster: number,
    namespace: string,
    name: string,
  ): Promise<void>;
  hasNetworkPolicy(
    cluster: number,
    namespace: string,
    name: string,
  ): Promise<boolean>;
  /**
   * Runs `work` while the host's controllers (Flux, Volcano) act for these
   * tenants: kube-sim's own do anyway; the real control plane has stand-ins.
   */
  whileControllersAct<T>(tenants: string[], work: () => Promise<T>): Promise<T>;
}

export interface BenchContext {
  hosts: BenchHosts;
  names: string[];
  store: RayServiceStore;
  clients: HostClusterClients;
  hostClusters: HostClusterProbe;
  planInputs: PlanInputs;
  logger: LoggerService;
  /** A provisioned, namespace-isolated tenant and its cluster's index. */
  stuck: { name: string; cluster: number };
  /** Provisioned tenants with NetworkPolicies, with their cluster's index. */
  repairable: Array<{ name: string; cluster: number }>;
  /** Printed with the figures, e.g. `5 kube-sims`. */
  title: string;
}

type Mode = 'polling' | 'watching';

export interface ModeFigures {
  mode: Mode;
  restPerMinute: Record<string, number>;
  stuckPerMinute: Record<string, number>;
  /** Requests (but watches) per minute about the stuck tenant's objects. */
  stuckOwnPerMinute: number;
  repairMs: { p50: number; p95: number; max: number };
  createToReadyMs: { p50: number; p95: number; max: number };
}

/** Requests by verb, per minute of the window. */
function perMinute(
  requests: HostRequest[],
  windowMs: number,
  only?: (r: HostRequest) => boolean,
) {
  const byVerb: Record<string, number> = {};
  for (const request of requests) {
    if (!only || only(request)) {
      byVerb[request.verb] = (byVerb[request.verb] ?? 0) + 1;
    }
  }
  return Object.fromEntries(
    Object.entries(byVerb).map(([verb, n]) => [verb, (n * 60_000) / windowMs]),
  );
}

async function measureMode(
  mode: Mode,
  ctx: BenchContext,
): Promise<ModeFigures> {
  const { hosts, names, store, clients, hostClusters, planInputs, logger } =
    ctx;
  let fullPasses = 0;
  const loop = new ReconcileLoop(
    {
      store,
      clients,
      hostClusters,
      planInputs,
      logger,
      onPass: report => {
        if (report.scope === undefined && report.result) fullPasses++;
      },
    },
    {
      instance: DEFAULT_INSTANCE,
      requeueMs: REQUEUE_MS,
      maxRequeueMs: INTERVAL_MS,
      watch: mode === 'watching',
    },
  );
  const held = new AbortController();
  let holding: Promise<void> | undefined;
  let scheduled: NodeJS.Timeout | undefined;
  if (mode === 'watching') {
    holding = loop.hold(held.signal, {
      durationMs: HOUR_MS,
      checkMs: INTERVAL_MS,
    });
  } else {
    void loop.runAll();
    scheduled = setInterval(() => void loop.runAll(), INTERVAL_MS);
  }
  try {
    await until(() => fullPasses >= names.length, 'the first passes');
    await sleep(2_000); // what the first passes started settles

    hosts.resetRequests();
    await sleep(WINDOW_MS);
    const restPerMinute = perMinute(await hosts.requests(), WINDOW_MS);

    await hosts.setReleaseSuspended(ctx.stuck.cluster, ctx.stuck.name, true);
    hosts.resetRequests();
    await sleep(WINDOW_MS);
    const stuckRequests = await hosts.requests();
    const stuckPerMinute = perMinute(stuckRequests, WINDOW_MS);
    const namespace = tenantNamespace(ctx.stuck.name);
    const own = perMinute(
      stuckRequests,
      WINDOW_MS,
      r =>
        r.verb !== 'watch' &&
        (r.namespace === namespace || (r.name ?? '').includes(ctx.stuck.name)),
    );
    const stuckOwnPerMinute = Object.values(own).reduce((a, b) => a + b, 0);
    await hosts.setReleaseSuspended(ctx.stuck.cluster, ctx.stuck.name, false);
    await hosts.whileControllersAct([ctx.stuck.name], () =>
      until(
        async () =>
          (await store.tenants.get(ctx.stuck.name))?.phase === 'Ready',
        `${ctx.stuck.name} Ready again`,
      ),
    );

    const repairs = await Promise.all(
      ctx.repairable.slice(0, REPAIRS).map(async ({ name, cluster }, i) => {
        await sleep(i * REPAIR_SPACING_MS);
        const ns = tenantNamespace(name);
        const policy = await hosts.aNetworkPolicy(cluster, ns);
        await hosts.deleteNetworkPolicy(cluster, ns, policy);
        const deleted = performance.now();
        await until(
          () => hosts.hasNetworkPolicy(cluster, ns, policy),
          `${name}'s NetworkPolicy back`,
        );
        return performance.now() - deleted;
      }),
    );

    const created = Array.from(
      { length: CREATES },
      (_, i) => `new-${mode.slice(0, 4)}-${i}`,
    );
    const creates = await hosts.whileControllersAct(created, () =>
      Promise.all(
        created.map(async (name, i) => {
          const hostCluster = names[i % names.length];
          await store.tenants.insert(
            storedTenant({
              name,
              profile: 'bench',
              hostCluster,
              isolation: i % 2 === 0 ? 'vcluster' : 'namespace',
            }),
          );
          const started = performance.now();
          loop.trigger(hostCluster); // as the tenant service does after a create
          await until(
            async () => (await store.tenants.get(name))?.phase === 'Ready',
            `${name} Ready`,
          );
          return performance.now() - started;
        }),
      ),
    );

    const figures = (durations: number[], endpoint: string) => {
      const { p50, p95, max } = summarize({ endpoint, durationsMs: durations });
      return { p50, p95, max };
    };
    return {
      mode,
      restPerMinute,
      stuckPerMinute,
      stuckOwnPerMinute,
      repairMs: figures(repairs, 'repair'),
      createToReadyMs: figures(creates, 'create'),
    };
  } finally {
    clearInterval(scheduled);
    held.abort();
    await holding;
    await loop.stop();
  }
}

const rate = (byVerb: Record<string, number>) =>
  Object.entries(byVerb)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([verb, n]) => `${verb} ${n.toFixed(1)}`)
    .join(', ') || 'none';

/** Polling, then watching, on the same clusters and tenants; prints a comparison. */
export async function compareModes(ctx: BenchContext): Promise<ModeFigures[]> {
  const results: ModeFigures[] = [];
  for (const mode of ['polling', 'watching'] as const) {
    console.log(`\n${mode}: measuring (windows of ${WINDOW_MS / 1000} s)…`);
    results.push(await measureMode(mode, ctx));
  }
  console.log(
    `\nPolling vs watching on ${ctx.title} (the portal's requests per minute by verb, all clusters together; vcluster probes included):`,
  );
  for (const r of results) {
    console.log(
      [
        `  ${r.mode}:`,
        `    at rest:            ${rate(r.restPerMinute)}`,
        `    one tenant stuck:   ${rate(r.stuckPerMinute)}`,
        `    the stuck tenant's own requests: ${r.stuckOwnPerMinute.toFixed(
          1,
        )}/min`,
        `    hand delete → repair (${REPAIRS}): p50 ${r.repairMs.p50.toFixed(
          0,
        )} ms, p95 ${r.repairMs.p95.toFixed(
          0,
        )} ms, max ${r.repairMs.max.toFixed(0)} ms`,
        `    create → Ready (${CREATES}): p50 ${r.createToReadyMs.p50.toFixed(
          0,
        )} ms, p95 ${r.createToReadyMs.p95.toFixed(
          0,
        )} ms, max ${r.createToReadyMs.max.toFixed(0)} ms`,
      ].join('\n'),
    );
  }
  return results;
}
