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

import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  TemplateVersionKey,
  TemplateVersionState,
  Tenant,
  TenantCondition,
  TenantPhase,
} from '@ray-service/plugin-ray-service-common';

/**
 * A tenant as stored: what its owners asked for (the desired state, whose
 * every change bumps `generation`) and what the reconcile loop last observed
 * (phase, conditions, `observedGeneration`).
 */
export interface StoredTenant
  extends Omit<Tenant, 'templateVersion' | 'provisioning'> {
  template: TemplateVersionKey;
  /** When the tenant first became Ready, once it has. */
  readyAt?: string;
  /** When a team claimed it from a warm pool, if it came from one. */
  claimedAt?: string;
}

/** Which standbys a claim may take. */
export interface PoolClaimable {
  pool: string;
  template: TemplateVersionKey;
  isolation: Tenant['isolation'];
  /** Only a standby on this host cluster, if given. */
  hostCluster?: string;
}

/** A tenant on a host cluster as placement counts it (not being deleted). */
export type PlacedTenant = Pick<StoredTenant, 'name' | 'namespace' | 'profile'>;

/** What claiming a pool standby asks: which one, and whose it becomes. */
export interface PoolClaim extends PoolClaimable {
  /** The claimed tenant's new name and owner. */
  name: string;
  owner: string;
  claimedBy: string;
  at: string;
}

/**
 * Restricts tenants, as permission conditions translate into it: the owner
 * is one of `owners` (knex turns an empty list into a condition never true).
 */
export type TenantFilter = PermissionCriteria<{ owners: string[] }>;

/**
 * Restricts profiles, as permission conditions translate into it:
 * published; visible to every group or to one of `visibleToGroups` (the
 * caller's groups with their ancestors); named.
 */
export type ProfileFilter = PermissionCriteria<
  { published: true } | { visibleToGroups: string[] } | { names: string[] }
>;

/**
 * Restricts template versions, as permission conditions translate into it:
 * in one of `states`; shared with one of `sharedWithGroups` (the caller's
 * groups with their ancestors); of a named template.
 */
export type TemplateVersionFilter = PermissionCriteria<
  | { states: TemplateVersionState[] }
  | { sharedWithGroups: string[] }
  | { names: string[] }
>;

/** A change of a tenant's desired state; the store bumps the generation. */
export interface TenantSpecChange {
  /** Upgrades move the tenant to another version. */
  template?: TemplateVersionKey;
  /** Deletion requests set it. */
  deletionRequestedAt?: string;
  phase: TenantPhase;
  updatedAt: string;
}

/** What a reconcile pass observed for one generation of a tenant. */
export interface TenantStatusUpdate {
  phase: TenantPhase;
  conditions: TenantCondition[];
  observedGeneration: number;
  updatedAt: string;
}
