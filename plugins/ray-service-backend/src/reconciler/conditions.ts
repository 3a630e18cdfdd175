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

import { TENANT_CONDITION_TYPES } from '@ray-service/plugin-ray-service-common';
import type { ObservedObject } from '../kubernetes/ObjectClient';
import type { PlannedObject } from '../planner/types';
import { describeRef, isTerminating, keyOf, kindKeyOf, refOf } from './objects';
import { releaseReadiness, TenantProbes } from './probes';
import {
  deploymentReadiness,
  leastReady,
  readiness,
  Readiness,
} from './readiness';
import { conditionTypeOf, isRelease, isVClusterPlan } from './roles';
import type { TenantConditionType, TenantStatus } from './types';
import { syncedOperatorReadiness } from './vclusterPods';
import type { TenantWrites } from './writes';

/** The conditions the reconciler judges from the cluster, in report order. */
const CONDITION_ORDER = TENANT_CONDITION_TYPES.filter(
  (type): type is Exclude<TenantConditionType, 'Reconciled' | 'Planned'> =>
    type !== 'Reconciled' && type !== 'Planned',
);

/** What the conditions of a tenant with a plan are judged on. */
export interface ConditionContext {
  tenant: string;
  plan: PlannedObject[];
  /** The tenant's objects after this pass's applies, by {@link keyOf}. */
  live: Map<string, ObservedObject>;
  failedKinds: ReadonlyMap<string, string>;
  writes: TenantWrites;
  /** Why the pass applied nothing, if it waited. */
  waiting?: string;
  probes: TenantProbes;
  previous?: TenantStatus;
}

/** The previous condition, if it was True: what is not re-read stays as it was. */
function carried(
  type: TenantConditionType,
  previous: TenantStatus | undefined,
): Readiness | undefined {
  const before = previous?.conditions.find(c => c.type === type);
  return before?.status === 'True'
    ? readiness('True', before.reason, before.message)
    : undefined;
}

/** Why planned objects are not there, or undefined when all are. */
function absence(
  ctx: ConditionContext,
  planned: PlannedObject[],
): Readiness | undefined {
  const { failedKinds, writes, waiting } = ctx;
  const unlisted = planned.find(o => failedKinds.has(kindKeyOf(o)));
  if (unlisted) {
    return {
      status: 'Unknown',
      reason: 'ObserveFailed',
      message: failedKinds.get(kindKeyOf(unlisted))!,
    };
  }
  const missing = planned.filter(o => !ctx.live.has(keyOf(o)));
  if (!missing.length) {
    return undefined;
  }
  const failure = writes.failures.find(f =>
    missing.some(o => keyOf(o) === keyOf(f.object)),
  );
  if (failure) {
    return {
      status: 'False',
      reason: failure.reason,
      message: failure.message,
      failed: failure.permanent,
    };
  }
  const names = missing.map(o => describeRef(refOf(o))).join(', ');
  return readiness(
    'False',
    'NotCreated',
    `${names} not created yet${waiting ? `: ${waiting}` : ''}`,
  );
}

function liveOf(
  ctx: ConditionContext,
  planned: PlannedObject[],
): ObservedObject[] {
  return planned.map(o => ctx.live.get(keyOf(o))!);
}

function namespaceReadiness(ns: ObservedObject): Readiness {
  const phase = (ns.status as { phase?: string } | undefined)?.phase;
  if (isTerminating(ns) || phase === 'Terminating') {
    return readiness(
      'False',
      'Terminating',
      `Namespace ${ns.metadata.name} is terminating`,
    );
  }
  return phase === 'Active'
    ? readiness('True', 'Active', `Namespace ${ns.metadata.name} is active`)
    : readiness(
        'Unknown',
        'Pending',
        `Namespace ${ns.metadata.name} is ${phase ?? 'not active yet'}`,
      );
}

function queueReadiness(queue: ObservedObject): Readiness {
  const state = (queue.status as { state?: string } | undefined)?.state;
  if (state === 'Open') {
    return readiness('True', 'Open', `Queue ${queue.metadata.name} is open`);
  }
  return state
    ? readiness('False', state, `Queue ${queue.metadata.name} is ${state}`)
    : readiness(
        'Unknown',
        'Pending',
        `Queue ${queue.metadata.name} waits for Volcano`,
      );
}

function appliedReadiness(objects: ObservedObject[]): Readiness {
  return readiness(
    'True',
    'Applied',
    `${objects.map(o => describeRef(refOf(o))).join(', ')} applied`,
  );
}

/** Releases (not their sources) by their controllers' word, or carried over. */
function releasesReadiness(
  ctx: ConditionContext,
  type: TenantConditionType,
  objects: ObservedObject[],
): Readiness {
  const states = objects
    .filter(isRelease)
    .map(
      release =>
        releaseReadiness(release, ctx.probes.installJobs) ??
        carried(type, ctx.previous) ??
        readiness(
          'Unknown',
          'Pending',
          `${describeRef(refOf(release))} is being installed`,
        ),
    );
  return states.length
    ? leastReady(states)
    : readiness('Unknown', 'Pending', 'no release planned');
}

function namespacedOperatorReadiness(
  ctx: ConditionContext,
  objects: ObservedObject[],
): Readiness {
  const release = releasesReadiness(ctx, 'OperatorReady', objects);
  const deployment = ctx.probes.operatorDeployment;
  if (release.status !== 'True' || !deployment) {
    return release;
  }
  if ('error' in deployment) {
    return readiness('Unknown', 'ProbeFailed', deployment.error);
  }
  return deploymentReadiness(deployment.value, 'in the tenant namespace');
}

function vclusterOperatorReadiness(
  ctx: ConditionContext,
  controlPlane: Readiness | undefined,
): Readiness {
  if (controlPlane?.status !== 'True') {
    return readiness(
      'Unknown',
      'WaitingForControlPlane',
      'the KubeRay operator is installed by the vcluster once it is ready',
    );
  }
  const operators = ctx.probes.vclusterOperators;
  if (!operators) {
    return (
      carried('OperatorReady', ctx.previous) ??
      readiness('Unknown', 'Pending', 'the vcluster was not checked yet')
    );
  }
  if ('error' in operators) {
    // unreachable from here: the pods vcluster's syncer put on the host say it
    const hostPods = ctx.probes.hostOperatorPods;
    return hostPods
      ? syncedOperatorReadiness(ctx.tenant, operators.error, hostPods)
      : readiness('Unknown', 'VClusterUnreachable', operators.error);
  }
  const available = operators.value.map(d =>
    deploymentReadiness(d, 'in the vcluster'),
  );
  return (
    available.find(r => r.status === 'True') ??
    available[0] ??
    deploymentReadiness(undefined, 'in the vcluster')
  );
}

/** Each condition the plan calls for, in {@link CONDITION_ORDER}. */
export function evaluateConditions(
  ctx: ConditionContext,
): Map<TenantConditionType, Readiness> {
  const { tenant } = ctx;
  const byType = new Map<TenantConditionType, PlannedObject[]>();
  for (const object of ctx.plan) {
    const type = conditionTypeOf(tenant, object);
    if (type) {
      byType.set(type, [...(byType.get(type) ?? []), object]);
    }
  }
  const vcluster = isVClusterPlan(tenant, ctx.plan);
  const results = new Map<TenantConditionType, Readiness>();
  for (const type of CONDITION_ORDER) {
    const planned = byType.get(type) ?? [];
    if (!planned.length && !(type === 'OperatorReady' && vcluster)) {
      continue;
    }
    const missing = absence(ctx, planned);
    if (missing) {
      results.set(type, missing);
      continue;
    }
    const objects = liveOf(ctx, planned);
    switch (type) {
      case 'NamespaceReady':
        results.set(type, leastReady(objects.map(namespaceReadiness)));
        break;
      case 'QueueReady':
        results.set(type, leastReady(objects.map(queueReadiness)));
        break;
      case 'ControlPlaneReady':
      case 'AddonsReady':
        results.set(type, releasesReadiness(ctx, type, objects));
        break;
      case 'OperatorReady':
        results.set(
          type,
          vcluster
            ? vclusterOperatorReadiness(ctx, results.get('ControlPlaneReady'))
            : namespacedOperatorReadiness(ctx, objects),
        );
        break;
      default:
        results.set(type, appliedReadiness(objects));
    }
  }
  return results;
}
