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
  ComputeProfile,
  HostClusterFacts,
  TemplateVersion,
  TemplateVersionKey,
  TemplateVersionState,
  Tenant,
  TenantCondition,
  TenantPhase,
} from '@ray-service/plugin-ray-service-common';
import { RecordedAuditEntry } from '../auditActions';
import { Page, PageRequest } from '../lib/pagination';

/** An audit entry before the store gives it an id. */
export type NewAuditEntry = Omit<RecordedAuditEntry, 'id'>;

/**
 * A tenant as stored: what its owners asked for (the desired state, whose
 * every change bumps `generation`) and what the reconcile loop last observed
 * (phase, conditions, `observedGeneration`).
 */
export interface StoredTenant
  extends Omit<Tenant, 'templateVersion' | 'namespace'> {
  template: TemplateVersionKey;
}

/** A query fragment of tenant permission rules: the owner is one of `owners`. */
export interface TenantOwnerQuery {
  owners: string[];
}

/** Restricts tenant lists, as permission conditions translate into it. */
export type TenantFilter = PermissionCriteria<TenantOwnerQuery>;

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

/**
 * Restricts a list to what a plain user sees; the groups are theirs plus all
 * ancestors. Mirrors `isProfileVisibleTo` and `isTemplateVersionVisibleTo`
 * from common, in SQL so that pages stay full.
 */
export interface AudienceFilter {
  groupRefs: string[];
}

/**
 * Where the plugin's domain state lives. Changes and the audit entries that
 * record them run in one `transaction`.
 */
export interface RayServiceStore {
  /** Runs `fn` in a transaction; everything `fn` does with `tx` commits or rolls back together. */
  transaction<T>(fn: (tx: RayServiceStore) => Promise<T>): Promise<T>;

  getProfile(name: string): Promise<ComputeProfile | undefined>;
  /** Ordered by name. */
  listProfiles(
    page: PageRequest,
    audience?: AudienceFilter,
  ): Promise<Page<ComputeProfile>>;
  /** @throws ConflictError when the name is taken. */
  insertProfile(profile: ComputeProfile): Promise<void>;
  updateProfile(profile: ComputeProfile): Promise<void>;
  deleteProfile(name: string): Promise<void>;

  getTemplateVersion(
    key: TemplateVersionKey,
  ): Promise<TemplateVersion | undefined>;
  /** Ordered by name, then version by semver precedence. */
  listTemplateVersions(
    page: PageRequest,
    audience?: AudienceFilter,
  ): Promise<Page<TemplateVersion>>;
  /** @throws ConflictError when name@version exists. */
  insertTemplateVersion(version: TemplateVersion): Promise<void>;
  updateTemplateVersionState(
    key: TemplateVersionKey,
    state: TemplateVersionState,
    updatedAt: string,
  ): Promise<void>;
  updateTemplateVersionSharing(
    key: TemplateVersionKey,
    sharedWith: string[],
    updatedAt: string,
  ): Promise<void>;
  deleteTemplateVersion(key: TemplateVersionKey): Promise<void>;

  getHostClusterFacts(name: string): Promise<HostClusterFacts | undefined>;
  /** The facts of every host cluster that has some, by name. */
  listHostClusterFacts(): Promise<Map<string, HostClusterFacts>>;
  upsertHostClusterFacts(
    name: string,
    facts: HostClusterFacts,
    change: { updatedBy: string; updatedAt: string },
  ): Promise<void>;

  appendAuditEntry(entry: NewAuditEntry): Promise<RecordedAuditEntry>;
  /** Newest first. */
  listAuditEntries(page: PageRequest): Promise<Page<RecordedAuditEntry>>;

  getTenant(name: string): Promise<StoredTenant | undefined>;
  /** The tenants of these names that exist, in no particular order. */
  getTenants(names: string[]): Promise<StoredTenant[]>;
  /** Ordered by name; `filter` restricts it (in SQL, so pages stay full). */
  listTenants(
    page: PageRequest,
    filter?: TenantFilter,
  ): Promise<Page<StoredTenant>>;
  /** Every tenant of a host cluster, deleting ones included, by name. */
  listTenantsOnHostCluster(hostCluster: string): Promise<StoredTenant[]>;
  /** @throws ConflictError when the name is taken (also by a concurrent insert). */
  insertTenant(tenant: StoredTenant): Promise<void>;
  /** Applies a desired-state change and bumps the generation; undefined when missing. */
  changeTenantSpec(
    name: string,
    change: TenantSpecChange,
  ): Promise<StoredTenant | undefined>;
  /**
   * Records a pass's observation, unless the tenant moved on to another
   * generation meanwhile. Resolves with whether it was written.
   */
  updateTenantStatus(
    name: string,
    generation: number,
    status: TenantStatusUpdate,
  ): Promise<boolean>;
  /**
   * Removes a tenant whose deletion was requested, unless it moved on to
   * another generation meanwhile. Resolves with whether it was removed.
   */
  deleteTenant(name: string, generation: number): Promise<boolean>;

  countTenantsUsingProfile(name: string): Promise<number>;
  countTenantsUsingTemplateVersion(key: TemplateVersionKey): Promise<number>;
}
