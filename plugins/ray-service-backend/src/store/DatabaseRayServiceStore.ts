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
  ComputeProfile,
  HostClusterFacts,
  TemplateVersion,
  TemplateVersionKey,
  TemplateVersionState,
} from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { RecordedAuditEntry } from '../auditActions';
import { Page, PageRequest } from '../lib/pagination';
import { AuditLogTable } from './AuditLogTable';
import { HostClusterFactsTable } from './HostClusterFactsTable';
import { ProfilesTable } from './ProfilesTable';
import {
  AudienceFilter,
  NewAuditEntry,
  RayServiceStore,
  StoredTenant,
  TenantFilter,
  TenantSpecChange,
  TenantStatusUpdate,
} from './RayServiceStore';
import { TemplateVersionsTable } from './TemplateVersionsTable';
import { TenantsTable } from './TenantsTable';

/** The store on the plugin's database (SQLite or PostgreSQL), one class per table. */
export class DatabaseRayServiceStore implements RayServiceStore {
  private readonly profiles: ProfilesTable;
  private readonly templateVersions: TemplateVersionsTable;
  private readonly hostClusterFacts: HostClusterFactsTable;
  private readonly auditLog: AuditLogTable;
  private readonly tenants: TenantsTable;

  /** @param db - a migrated database (see `migrateDatabase`) or a transaction on it */
  constructor(private readonly db: Knex) {
    this.profiles = new ProfilesTable(db);
    this.templateVersions = new TemplateVersionsTable(db);
    this.hostClusterFacts = new HostClusterFactsTable(db);
    this.auditLog = new AuditLogTable(db);
    this.tenants = new TenantsTable(db);
  }

  transaction<T>(fn: (tx: RayServiceStore) => Promise<T>): Promise<T> {
    return this.db.transaction(trx => fn(new DatabaseRayServiceStore(trx)));
  }

  getProfile(name: string): Promise<ComputeProfile | undefined> {
    return this.profiles.get(name);
  }

  listProfiles(
    page: PageRequest,
    audience?: AudienceFilter,
  ): Promise<Page<ComputeProfile>> {
    return this.profiles.list(page, audience);
  }

  insertProfile(profile: ComputeProfile): Promise<void> {
    return this.profiles.insert(profile);
  }

  updateProfile(profile: ComputeProfile): Promise<void> {
    return this.profiles.update(profile);
  }

  deleteProfile(name: string): Promise<void> {
    return this.profiles.delete(name);
  }

  getTemplateVersion(
    key: TemplateVersionKey,
  ): Promise<TemplateVersion | undefined> {
    return this.templateVersions.get(key);
  }

  listTemplateVersions(
    page: PageRequest,
    audience?: AudienceFilter,
  ): Promise<Page<TemplateVersion>> {
    return this.templateVersions.list(page, audience);
  }

  insertTemplateVersion(version: TemplateVersion): Promise<void> {
    return this.templateVersions.insert(version);
  }

  updateTemplateVersionState(
    key: TemplateVersionKey,
    state: TemplateVersionState,
    updatedAt: string,
  ): Promise<void> {
    return this.templateVersions.updateState(key, state, updatedAt);
  }

  updateTemplateVersionSharing(
    key: TemplateVersionKey,
    sharedWith: string[],
    updatedAt: string,
  ): Promise<void> {
    return this.templateVersions.updateSharing(key, sharedWith, updatedAt);
  }

  deleteTemplateVersion(key: TemplateVersionKey): Promise<void> {
    return this.templateVersions.delete(key);
  }

  getHostClusterFacts(name: string): Promise<HostClusterFacts | undefined> {
    return this.hostClusterFacts.get(name);
  }

  listHostClusterFacts(): Promise<Map<string, HostClusterFacts>> {
    return this.hostClusterFacts.list();
  }

  upsertHostClusterFacts(
    name: string,
    facts: HostClusterFacts,
    change: { updatedBy: string; updatedAt: string },
  ): Promise<void> {
    return this.hostClusterFacts.upsert(name, facts, change);
  }

  appendAuditEntry(entry: NewAuditEntry): Promise<RecordedAuditEntry> {
    return this.auditLog.append(entry);
  }

  listAuditEntries(page: PageRequest): Promise<Page<RecordedAuditEntry>> {
    return this.auditLog.list(page);
  }

  getTenant(name: string): Promise<StoredTenant | undefined> {
    return this.tenants.get(name);
  }

  getTenants(names: string[]): Promise<StoredTenant[]> {
    return this.tenants.getMany(names);
  }

  listTenants(
    page: PageRequest,
    filter?: TenantFilter,
  ): Promise<Page<StoredTenant>> {
    return this.tenants.list(page, filter);
  }

  listTenantsOnHostCluster(hostCluster: string): Promise<StoredTenant[]> {
    return this.tenants.listOnHostCluster(hostCluster);
  }

  insertTenant(tenant: StoredTenant): Promise<void> {
    return this.tenants.insert(tenant);
  }

  changeTenantSpec(
    name: string,
    change: TenantSpecChange,
  ): Promise<StoredTenant | undefined> {
    return this.tenants.changeSpec(name, change);
  }

  updateTenantStatus(
    name: string,
    generation: number,
    status: TenantStatusUpdate,
  ): Promise<boolean> {
    return this.tenants.updateStatus(name, generation, status);
  }

  deleteTenant(name: string, generation: number): Promise<boolean> {
    return this.tenants.delete(name, generation);
  }

  countTenantsUsingProfile(name: string): Promise<number> {
    return this.tenants.countUsingProfile(name);
  }

  countTenantsUsingTemplateVersion(key: TemplateVersionKey): Promise<number> {
    return this.tenants.countUsingTemplateVersion(key);
  }
}
