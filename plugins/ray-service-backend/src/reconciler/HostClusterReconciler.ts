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

import { InputError } from '@backstage/errors';
import type {
  ObjectClient,
  ObjectClientStats,
} from '../kubernetes/ObjectClient';
import {
  DEFAULT_INSTANCE,
  DeliveryController,
  PlannedKind,
  reconciledKinds,
} from '../vocabulary';
import { mapLimited } from './concurrency';
import { diff, TenantActions } from './diff';
import { observe, Observation } from './observe';
import { needsProbes, noProbes, probeTenant } from './probes';
import { currentObjects, tenantStatus } from './status';
import type { DesiredTenant, ReconcileResult, TenantOutcome } from './types';
import { defaultVClusterConnector, VClusterConnector } from './vcluster';
import { TenantWrites, write } from './writes';

export interface ReconcilerOptions {
  /**
   * The portal instance (`rayService.instance`) whose objects this is about;
   * default `default`. Only objects labelled `ray-service.io/instance` with
   * it are observed, kept in sync, pruned or torn down: the tenants' plans
   * must be made for the same instance.
   */
  instance?: string;
  /**
   * The host's Helm delivery controller (from preflight): only its kinds
   * are listed, besides the core and Volcano kinds, as the generated RBAC
   * grants (`reconciledKinds`). Unknown: every planned kind.
   */
  deliveryController?: DeliveryController;
  /** Tenants written and probed at the same time; default 4. */
  concurrency?: number;
  /** How the operator check reaches a vcluster; default: its kubeconfig as exported. */
  connectVCluster?: VClusterConnector;
  /** Request limit of the default vcluster connector; default 5000 ms. */
  vclusterTimeoutMs?: number;
  /** For lastTransitionTime; default the system clock. */
  now?: () => Date;
  /**
   * Where a pass's observation comes from, e.g. the caches of
   * {@link ObservationInformers}; default one LIST per kind per pass.
   */
  observation?: () => Observation | Promise<Observation>;
}

const noWrites = (): TenantWrites => ({
  applied: [],
  deleted: [],
  failures: [],
  skipped: [],
});

function assertUniqueNames(tenants: DesiredTenant[]) {
  const seen = new Set<string>();
  for (const { name } of tenants) {
    if (seen.has(name)) {
      throw new InputError(`tenant "${name}" is listed twice`);
    }
    seen.add(name);
  }
}

/** The observation of the tenants in `scope` only. */
function within(observation: Observation, scope: ReadonlySet<string>) {
  return {
    ...observation,
    byTenant: new Map(
      [...observation.byTenant].filter(([tenant]) => scope.has(tenant)),
    ),
  };
}

/**
 * Level-triggered reconciliation of the tenants of one host cluster:
 * observe (one list per planned kind), diff (pure), write (server-side
 * apply, deletes), then status (pure). Holds no state between passes: the
 * caller keeps each tenant's status and passes it back, so any process (a
 * new one after a crash, another replica) continues where the last left off.
 *
 * `tenants` must be every tenant of the portal instance on the cluster:
 * objects labelled for this instance and a tenant not in it are deleted.
 * Other instances' objects are not looked at.
 */
export class HostClusterReconciler {
  private readonly instance: string;
  private readonly kinds: readonly PlannedKind[];
  private readonly concurrency: number;
  private readonly connectVCluster: VClusterConnector;
  private readonly now: () => Date;
  private readonly observation?: () => Observation | Promise<Observation>;

  constructor(
    private readonly client: ObjectClient,
    options: ReconcilerOptions = {},
  ) {
    this.instance = options.instance ?? DEFAULT_INSTANCE;
    this.kinds = reconciledKinds(options.deliveryController);
    this.concurrency = options.concurrency ?? 4;
    this.connectVCluster =
      options.connectVCluster ??
      defaultVClusterConnector(options.vclusterTimeoutMs ?? 5000);
    this.now = options.now ?? (() => new Date());
    this.observation = options.observation;
  }

  /**
   * A pass over `tenants`. With `scope` (tenant keys), only the objects of
   * those tenants are looked at: `tenants` are the ones of them the caller
   * knows, the others are orphans, and every other tenant's objects are
   * left alone. Without it, `tenants` must be all of them.
   */
  async reconcile(
    tenants: DesiredTenant[],
    scope?: ReadonlySet<string>,
  ): Promise<ReconcileResult> {
    assertUniqueNames(tenants);
    const started = Date.now();
    const before: ObjectClientStats = { ...this.client.stats };

    const observed = await (this.observation
      ? this.observation()
      : observe(this.client, this.instance, this.kinds));
    const observation = scope ? within(observed, scope) : observed;
    const { tenants: actions, orphans } = diff(tenants, observation);
    const written = await mapLimited(actions, this.concurrency, a =>
      write(this.client, a),
    );
    const writesOf = new Map(actions.map((a, i) => [a.tenant, written[i]]));
    const actionsOf = new Map(actions.map(a => [a.tenant, a]));

    const now = this.now().toISOString();
    const outcomes = await mapLimited(
      tenants,
      this.concurrency,
      async (tenant): Promise<TenantOutcome> => {
        const listed = observation.byTenant.get(tenant.name) ?? [];
        const writes = writesOf.get(tenant.name) ?? noWrites();
        const probes =
          needsProbes(tenant) && tenant.plan
            ? await probeTenant(
                { client: this.client, connectVCluster: this.connectVCluster },
                tenant.name,
                tenant.plan,
                currentObjects(listed, writes.applied),
              )
            : noProbes();
        const outcome = tenantStatus({
          tenant,
          listed,
          failedKinds: observation.failedKinds,
          actions: actionsOf.get(tenant.name) as TenantActions,
          writes,
          probes,
          now,
        });
        return {
          name: tenant.name,
          status: outcome.status,
          converged: outcome.converged,
          ...(outcome.gone ? { gone: true } : {}),
        };
      },
    );

    const { stats } = this.client;
    return {
      tenants: outcomes,
      orphans,
      stats: {
        lists: stats.lists - before.lists,
        applies: stats.applies - before.applies,
        deletes: stats.deletes - before.deletes,
        gets: stats.gets - before.gets,
        discoveries: stats.discoveries - before.discoveries,
        durationMs: Date.now() - started,
      },
    };
  }
}
