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

import type { ObservedObject } from '../kubernetes/ObjectClient';
import { TEMPLATE_VERSION_LABEL } from '../vocabulary';
import type { PlannedObject } from '../planner/types';
import type { TenantActions } from './diff';
import { evaluateConditions } from './conditions';
import { describeRef, keyOf, refOf } from './objects';
import { noProbes, TenantProbes } from './probes';
import { readiness, Readiness } from './readiness';
import { isRelease } from './roles';
import type {
  DesiredTenant,
  TenantCondition,
  TenantConditionType,
  TenantPhase,
  TenantStatus,
} from './types';
import type { TenantWrites } from './writes';

export interface StatusInput {
  tenant: DesiredTenant;
  /** The tenant's objects as listed at the start of the pass. */
  listed: ObservedObject[];
  /** Kinds whose list failed, with the error. */
  failedKinds: ReadonlyMap<string, string>;
  actions: TenantActions;
  writes: TenantWrites;
  probes?: TenantProbes;
  /** ISO timestamp for transitions. */
  now: string;
}

export interface StatusOutcome {
  status: TenantStatus;
  converged: boolean;
  gone: boolean;
}

/** The objects as they are after this pass: listed, replaced by apply answers. */
export function currentObjects(
  listed: ObservedObject[],
  applied: ObservedObject[],
): ObservedObject[] {
  const byKey = new Map(listed.map(object => [keyOf(object), object]));
  for (const object of applied) {
    byKey.set(keyOf(object), object);
  }
  return [...byKey.values()];
}
function condition(
  type: TenantConditionType,
  state: Readiness,
  previous: TenantStatus | undefined,
  now: string,
): TenantCondition {
  const before = previous?.conditions.find(c => c.type === type);
  return {
    type,
    status: state.status,
    reason: state.reason,
    message: state.message,
    lastTransitionTime:
      before && before.status === state.status
        ? before.lastTransitionTime
        : now,
  };
}
/** Whether the installed releases carry another template version than planned. */
function templateVersionChanged(
  plan: PlannedObject[],
  listed: ObservedObject[],
): boolean {
  const desired = plan.find(o => o.kind === 'Namespace')?.metadata.labels[
    TEMPLATE_VERSION_LABEL
  ];
  return listed.some(
    object =>
      isRelease(object) &&
      object.metadata.labels?.[TEMPLATE_VERSION_LABEL] !== desired,
  );
}

function phaseOf(
  input: StatusInput,
  plan: PlannedObject[],
  states: Readiness[],
  live: Map<string, ObservedObject>,
): TenantPhase {
  const previous = input.tenant.status?.phase;
  if (states.some(s => s.reason === 'ObserveFailed') && previous) {
    return previous;
  }
  if (states.some(s => s.failed)) {
    return 'Failed';
  }
  if (states.every(s => s.status === 'True')) {
    return 'Ready';
  }
  if (
    templateVersionChanged(plan, input.listed) ||
    states.some(s => s.upgrading) ||
    previous === 'Upgrading'
  ) {
    return 'Upgrading';
  }
  if (previous === 'Ready' || previous === 'Degraded') {
    return 'Degraded';
  }
  return live.size ? 'Provisioning' : 'Pending';
}

/** The Reconciled condition: what this pass could not do. */
function passReadiness(input: StatusInput): Readiness {
  const { writes, actions, failedKinds } = input;
  if (writes.failures.length) {
    const skipped = writes.skipped.length
      ? ` (${writes.skipped.length} more applies postponed)`
      : '';
    return readiness(
      'False',
      writes.failures[0].reason,
      `${writes.failures.map(f => f.message).join('; ')}${skipped}`,
    );
  }
  if (failedKinds.size) {
    return readiness(
      'False',
      'ObserveFailed',
      [...failedKinds.values()].join('; '),
    );
  }
  if (actions.waiting) {
    return readiness('False', 'Waiting', actions.waiting);
  }
  const written = writes.applied.length + writes.deleted.length;
  return written
    ? readiness(
        'True',
        'Applied',
        `applied ${writes.applied.length}, deleted ${writes.deleted.length} objects`,
      )
    : readiness('True', 'InSync', 'every object is as planned');
}

function deletingStatus(input: StatusInput): StatusOutcome {
  const { tenant, listed, failedKinds, writes } = input;
  const gone = listed.length === 0 && failedKinds.size === 0;
  const pass = passReadiness(input);
  const state =
    gone || pass.status !== 'True'
      ? pass
      : readiness(
          'True',
          'Deleting',
          `${listed.length} objects remain, e.g. ${describeRef(
            refOf(listed[0]),
          )}`,
        );
  return {
    status: {
      phase: 'Deleting',
      conditions: [
        condition(
          'Reconciled',
          gone ? readiness('True', 'Deleted', 'every object is gone') : state,
          tenant.status,
          input.now,
        ),
      ],
      observedGeneration: tenant.generation,
    },
    converged: gone && !writes.failures.length,
    gone,
  };
}

function unplannedStatus(input: StatusInput): StatusOutcome {
  const { tenant } = input;
  const kept = (tenant.status?.conditions ?? []).filter(
    c => c.type !== 'Reconciled',
  );
  return {
    status: {
      phase: tenant.status?.phase ?? 'Pending',
      conditions: [
        ...kept,
        condition(
          'Reconciled',
          readiness(
            'False',
            'NoPlan',
            `no plan for generation ${tenant.generation}; its objects are left as they are`,
          ),
          tenant.status,
          input.now,
        ),
      ],
      ...(tenant.status?.observedGeneration !== undefined
        ? { observedGeneration: tenant.status.observedGeneration }
        : {}),
    },
    converged: false,
    gone: false,
  };
}

/**
 * A tenant's phase and conditions from what was observed and written in
 * this pass (and, for what is not re-read every pass, its previous status).
 * Pure.
 */
export function tenantStatus(input: StatusInput): StatusOutcome {
  const { tenant, writes, actions, failedKinds, now } = input;
  if (tenant.deleting) {
    return deletingStatus(input);
  }
  if (!tenant.plan) {
    return unplannedStatus(input);
  }
  if (tenant.hold && tenant.status) {
    return { status: tenant.status, converged: false, gone: false };
  }
  const live = new Map(
    currentObjects(input.listed, writes.applied).map(o => [keyOf(o), o]),
  );
  const states = evaluateConditions({
    tenant: tenant.name,
    plan: tenant.plan,
    live,
    failedKinds,
    writes,
    waiting: actions.waiting,
    probes: input.probes ?? noProbes(),
    previous: tenant.status,
  });
  const pass = passReadiness(input);
  const phase = phaseOf(input, tenant.plan, [...states.values()], live);
  const complete =
    !writes.failures.some(f => f.verb === 'apply') &&
    !writes.skipped.length &&
    !actions.waiting &&
    !failedKinds.size;
  const observedGeneration = complete
    ? tenant.generation
    : tenant.status?.observedGeneration;
  return {
    status: {
      phase,
      conditions: [
        ...[...states].map(([type, state]) =>
          condition(type, state, tenant.status, now),
        ),
        condition('Reconciled', pass, tenant.status, now),
      ],
      ...(observedGeneration !== undefined ? { observedGeneration } : {}),
    },
    converged:
      phase === 'Ready' &&
      pass.reason === 'InSync' &&
      !actions.apply.length &&
      !actions.delete.length,
    gone: false,
  };
}
