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

import {
  TenantCondition,
  TenantPhase,
  templateVersionRef,
} from '@ray-service/plugin-ray-service-common';
import { isDeepStrictEqual } from 'node:util';
import { plan, PlannedObject } from '../../planner';
import type {
  StoredTenant,
  TenantStatusUpdate,
} from '../../store/RayServiceStore';
import { tenantKey } from '../../vocabulary';
import { planInput, PlanSources } from '../planInputs';
import type {
  DesiredTenant,
  TenantOutcome,
  TenantStatus,
} from '../../reconciler';

/** The condition the loop adds when it could not plan a tenant. */
export const PLANNED_CONDITION = 'Planned';

export type { PlanSources };

/** Why a tenant has no plan in this pass. */
export interface PlanFailure {
  reason:
    | 'HostClusterUnavailable'
    | 'ProfileMissing'
    | 'TemplateVersionMissing'
    | 'PlanFailed';
  message: string;
  /** The tenant itself cannot be planned (phase Failed), not only its host right now. */
  failsTenant: boolean;
}

/** A tenant as the reconciler should make it, and why it has no plan, if so. */
export interface Desired {
  tenant: DesiredTenant;
  failure?: PlanFailure;
}

/** The status the reconciler left last time, as it expects it back. */
function lastStatus(tenant: StoredTenant): TenantStatus {
  return {
    phase: tenant.phase,
    conditions: tenant.conditions.filter(c => c.type !== PLANNED_CONDITION),
    ...(tenant.observedGeneration > 0 && {
      observedGeneration: tenant.observedGeneration,
    }),
  };
}

/** A tenant's plan, or why it has none. */
export type PlanResult = { plan: PlannedObject[] } | { failure: PlanFailure };

/** Plans a tenant, catching what keeps it from being planned. Pure. */
export function planFor(
  tenant: StoredTenant,
  sources: PlanSources,
): PlanResult {
  if ('error' in sources.host) {
    return {
      failure: {
        reason: 'HostClusterUnavailable',
        message: sources.host.error,
        failsTenant: false,
      },
    };
  }
  if (!sources.profile) {
    return {
      failure: {
        reason: 'ProfileMissing',
        message: `profile "${tenant.profile}" does not exist`,
        failsTenant: true,
      },
    };
  }
  if (!sources.templateVersion) {
    return {
      failure: {
        reason: 'TemplateVersionMissing',
        message: `template version ${templateVersionRef(
          tenant.template.name,
          tenant.template.version,
        )} does not exist`,
        failsTenant: true,
      },
    };
  }
  try {
    const planned = plan(
      planInput(tenant, {
        ...sources,
        profile: sources.profile,
        templateVersion: sources.templateVersion,
        host: sources.host,
      }),
    );
    return { plan: planned.objects as PlannedObject[] };
  } catch (error) {
    return {
      failure: {
        reason: 'PlanFailed',
        message: error instanceof Error ? error.message : String(error),
        failsTenant: true,
      },
    };
  }
}

/**
 * A stored tenant as the reconciler's input, named by its key on the host
 * cluster (`tenantKey`: its name unless claimed from a warm pool). Deleting tenants need no plan;
 * a tenant that cannot be planned gets none, so that its objects are left
 * as they are. Pure (the planner is).
 */
export function desiredTenant(
  tenant: StoredTenant,
  sources: PlanSources,
  planOf: (tenant: StoredTenant, sources: PlanSources) => PlanResult = planFor,
): Desired {
  const base = {
    name: tenantKey(tenant.namespace),
    generation: tenant.generation,
    status: lastStatus(tenant),
  };
  if (tenant.deletionRequestedAt) {
    return { tenant: { ...base, deleting: true, plan: undefined } };
  }
  const planned = planOf(tenant, sources);
  return 'plan' in planned
    ? { tenant: { ...base, deleting: false, plan: planned.plan } }
    : {
        tenant: { ...base, deleting: false, plan: undefined },
        failure: planned.failure,
      };
}

function plannedCondition(
  failure: PlanFailure,
  previous: StoredTenant,
  now: string,
): TenantCondition {
  const before = previous.conditions.find(c => c.type === PLANNED_CONDITION);
  return {
    type: PLANNED_CONDITION,
    status: 'False',
    reason: failure.reason,
    message: failure.message,
    lastTransitionTime:
      before?.status === 'False' ? before.lastTransitionTime : now,
  };
}

/**
 * The status row a pass's outcome gives a tenant, or undefined when it is
 * what is stored already (a steady pass writes nothing). Pure.
 */
export function statusUpdate(
  stored: StoredTenant,
  outcome: TenantOutcome,
  failure: PlanFailure | undefined,
  now: string,
): TenantStatusUpdate | undefined {
  const conditions: TenantCondition[] = [
    ...outcome.status.conditions,
    ...(failure ? [plannedCondition(failure, stored, now)] : []),
  ];
  const phase: TenantPhase = failure?.failsTenant
    ? 'Failed'
    : outcome.status.phase;
  const observedGeneration =
    outcome.status.observedGeneration ?? stored.observedGeneration;
  if (
    phase === stored.phase &&
    observedGeneration === stored.observedGeneration &&
    isDeepStrictEqual(conditions, stored.conditions)
  ) {
    return undefined;
  }
  return { phase, conditions, observedGeneration, updatedAt: now };
}
