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

import { Knex } from 'knex';
import { AuditLogTable } from './AuditLogTable';
import { isPostgres } from './columns';
import { HostClusterFactsTable } from './HostClusterFactsTable';
import { JobHistoryTable } from './JobHistoryTable';
import { PoolsTable } from './PoolsTable';
import { ProfilesTable } from './ProfilesTable';
import { TemplateVersionsTable } from './TemplateVersionsTable';
import { TenantsTable } from './TenantsTable';

export type * from './types';
export type { PoolEvent, PoolEventSummary, PoolStatus } from './PoolsTable';

/**
 * Where the plugin's domain state lives, on its database (SQLite or
 * PostgreSQL): one object per table. Changes and the audit entries that
 * record them run in one `transaction`, whose `tx` has the same tables bound
 * to the transaction.
 */
export class RayServiceStore {
  readonly profiles: ProfilesTable;
  readonly templateVersions: TemplateVersionsTable;
  readonly hostClusterFacts: HostClusterFactsTable;
  readonly auditLog: AuditLogTable;
  readonly tenants: TenantsTable;
  readonly jobHistory: JobHistoryTable;
  readonly pools: PoolsTable;

  /** @param db - a migrated database (see `migrateDatabase`) or a transaction on it */
  constructor(private readonly db: Knex) {
    this.profiles = new ProfilesTable(db);
    this.templateVersions = new TemplateVersionsTable(db);
    this.hostClusterFacts = new HostClusterFactsTable(db);
    this.auditLog = new AuditLogTable(db);
    this.tenants = new TenantsTable(db);
    this.jobHistory = new JobHistoryTable(db);
    this.pools = new PoolsTable(db);
  }

  /**
   * Holds the host cluster until the transaction ends, for placement:
   * creates of every backend replica that confirm capacity on the cluster
   * and insert a tenant there run one at a time. A PostgreSQL advisory
   * transaction lock; SQLite runs one transaction at a time anyway.
   * Call it on a transaction's store.
   */
  async lockHostCluster(name: string): Promise<void> {
    if (isPostgres(this.db)) {
      await this.db.raw(
        `select pg_advisory_xact_lock(hashtext('ray-service.placement'), hashtext(?))`,
        [name],
      );
    }
  }

  /** Runs `fn` in a transaction; everything `fn` does with `tx` commits or rolls back together. */
  transaction<T>(fn: (tx: RayServiceStore) => Promise<T>): Promise<T> {
    return this.db.transaction(trx => fn(new RayServiceStore(trx)));
  }
}
