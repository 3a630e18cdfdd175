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

import type {
  ConditionStatus,
  TenantCondition,
  TenantConditionType,
  TenantPhase,
} from '@ray-service/plugin-ray-service-common';
import type { PlannedObject } from '../planner/types';

export type {
  ConditionStatus,
  TenantCondition,
  TenantConditionType,
  TenantPhase,
};

export interface TenantStatus {
  phase: TenantPhase;
  conditions: TenantCondition[];
  /** The tenant generation whose plan was last applied completely. */
  observedGeneration?: number;
}

/** A tenant as the reconciler of its host cluster should make it. */
export interface DesiredTenant {
  name: string;
  /** Bumped by the caller whenever what the tenant asks for changes. */
  generation: number;
  deleting: boolean;
  /**
   * The planner's objects in apply order; undefined when no plan can be made
   * right now (the tenant's objects are then left alone).
   */
  plan: PlannedObject[] | undefined;
  /** The status the last pass returned (kept by the caller). */
  status?: TenantStatus;
  /**
   * Write nothing for the tenant and report its previous status: the API
   * server refused its plan as invalid and the plan has not changed since,
   * so trying again cannot help (the caller holds such plans).
   */
  hold?: boolean;
}

export interface TenantOutcome {
  name: string;
  status: TenantStatus;
  /** Nothing left to do: Ready and in sync, or gone. */
  converged: boolean;
  /** A deleting tenant has no objects left: the caller may drop it. */
  gone?: boolean;
}

export interface ReconcileStats {
  lists: number;
  applies: number;
  deletes: number;
  gets: number;
  /** Discovery requests (group versions asked; cached, so 0 in a steady state). */
  discoveries: number;
  durationMs: number;
}

export interface ReconcileResult {
  tenants: TenantOutcome[];
  /** Tenants unknown to the caller that still have objects (being deleted). */
  orphans: string[];
  stats: ReconcileStats;
}
