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

import { PATIENCE_MS } from '../../lib/__testUtils__/waitFor';
import type { IsolationMode } from '@ray-service/plugin-ray-service-common';
import type { ObservedObject } from '../../kubernetes/ObjectClient';
import {
  PLANNED_KINDS,
  DEFAULT_INSTANCE,
  managedSelector,
  TENANT_LABEL,
  VOLCANO_COMMAND,
} from '../../vocabulary';
import { plan } from '../../planner/plan';
import type { PlannedObject } from '../../planner/types';
import type { DeliveryController } from '../../vocabulary';
import {
  shippedProfiles,
  shippedTemplateVersions,
} from '../../planner/__testUtils__/shipped';
import type { HostClusterReconciler } from '../HostClusterReconciler';
import type { DesiredTenant, ReconcileResult, TenantStatus } from '../types';
import type { KubeSim } from '@ray-service/kube-sim';

export interface TenantSpec {
  name: string;
  isolation: IsolationMode;
  delivery?: DeliveryController;
  profile?: string;
  template?: string;
  /** The portal instance planning it; default `default`. */
  instance?: string;
}

/** A plan of the shipped profile and template version (kuberay@2.0.0, small). */
export function shippedPlan(spec: TenantSpec): PlannedObject[] {
  const profile = shippedProfiles().find(
    p => p.name === (spec.profile ?? 'small'),
  )!;
  const templateVersion = shippedTemplateVersions().find(
    t => `${t.name}@${t.version}` === (spec.template ?? 'kuberay@2.0.0'),
  )!;
  return plan({
    tenant: {
      name: spec.name,
      owner: 'group:default/ml-teams',
      isolation: spec.isolation,
    },
    profile,
    templateVersion,
    hostCluster: {
      name: 'sim',
      deliveryController: spec.delivery ?? 'flux',
      clusterIssuer: 'ray-service-ca',
      storageClassName: 'standard',
    },
    instance: spec.instance ?? DEFAULT_INSTANCE,
  }).objects as PlannedObject[];
}

export function desired(
  spec: TenantSpec,
  extra: Partial<DesiredTenant> = {},
): DesiredTenant {
  return {
    name: spec.name,
    generation: 1,
    deleting: false,
    plan: shippedPlan(spec),
    ...extra,
  };
}

/**
 * Runs passes like the caller would: statuses are kept and passed back, gone
 * tenants dropped, until every tenant converged (or `maxPasses`, or the
 * test's patience ran out).
 */
export async function untilConverged(
  reconciler: HostClusterReconciler,
  tenants: DesiredTenant[],
  options: { maxPasses?: number; pauseMs?: number } = {},
): Promise<{ passes: ReconcileResult[]; tenants: DesiredTenant[] }> {
  const passes: ReconcileResult[] = [];
  let current = tenants;
  const deadline = Date.now() + PATIENCE_MS;
  while (
    passes.length < (options.maxPasses ?? Infinity) &&
    Date.now() < deadline
  ) {
    const result = await reconciler.reconcile(current);
    passes.push(result);
    const byName = new Map(result.tenants.map(t => [t.name, t]));
    const done =
      result.tenants.every(t => t.converged) && result.orphans.length === 0;
    current = current
      .filter(t => !byName.get(t.name)?.gone)
      .map(t => ({ ...t, status: byName.get(t.name)!.status }));
    if (done) {
      return { passes, tenants: current };
    }
    await new Promise(r => setTimeout(r, options.pauseMs ?? 30));
  }
  const last = passes[passes.length - 1];
  throw new Error(
    `not converged after ${passes.length} passes: ${JSON.stringify(
      last.tenants.map(t => ({ name: t.name, status: t.status })),
      null,
      1,
    )}; orphans ${last.orphans}`,
  );
}

/**
 * Every managed object in the sim (Volcano Commands included), of one
 * portal instance or (by default) of all.
 */
export function managedObjects(
  sim: KubeSim,
  instance?: string,
): ObservedObject[] {
  const labelSelector = managedSelector(
    instance ? { instance } : { allInstances: true },
  );
  return [...PLANNED_KINDS, VOLCANO_COMMAND].flatMap(kind => {
    try {
      return sim.objects.list(kind.apiVersion, kind.kind, {
        labelSelector,
      }) as ObservedObject[];
    } catch {
      return []; // a kind the sim does not serve
    }
  });
}

/** Tenant labels of {@link managedObjects}. */
export function managedTenants(sim: KubeSim, instance?: string): Set<string> {
  return new Set(
    managedObjects(sim, instance).map(
      object => object.metadata.labels?.[TENANT_LABEL] ?? '',
    ),
  );
}

export function statusSummary(status: TenantStatus) {
  return Object.fromEntries([
    ['phase', status.phase],
    ...status.conditions.map(c => [c.type, c.status]),
  ]);
}

/** The status summary of a vcluster tenant whose every condition is met. */
export const VCLUSTER_TENANT_READY = {
  phase: 'Ready',
  NamespaceReady: 'True',
  QuotaApplied: 'True',
  QueueReady: 'True',
  NetworkPoliciesApplied: 'True',
  ControlPlaneReady: 'True',
  OperatorReady: 'True',
  Reconciled: 'True',
};
