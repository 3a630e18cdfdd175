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
  AuditEntry,
  ComputeProfile,
  HostClusterFacts,
  TemplateVersion,
  TemplateVersionKey,
  TemplateVersionState,
} from '@ray-service/plugin-ray-service-common';
import { Page, PageRequest } from '../pagination';

/** An audit entry before the store gives it an id. */
export type NewAuditEntry = Omit<AuditEntry, 'id'>;

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

  appendAuditEntry(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first. */
  listAuditEntries(page: PageRequest): Promise<Page<AuditEntry>>;

  countTenantsUsingProfile(name: string): Promise<number>;
  countTenantsUsingTemplateVersion(key: TemplateVersionKey): Promise<number>;
}
