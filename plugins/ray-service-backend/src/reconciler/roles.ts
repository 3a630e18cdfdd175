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
  deliveryControllerOf,
  operatorReleaseName,
  vclusterReleaseName,
} from '../vocabulary';
import type { TenantConditionType } from './types';

/** The kinds whose objects are Helm releases (the rest of delivery is sources). */
export const RELEASE_KINDS: ReadonlySet<string> = new Set([
  'HelmRelease',
  'HelmChart',
]);

const BY_KIND: Record<string, TenantConditionType> = {
  Namespace: 'NamespaceReady',
  ResourceQuota: 'QuotaApplied',
  LimitRange: 'QuotaApplied',
  Queue: 'QueueReady',
  NetworkPolicy: 'NetworkPoliciesApplied',
};

interface Described {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
}

/**
 * The condition a tenant's object counts towards. Releases and their
 * sources (named like the release) by what they install: the vcluster is the
 * control plane, the namespace-scoped operator the operator, the rest add-ons.
 */
export function conditionTypeOf(
  tenant: string,
  object: Described,
): TenantConditionType | undefined {
  if (!deliveryControllerOf(object)) {
    return BY_KIND[object.kind];
  }
  switch (object.metadata.name) {
    case vclusterReleaseName(tenant):
      return 'ControlPlaneReady';
    case operatorReleaseName(tenant):
      return 'OperatorReady';
    default:
      return 'AddonsReady';
  }
}

export function isRelease(object: { kind: string }): boolean {
  return RELEASE_KINDS.has(object.kind);
}

/** vcluster isolation: the plan has the vcluster release. */
export function isVClusterPlan(tenant: string, plan: Described[]): boolean {
  return plan.some(
    object =>
      isRelease(object) &&
      conditionTypeOf(tenant, object) === 'ControlPlaneReady',
  );
}
