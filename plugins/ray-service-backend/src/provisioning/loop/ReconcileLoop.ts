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

import { LoggerService } from '@backstage/backend-plugin-api';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { HostClusterClients } from '../../kubernetes/HostClusterClients';
import { HostClusterProbe } from '../../hostClusters/HostClusterProbe';
import { RayServiceStore } from '../../store/RayServiceStore';
import { PlanInputs } from '../planInputs';
import { TenantEvents } from '../tenantEvents';
import {
  HostClusterReconciler,
  ReconcileResult,
  ReconcilerOptions,
  TenantOutcome,
} from '../../reconciler';
import { tenantKey } from '../../vocabulary';
import { KeyedRunners } from './ClusterRunner';
import { Desired, desiredTenant, statusUpdate } from './desired';
import { PlanMemo } from './PlanMemo';
import { logStatusChange } from './conditionLog';
import { fetched } from '../../lib/fetched';
import { ObservationInformers } from '../../reconciler/informers';
import { tenantOf } from '../../reconciler/objects';
import { DeliveryController, reconciledKinds } from '../../vocabulary';
import type { BackoffQueueOptions } from '../../lib/BackoffQueue';
import { Settled, WatchedCluster } from './WatchedCluster';

/** What one pass over a host cluster did. */
export interface PassReport {
  hostCluster: string;
  /** The reconciler's outcomes and request counts; absent when the pass failed early. */
  result?: ReconcileResult;
  /** Tenants with a plan, how many were planned anew (not reused), and the time it took. */
  planned: number;
  replanned: number;
  planMs: number;
  /** Status rows written, and tenants removed because they are gone. */
  statusWrites: number;
  removed: number;
  /**
   * Whether a follow-up pass was scheduled because tenants are converging
   * (watching: whether some tenant was queued again after its backoff).
   */
  requeued: boolean;
  /** Watching: how many tenants the pass was about; absent for a pass over all of them. */
  scope?: number;
  durationMs: number;
  error?: string;
}

export interface ReconcileLoopOptions {
  /**
   * The portal instance (`rayService.instance`): tenants are planned with
   * its label and the reconcilers only see (and prune) its objects.
   */
  instance: string;
  /** Delay of the follow-up pass while tenants converge (polling). */
  requeueMs: number;
  /**
   * Longest delay of a follow-up pass: while tenants only wait (a pass
   * wrote nothing and changed no status), each follow-up comes twice as
   * late, up to this; default 30 s (the scheduled pass runs anyway).
   */
  maxRequeueMs?: number;
  /**
   * The pass after a change comes once changes have stopped for this long
   * (default 50 ms), collecting a burst of them, but at most
   * `debounceMaxMs` (default 1 s) after the first.
   */
  debounceMs?: number;
  debounceMaxMs?: number;
  /** Options of the host clusters' reconcilers; the instance is the loop's. */
  reconciler?: Omit<ReconcilerOptions, 'instance'>;
  /**
   * Observe host clusters by watches (one LIST per kind, then WATCH) instead
   * of a LIST per kind per pass; a change of a managed object queues its
   * tenant for a pass. Tenants that have not converged are queued again
   * alone, each with its own backoff (`backoff`), and a change in the
   * database queues the tenants it changed; no follow-up passes of the
   * whole cluster. Default false.
   */
  watch?: boolean;
  /**
   * Watching: the backoff of a tenant that has not converged; default 1 s,
   * doubling up to 5 minutes, 20 % jitter. The clock and random source are
   * for tests.
   */
  backoff?: Partial<BackoffQueueOptions>;
}

export interface ReconcileLoopDeps {
  store: RayServiceStore;
  clients: HostClusterClients;
  hostClusters: HostClusterProbe;
  planInputs: PlanInputs;
  logger: LoggerService;
  /** Told when a tenant's phase changes and when it is gone; none by default. */
  events?: TenantEvents;
  /** Told of every pass, e.g. for benchmarks. */
  onPass?: (report: PassReport) => void;
}

/**
 * The tenant control loop: for each host cluster, the desired tenants from
 * the database are planned and handed to the cluster's reconciler, and its
 * outcomes are written back (phase, conditions, observed generation; gone
 * tenants removed). Level-triggered: a pass needs nothing from earlier
 * passes but what the database holds, so a new process continues where a
 * crashed one stopped. Passes of one cluster never overlap in a process.
 */
export class ReconcileLoop {
  private readonly runners = new KeyedRunners<PassReport>(key =>
    this.pass(key),
  );
  private readonly plans = new Map<string, PlanMemo>();
  /**
   * Per host cluster and tenant: the plan the API server refused as
   * invalid. It is not applied again while the tenant's plan is this one
   * (the plan memo hands out the same object while the inputs are the same).
   */
  private readonly invalidPlans = new Map<string, Map<string, unknown>>();
  /** Per host cluster: follow-up passes in a row that changed nothing. */
  private readonly idlePasses = new Map<string, number>();
  /** Per host cluster: what was last logged (orphans, a failed pass), so it is logged once. */
  private readonly lastLogged = new Map<string, string>();
  /** Per host cluster, with `watch`: its informers and queued tenants. */
  private readonly watched = new Map<string, WatchedCluster>();

  constructor(
    private readonly deps: ReconcileLoopDeps,
    private readonly options: ReconcileLoopOptions,
  ) {}

  /**
   * A pass of the cluster soon (debounced): after a change of its tenants.
   * Watching, the pass is about the tenants whose desired state changed,
   * and only a replica that watches the cluster passes: the others leave
   * the change to it (it looks in the database every `checkMs` of `hold`).
   */
  trigger(hostCluster: string): void {
    if (!this.options.watch || this.watched.has(hostCluster)) {
      this.soon(hostCluster);
    }
  }

  /**
   * Watching: holds the work of every host cluster for `durationMs`, or
   * until `signal` aborts — the scheduled task's run, so that one replica
   * at a time watches (the scheduler's global scope is the lease). The
   * informers start afresh (one LIST per kind) and a pass goes over every
   * tenant; then passes follow the watch events, the backoffs and, every
   * `checkMs`, what changed in the database (changes made on other
   * replicas). At the end the watches stop: the next hold, here or on
   * another replica, is a full resync.
   */
  async hold(
    signal: AbortSignal,
    { durationMs, checkMs }: { durationMs: number; checkMs: number },
  ): Promise<void> {
    const until = Date.now() + durationMs;
    try {
      await this.runAll();
      while (!signal.aborted && Date.now() < until) {
        // resolves after the delay, rejects at once when aborted
        await sleep(Math.min(checkMs, until - Date.now()), undefined, {
          signal,
        }).catch(() => undefined);
        for (const hostCluster of this.deps.hostClusters.names) {
          if (signal.aborted) {
            break;
          }
          if (this.watched.has(hostCluster)) {
            this.trigger(hostCluster);
          } else {
            void this.run(hostCluster); // its watches could not start yet
          }
        }
      }
    } finally {
      await this.release();
    }
  }

  /** Stops watching every host cluster and drops the queued passes. */
  private async release(): Promise<void> {
    const watched = [...this.watched.values()];
    this.watched.clear();
    await this.runners.cancel();
    await Promise.all(watched.map(({ informers }) => informers.stop()));
  }

  /** A pass of every configured cluster, concurrently; never rejects. */
  async runAll(): Promise<PassReport[]> {
    const reports = await Promise.all(
      this.deps.hostClusters.names.map(name => this.run(name)),
    );
    return reports.filter((r): r is PassReport => r !== undefined);
  }

  /** A pass of one cluster over all its tenants (after the running one, if any). */
  async run(hostCluster: string): Promise<PassReport | undefined> {
    const watched = this.watched.get(hostCluster);
    if (watched) {
      watched.fullPassDue = true;
    }
    return this.runners.of(hostCluster).run();
  }

  /** Resolves once no pass of the cluster runs and none is due at once. */
  idle(hostCluster: string): Promise<void> {
    return this.runners.of(hostCluster).idle(this.options.debounceMs ?? 50);
  }

  /** Stops scheduling passes and waits for the running ones; stops watching. */
  async stop(): Promise<void> {
    await this.runners.stop();
    await this.release();
  }

  /** A watch event: its tenant is queued for a pass. */
  private queue(hostCluster: string, tenant: string | undefined) {
    const watched = this.watched.get(hostCluster);
    if (watched && tenant) {
      watched.queue.add(tenant);
      this.soon(hostCluster);
    }
  }

  /** A pass once the changes of the cluster quiet down. */
  private soon(hostCluster: string) {
    this.runners
      .of(hostCluster)
      .scheduleAfterQuiet(
        this.options.debounceMs ?? 50,
        this.options.debounceMaxMs ?? 1000,
      );
  }

  /**
   * The watched state of a host cluster, its informers started (each kind
   * listed) on first use and again when its delivery controller changes;
   * its first pass is over all tenants.
   */
  private async watchedOf(
    hostCluster: string,
    deliveryController: DeliveryController | undefined,
  ): Promise<WatchedCluster> {
    const known = this.watched.get(hostCluster);
    if (known && known.deliveryController === deliveryController) {
      return known;
    }
    await known?.informers.stop();
    this.watched.delete(hostCluster);
    const { clients } = this.deps;
    const informers = new ObservationInformers({
      kubeConfig: clients.kubeConfig(hostCluster),
      client: clients.objectClient(hostCluster),
      instance: this.options.instance,
      kinds: reconciledKinds(deliveryController),
      onEvent: (_, object) => this.queue(hostCluster, tenantOf(object)),
      resyncMs: 0, // the end of a hold is the resync
    });
    try {
      await informers.start();
    } catch (error) {
      await informers.stop();
      throw error;
    }
    // events of the first lists are not queued: the first pass sees all
    const watched = new WatchedCluster(
      informers,
      deliveryController,
      this.options.backoff,
    );
    this.watched.set(hostCluster, watched);
    return watched;
  }

  private planMemo(hostCluster: string): PlanMemo {
    let memo = this.plans.get(hostCluster);
    if (!memo) {
      memo = new PlanMemo();
      this.plans.set(hostCluster, memo);
    }
    return memo;
  }

  private async pass(hostCluster: string): Promise<PassReport> {
    const started = performance.now();
    const report: PassReport = {
      hostCluster,
      planned: 0,
      replanned: 0,
      planMs: 0,
      statusWrites: 0,
      removed: 0,
      requeued: false,
      durationMs: 0,
    };
    try {
      await this.reconcile(hostCluster, report);
      this.lastLogged.delete(`${hostCluster}/error`);
    } catch (error) {
      const watched = this.watched.get(hostCluster);
      if (watched) {
        watched.fullPassDue = true; // what it was about is not lost
      }
      report.error = error instanceof Error ? error.message : String(error);
      this.logOnce(
        `${hostCluster}/error`,
        `reconcile pass of host cluster ${hostCluster} failed: ${report.error}`,
      );
    }
    report.durationMs = performance.now() - started;
    this.deps.onPass?.(report);
    return report;
  }

  /** Logs a line unless it is the last one logged under `key`. */
  private logOnce(key: string, line: string, level: 'info' | 'warn' = 'warn') {
    if (this.lastLogged.get(key) !== line) {
      this.lastLogged.set(key, line);
      this.deps.logger[level](line);
    }
  }

  private async reconcile(hostCluster: string, report: PassReport) {
    const { store, clients, planInputs, hostClusters, logger, events } =
      this.deps;
    const tenants = await store.tenants.listOnHostCluster(hostCluster);
    const [sources, host] = await Promise.all([
      planInputs.gather(hostCluster, tenants),
      fetched(() => hostClusters.plannerInput(hostCluster)),
    ]);

    const memo = this.planMemo(hostCluster);
    memo.retain(new Set(tenants.map(tenant => tenant.namespace)));
    const madeBefore = memo.made;
    const planStarted = performance.now();
    // By key (`tenantKey`): what the reconciler names tenants by.
    const desired = new Map<string, Desired>(
      tenants.map(tenant => [
        tenantKey(tenant.namespace),
        desiredTenant(tenant, sources.get(tenant.name)!, (t, s) =>
          memo.plan(t, s),
        ),
      ]),
    );
    report.planMs = performance.now() - planStarted;
    const invalid = this.invalidPlansOf(hostCluster);
    for (const name of invalid.keys()) {
      if (!desired.has(name)) {
        invalid.delete(name);
      }
    }
    for (const { tenant } of desired.values()) {
      if (tenant.plan && invalid.get(tenant.name) === tenant.plan) {
        tenant.hold = true;
      }
    }
    report.replanned = memo.made - madeBefore;
    report.planned = [...desired.values()].filter(d => d.tenant.plan).length;

    const deliveryController =
      'value' in host ? host.value.deliveryController : undefined;
    const watched = this.options.watch
      ? await this.watchedOf(hostCluster, deliveryController)
      : undefined;
    const scope = watched?.scope(desired);
    if (scope) {
      report.scope = scope.size;
      if (scope.size === 0) {
        this.scheduleDue(hostCluster, watched!);
        return;
      }
    }
    const reconciler = new HostClusterReconciler(
      clients.objectClient(hostCluster),
      {
        ...this.options.reconciler,
        instance: this.options.instance,
        ...(deliveryController && { deliveryController }),
        ...(watched && { observation: () => watched.informers.observe() }),
      },
    );
    const result = await reconciler.reconcile(
      [...desired.values()]
        .filter(d => !scope || scope.has(d.tenant.name))
        .map(d => d.tenant),
      scope,
    );
    report.result = result;

    const now = new Date().toISOString();
    const stored = new Map(
      tenants.map(tenant => [tenantKey(tenant.namespace), tenant]),
    );
    let converging = result.orphans.length > 0;
    const settled: Settled[] = [];
    for (const outcome of result.tenants) {
      const tenant = stored.get(outcome.name)!;
      this.rememberInvalidPlan(invalid, desired.get(outcome.name)!, outcome);
      const { failure } = desired.get(outcome.name)!;
      if (outcome.gone) {
        if (await store.tenants.delete(tenant.name, tenant.generation)) {
          report.removed++;
          // Warm-pool standbys are nobody's: no entity to remove.
          if (!tenant.pool) {
            events?.publish(tenant.name, 'removed');
          }
          logger.info(`tenant ${tenant.name} is deleted from ${hostCluster}`);
        }
        continue;
      }
      const update = statusUpdate(tenant, outcome, failure, now);
      if (
        update &&
        (await store.tenants.updateStatus(
          tenant.name,
          tenant.generation,
          update,
        ))
      ) {
        report.statusWrites++;
        logStatusChange(logger, {
          tenant: tenant.name,
          hostCluster,
          before: tenant,
          after: update,
        });
        if (update.phase !== tenant.phase && !tenant.pool) {
          events?.publish(tenant.name, 'changed');
        }
      }
      // Failed tenants and those without a plan wait for a change (or the periodic pass).
      const waiting =
        !outcome.converged && !failure && outcome.status.phase !== 'Failed';
      converging ||= waiting;
      settled.push({
        key: outcome.name,
        waiting,
        progressed: update !== undefined,
      });
    }
    if (result.orphans.length) {
      this.logOnce(
        `${hostCluster}/orphans`,
        `removing objects of unknown tenants of instance ${
          this.options.instance
        } from ${hostCluster}: ${result.orphans.join(', ')}`,
        'info',
      );
    } else {
      this.lastLogged.delete(`${hostCluster}/orphans`);
    }
    if (watched) {
      report.requeued = watched.settle(settled, result.orphans) > 0;
      this.scheduleDue(hostCluster, watched);
    } else if (converging) {
      report.requeued = true;
      this.runners
        .of(hostCluster)
        .schedule(this.requeueDelay(hostCluster, report));
    } else {
      this.idlePasses.delete(hostCluster);
    }
  }

  /** A pass when the next queued tenant is due. */
  private scheduleDue(hostCluster: string, watched: WatchedCluster) {
    const due = watched.queue.nextDueAt();
    if (due !== undefined) {
      const now = this.options.backoff?.now?.() ?? Date.now();
      this.runners.of(hostCluster).schedule(Math.max(0, due - now));
    }
  }

  private invalidPlansOf(hostCluster: string): Map<string, unknown> {
    let invalid = this.invalidPlans.get(hostCluster);
    if (!invalid) {
      invalid = new Map();
      this.invalidPlans.set(hostCluster, invalid);
    }
    return invalid;
  }

  /** Holds a plan the API server refused as invalid; forgets it otherwise. */
  private rememberInvalidPlan(
    invalid: Map<string, unknown>,
    { tenant }: Desired,
    outcome: TenantOutcome,
  ) {
    const reconciled = outcome.status.conditions.find(
      c => c.type === 'Reconciled',
    );
    if (tenant.plan && reconciled?.reason === 'Invalid') {
      invalid.set(tenant.name, tenant.plan);
    } else if (!tenant.hold) {
      invalid.delete(tenant.name);
    }
  }

  /**
   * The requeue delay, doubled for each pass in a row that wrote nothing
   * and changed no status: tenants that only wait (for Volcano, a delivery
   * controller, a teardown) cost fewer and fewer passes.
   */
  private requeueDelay(hostCluster: string, report: PassReport): number {
    const stats = report.result?.stats;
    const progressed =
      report.statusWrites > 0 ||
      report.removed > 0 ||
      (stats !== undefined && stats.applies + stats.deletes > 0);
    const idle = progressed ? 0 : (this.idlePasses.get(hostCluster) ?? 0) + 1;
    this.idlePasses.set(hostCluster, idle);
    const { requeueMs, maxRequeueMs = 30_000 } = this.options;
    return Math.min(requeueMs * 2 ** idle, Math.max(maxRequeueMs, requeueMs));
  }
}
