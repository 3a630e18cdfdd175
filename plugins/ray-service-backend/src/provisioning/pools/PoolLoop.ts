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
import {
  ComputeProfile,
  desiredWarmCapacityAt,
  IsolationMode,
  parseTemplateVersionRef,
  PoolCondition,
} from '@ray-service/plugin-ray-service-common';
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { RayServiceStore, StoredTenant } from '../../store/RayServiceStore';
import { POOL_KEY_PREFIX, POOL_OWNER, tenantNamespace } from '../../vocabulary';
import { KeyedRunners } from '../loop/ClusterRunner';
import { poolActions, PoolOffer, poolOffer } from './poolActions';

/** Where a new standby goes (the tenants' placement, passed in from above). */
export interface StandbyPlacement {
  place<T>(
    request: {
      name: string;
      profile: ComputeProfile;
      isolation: IsolationMode;
    },
    steps: {
      prepare(hostCluster: string): Promise<void>;
      commit(tx: RayServiceStore, hostCluster: string): Promise<T>;
    },
  ): Promise<T>;
}

/** Told what each pass found (the OpenTelemetry metrics). */
export interface PoolObserver {
  observed(
    profile: string,
    pool: { desired: number; ready: number; provisioning: number },
  ): void;
  becameReady(profile: string, durationMs: number): void;
}

/** What one pass over a pool did. */
export interface PoolPassReport {
  profile: string;
  desired: number;
  ready: number;
  provisioning: number;
  created: number;
  removed: number;
  /** How many standbys could not be placed. */
  short: number;
  error?: string;
}

export interface PoolLoopOptions {
  /** At most one history sample per pool per this interval. */
  sampleIntervalMs: number;
  /** Samples and events older than this are pruned. */
  retentionMs: number;
  /** The audit log's actor of what the loop does (the plugin's own service principal). */
  actor: string;
  /**
   * The pass after a claim comes once claims have stopped for this long
   * (default 250 ms), collecting a burst of them (whose requests would
   * otherwise wait behind the replenishing), but at most `debounceMaxMs`
   * (default 2 s) after the first.
   */
  debounceMs?: number;
  debounceMaxMs?: number;
}

export interface PoolLoopDeps {
  store: RayServiceStore;
  placement: StandbyPlacement;
  logger: LoggerService;
  /** The clock: desired capacity depends on the time of week. */
  now: () => Date;
  /** Called after standbys were added to or removed from a host cluster. */
  onChange(hostCluster: string): void;
  observer?: PoolObserver;
}

const SHORT = 'PoolShort';

/** A standby's name and key: `wp-` and ten random characters. */
export function standbyName(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(10);
  return `${POOL_KEY_PREFIX}${[...bytes]
    .map(b => alphabet[b % alphabet.length])
    .join('')}`;
}

/**
 * The warm-pool control loop: for every warm-pool profile, the desired
 * capacity now (its windows in its time zone) against its unclaimed
 * standbys. Creates what is missing through the tenants' placement (the
 * tenant loop provisions them), removes the surplus newest first and
 * standbys of another version or isolation, and records a `PoolShort`
 * condition when no host cluster has room instead of overcommitting.
 * Level-triggered: everything it needs is in the database, so a pass after
 * a crash continues where the last one stopped; a claimed tenant is never
 * touched (removals are conditional on the standby still being in the pool).
 */
export class PoolLoop {
  private readonly runners = new KeyedRunners<PoolPassReport>(key =>
    this.pass(key),
  );

  constructor(
    private readonly deps: PoolLoopDeps,
    private readonly options: PoolLoopOptions,
  ) {}

  /** A pass of the pool soon (debounced): after a claim. */
  trigger(profile: string): void {
    this.runners
      .of(profile)
      .scheduleAfterQuiet(
        this.options.debounceMs ?? 250,
        this.options.debounceMaxMs ?? 2000,
      );
  }

  /** A pass of every pool (and of pools whose profile lost its pool), then pruning; never rejects. */
  async runAll(): Promise<PoolPassReport[]> {
    const { store, logger, now } = this.deps;
    const [profiles, withStandbys] = await Promise.all([
      store.profiles.listWarmPools(),
      store.tenants.listPoolNames(),
    ]);
    const names = [
      ...new Set([...profiles.map(p => p.name), ...withStandbys]),
    ].sort();
    const reports = await Promise.all(names.map(n => this.runners.of(n).run()));
    try {
      await store.pools.prune(
        new Date(now().getTime() - this.options.retentionMs).toISOString(),
      );
    } catch (error) {
      logger.warn(`pruning the warm-pool history failed: ${error}`);
    }
    return reports.filter((r): r is PoolPassReport => r !== undefined);
  }

  /** A pass of one pool (after the running one, if any). */
  run(profile: string): Promise<PoolPassReport | undefined> {
    return this.runners.of(profile).run();
  }

  async stop(): Promise<void> {
    await this.runners.stop();
  }

  private async pass(name: string): Promise<PoolPassReport> {
    const report: PoolPassReport = {
      profile: name,
      desired: 0,
      ready: 0,
      provisioning: 0,
      created: 0,
      removed: 0,
      short: 0,
    };
    try {
      await this.reconcile(name, report);
    } catch (error) {
      report.error = error instanceof Error ? error.message : String(error);
      this.deps.logger.warn(
        `warm-pool pass of ${name} failed: ${report.error}`,
      );
    }
    return report;
  }

  private async reconcile(name: string, report: PoolPassReport) {
    const { store, now } = this.deps;
    const at = now();
    const profile = await store.profiles.get(name);
    const offer = profile && (await this.offerOf(profile));
    const desired =
      profile && offer ? desiredWarmCapacityAt(profile.allocation, at) : 0;
    const standbys = await store.tenants.listPool(name);
    await this.recordReady(name, standbys);
    const actions = poolActions(desired, offer, standbys);
    Object.assign(report, {
      desired,
      ready: actions.ready,
      provisioning: actions.provisioning,
    });

    for (const standby of actions.remove) {
      if (await this.remove(name, standby, at.toISOString())) {
        report.removed++;
      }
    }
    let failure: string | undefined;
    for (let i = 0; i < actions.create && profile && offer; i++) {
      try {
        await this.add(profile, offer);
        report.created++;
        report.provisioning++;
      } catch (error) {
        report.short = actions.create - i;
        failure = error instanceof Error ? error.message : String(error);
        break;
      }
    }
    await this.writeStatus(name, profile, offer, report, failure, at);
    this.deps.observer?.observed(name, report);
  }

  /** The pool's offer, if its version exists and is published. */
  private async offerOf(
    profile: ComputeProfile,
  ): Promise<PoolOffer | undefined> {
    const { allocation } = profile;
    if (allocation.strategy !== 'warmPool' || !allocation.templateVersion) {
      return undefined;
    }
    const version = await this.deps.store.templateVersions.get(
      parseTemplateVersionRef(allocation.templateVersion),
    );
    if (!version || version.state !== 'published') {
      return undefined;
    }
    return poolOffer(profile, version.isolationModes);
  }

  /** Records the time to Ready of standbys that became Ready since the last pass. */
  private async recordReady(profile: string, standbys: StoredTenant[]) {
    const { store, observer } = this.deps;
    for (const standby of standbys) {
      if (standby.phase !== 'Ready' || standby.readyAt) {
        continue;
      }
      // The status write that made it Ready set updatedAt.
      const readyAt = standby.updatedAt;
      if (await store.tenants.markReady(standby.name, readyAt)) {
        const durationMs = Math.max(
          0,
          Date.parse(readyAt) - Date.parse(standby.createdAt),
        );
        await store.pools.recordEvent({
          profile,
          kind: 'ready',
          tenant: standby.name,
          durationMs,
          at: readyAt,
        });
        observer?.becameReady(profile, durationMs);
      }
    }
  }

  private async add(profile: ComputeProfile, offer: PoolOffer) {
    const { placement, onChange } = this.deps;
    const name = standbyName();
    const template = parseTemplateVersionRef(offer.templateVersion);
    const hostCluster = await placement.place(
      { name, profile, isolation: offer.isolation },
      {
        prepare: async () => {},
        commit: async (tx, cluster) => {
          const at = this.deps.now().toISOString();
          const standby: StoredTenant = {
            name,
            owner: POOL_OWNER,
            profile: profile.name,
            template,
            hostCluster: cluster,
            namespace: tenantNamespace(name),
            isolation: offer.isolation,
            phase: 'Pending',
            conditions: [],
            generation: 1,
            observedGeneration: 0,
            createdBy: this.options.actor,
            createdAt: at,
            updatedAt: at,
            pool: profile.name,
          };
          await tx.tenants.insert(standby);
          await tx.auditLog.record({
            actor: this.options.actor,
            action: 'pool.add',
            targetName: `${profile.name}/${name}`,
            after: auditView(standby),
          });
          return cluster;
        },
      },
    );
    onChange(hostCluster);
  }

  private async remove(
    profile: string,
    standby: StoredTenant,
    at: string,
  ): Promise<boolean> {
    const removed = await this.deps.store.transaction(async tx => {
      if (!(await tx.tenants.releaseStandby(standby.name, profile, at))) {
        return false;
      }
      await tx.auditLog.record({
        actor: this.options.actor,
        action: 'pool.remove',
        targetName: `${profile}/${standby.name}`,
        before: auditView(standby),
      });
      return true;
    });
    if (removed) {
      this.deps.onChange(standby.hostCluster);
    }
    return removed;
  }

  /** The pool's row and a history sample (at most one per sample interval). */
  private async writeStatus(
    name: string,
    profile: ComputeProfile | undefined,
    offer: PoolOffer | undefined,
    report: PoolPassReport,
    failure: string | undefined,
    at: Date,
  ) {
    const { store } = this.deps;
    const previous = await store.pools.getStatus(name);
    if (!profile || profile.allocation.strategy !== 'warmPool') {
      if (previous) {
        await store.pools.deleteStatus(name);
      }
      return;
    }
    const condition = shortCondition(report, failure, offer, profile);
    const before = previous?.conditions.find(c => c.type === SHORT);
    const conditions: PoolCondition[] = [
      {
        ...condition,
        lastTransitionTime:
          before?.status === condition.status
            ? before.lastTransitionTime
            : at.toISOString(),
      },
    ];
    if (
      !previous ||
      previous.desired !== report.desired ||
      !isDeepStrictEqual(previous.conditions, conditions)
    ) {
      await store.pools.putStatus(name, {
        desired: report.desired,
        conditions,
        updatedAt: at.toISOString(),
      });
    }
    const last = await store.pools.lastSampleAt(name);
    if (
      !last ||
      at.getTime() - Date.parse(last) >= this.options.sampleIntervalMs
    ) {
      const from =
        last ??
        new Date(at.getTime() - this.options.sampleIntervalMs).toISOString();
      await store.pools.recordSample(name, {
        at: at.toISOString(),
        desired: report.desired,
        ready: report.ready,
        provisioning: report.provisioning,
        claims: await store.pools.countClaims(name, from, at.toISOString()),
      });
    }
  }
}

/** The PoolShort condition a pass leaves. Pure. */
function shortCondition(
  report: PoolPassReport,
  failure: string | undefined,
  offer: PoolOffer | undefined,
  profile: ComputeProfile,
): Omit<PoolCondition, 'lastTransitionTime'> {
  if (!offer) {
    const { allocation } = profile;
    const version =
      allocation.strategy === 'warmPool'
        ? allocation.templateVersion
        : undefined;
    return {
      type: SHORT,
      status: 'True',
      reason: version ? 'TemplateVersionUnavailable' : 'NoTemplateVersion',
      message: version
        ? `pool short: template version ${version} is not published`
        : 'pool short: choose the template version the pool keeps ready',
    };
  }
  if (report.short > 0) {
    return {
      type: SHORT,
      status: 'True',
      reason: 'NoRoom',
      message: `pool short: no host cluster has room for ${report.short} more${
        failure ? ` (${failure})` : ''
      }`,
    };
  }
  return {
    type: SHORT,
    status: 'False',
    reason: 'Placed',
    message: `every standby of ${report.desired} desired is placed`,
  };
}

/** What the audit log keeps of a standby. */
function auditView(standby: StoredTenant) {
  return {
    name: standby.name,
    hostCluster: standby.hostCluster,
    namespace: standby.namespace,
    templateVersion: `${standby.template.name}@${standby.template.version}`,
    isolation: standby.isolation,
  };
}
