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
import { PLANNED_KINDS, TENANT_NAMESPACE_PREFIX } from '../vocabulary';
import type { PlannedObject } from '../planner/types';
import { isApplied } from './compare';
import type { Observation } from './observe';
import {
  isTerminating,
  keyOf,
  kindKeyOf,
  ObjectRef,
  tenantOf,
} from './objects';
import { isMarkedForTeardown, removal, Removal } from './queueRemoval';
import type { DesiredTenant } from './types';

/** The writes one tenant needs, in order. */
export interface TenantActions {
  tenant: string;
  apply: PlannedObject[];
  delete: ObjectRef[];
  /** Queues to mark as being torn down, after the applies (see queueRemoval.ts). */
  mark: ObjectRef[];
  /** Why some planned objects were not applied this pass, if any. */
  waiting?: string;
}

export interface Diff {
  /** One entry per desired tenant and per unknown tenant with objects. */
  tenants: TenantActions[];
  /** Tenants with objects that the caller does not know. */
  orphans: string[];
}

/** Kinds the reconciler never deletes on their own (see PlannedKind). */
const goesWithNamespace = (object: ObservedObject) =>
  PLANNED_KINDS.some(
    kind =>
      kind.deletedWithNamespace &&
      kind.kind === object.kind &&
      kind.apiVersion === object.apiVersion,
  );

const isNamespace = (object: ObservedObject) =>
  object.apiVersion === 'v1' && object.kind === 'Namespace';

/**
 * What deleting a tenant takes, one step per pass. First everything it has
 * outside its own namespaces (releases and sources in the delivery
 * controller's namespace), so that the releases are uninstalled while their
 * namespace still exists; once none of that is left, its cluster-scoped
 * objects, the Namespace among them, whose contents go with it. Volcano
 * queues are closed before they are deleted ({@link removal}).
 */
export function teardown(
  observed: ObservedObject[],
  listsComplete: boolean,
): Removal {
  // its own namespaces: those listed, and the tenant namespace even when
  // the list of Namespaces failed
  const namespaces = new Set([
    ...observed.filter(isNamespace).map(ns => ns.metadata.name),
    ...observed.flatMap(object => {
      const tenant = tenantOf(object);
      return tenant ? [`${TENANT_NAMESPACE_PREFIX}${tenant}`] : [];
    }),
  ]);
  const outside = observed.filter(
    object =>
      object.metadata.namespace !== undefined &&
      !namespaces.has(object.metadata.namespace),
  );
  const next =
    outside.length > 0 || !listsComplete
      ? outside
      : observed.filter(object => object.metadata.namespace === undefined);
  return removal(next.filter(object => !isTerminating(object)));
}

/**
 * What is left of an earlier tenant of the same name while it is torn down:
 * its Namespace still terminating, or its Volcano queue, which the teardown
 * asked Volcano to close. A tenant created again under that name waits
 * until they are gone instead of adopting them (Volcano would close the
 * adopted queue for good).
 */
function earlierIncarnation(
  tenant: DesiredTenant & { plan: PlannedObject[] },
  live: Map<string, ObservedObject>,
): { waiting: string; queues: ObservedObject[] } | undefined {
  const planned = tenant.plan
    .map(object => live.get(keyOf(object)))
    .filter((object): object is ObservedObject => object !== undefined);
  const namespace = planned.find(
    object => isNamespace(object) && isTerminating(object),
  );
  const queues = planned.filter(isMarkedForTeardown);
  if (!namespace && !queues.length) {
    return undefined;
  }
  const leftovers = [
    ...(namespace
      ? [`Namespace ${namespace.metadata.name} is still terminating`]
      : []),
    ...queues.map(
      queue => `Queue ${queue.metadata.name} is being closed and deleted`,
    ),
  ];
  return {
    waiting: `an earlier tenant of this name is being torn down: ${leftovers.join(
      '; ',
    )}; the tenant is created again once they are gone`,
    queues,
  };
}

function converge(
  tenant: DesiredTenant & { plan: PlannedObject[] },
  observed: ObservedObject[],
  failedKinds: ReadonlyMap<string, string>,
): TenantActions {
  const live = new Map(observed.map(object => [keyOf(object), object]));
  const planned = new Set(tenant.plan.map(object => keyOf(object)));
  const earlier = earlierIncarnation(tenant, live);
  if (earlier) {
    const queues = removal(earlier.queues.filter(q => !isTerminating(q)));
    return {
      tenant: tenant.name,
      apply: [],
      delete: queues.delete,
      mark: [],
      waiting: earlier.waiting,
    };
  }
  const apply = tenant.plan.filter(desired => {
    if (failedKinds.has(kindKeyOf(desired))) {
      // Unknown state: server-side apply is idempotent, so applying is safe.
      return true;
    }
    const current = live.get(keyOf(desired));
    return (
      !current || (!isTerminating(current) && !isApplied(desired, current))
    );
  });
  const prune = removal(
    observed.filter(
      object =>
        !planned.has(keyOf(object)) &&
        !isTerminating(object) &&
        !goesWithNamespace(object),
    ),
  );
  return {
    tenant: tenant.name,
    apply: [...apply, ...prune.apply],
    delete: prune.delete,
    mark: prune.mark,
    ...(prune.waiting ? { waiting: prune.waiting } : {}),
  };
}

/**
 * Compares what each tenant should have with what exists. Pure.
 *
 * - A tenant with a plan gets every planned object that is missing or
 *   differs applied (in plan order), and every object labelled for it that
 *   the plan no longer has deleted. In a steady state this is nothing.
 * - A deleting tenant, or one the caller does not know, is torn down
 *   ({@link teardown}).
 * - A tenant without a plan, or whose invalid plan is held, is left alone.
 */
export function diff(desired: DesiredTenant[], observation: Observation): Diff {
  const { byTenant, failedKinds } = observation;
  const known = new Set(desired.map(tenant => tenant.name));
  const listsComplete = failedKinds.size === 0;
  const tenants: TenantActions[] = desired.map(tenant => {
    const observed = byTenant.get(tenant.name) ?? [];
    if (tenant.deleting) {
      return { tenant: tenant.name, ...teardown(observed, listsComplete) };
    }
    if (!tenant.plan || tenant.hold) {
      return { tenant: tenant.name, apply: [], delete: [], mark: [] };
    }
    return converge({ ...tenant, plan: tenant.plan }, observed, failedKinds);
  });
  const orphans = [...byTenant.keys()].filter(name => !known.has(name)).sort();
  for (const name of orphans) {
    tenants.push({
      tenant: name,
      ...teardown(byTenant.get(name) ?? [], listsComplete),
    });
  }
  return { tenants, orphans };
}
