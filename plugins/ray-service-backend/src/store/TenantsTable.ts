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
  IsolationMode,
  TemplateVersionKey,
  TenantCondition,
  TenantPhase,
} from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { Page, PageRequest } from '../lib/pagination';
import {
  ColumnTimestamp,
  countFromRow,
  insertUnique,
  isoFromColumn,
  timestampColumn,
} from './columns';
import { TENANT_NAMESPACE_PREFIX } from '../vocabulary';
import { applyCriteria } from './criteria';
import { keysetPage } from './keyset';
import {
  PlacedTenant,
  PoolClaim,
  PoolClaimable,
  StoredTenant,
  TenantFilter,
  TenantSpecChange,
  TenantStatusUpdate,
} from './types';

const TENANTS = 'tenants';

interface TenantRow {
  name: string;
  owner: string;
  profile: string;
  template_name: string;
  template_version: string;
  host_cluster: string;
  isolation: IsolationMode;
  phase: TenantPhase;
  spec: string;
  status: string;
  generation: number;
  observed_generation: number;
  created_by: string;
  created_at: ColumnTimestamp;
  updated_at: ColumnTimestamp;
  deletion_requested_at: ColumnTimestamp | null;
  /** Null only in rows written before namespaces had a column. */
  namespace: string | null;
  pool: string | null;
  ready_at: ColumnTimestamp | null;
  claimed_at: ColumnTimestamp | null;
}

/** The JSON of the `status` column. */
interface StatusColumn {
  conditions: TenantCondition[];
}

const nameKeySchema = z.tuple([z.string()]);
type NameKey = z.infer<typeof nameKeySchema>;

/** `tenants`: desired state, observed status, and who uses what. */
export class TenantsTable {
  constructor(private readonly db: Knex) {}

  private filtered(filter: TenantFilter | undefined) {
    return this.db<TenantRow>(TENANTS).modify(query => {
      if (filter) {
        applyCriteria(query, filter, (where, leaf) =>
          where.whereIn(`${TENANTS}.owner`, leaf.owners),
        );
      }
    });
  }

  /** The tenant, unless missing or not let through by `filter`. */
  async get(
    name: string,
    filter?: TenantFilter,
  ): Promise<StoredTenant | undefined> {
    const row = await this.filtered(filter)
      .where(`${TENANTS}.name`, name)
      .first();
    return row ? fromRow(row) : undefined;
  }

  async getMany(names: string[]): Promise<StoredTenant[]> {
    if (names.length === 0) {
      return [];
    }
    const rows: TenantRow[] = await this.db(TENANTS).whereIn('name', names);
    return rows.map(fromRow);
  }

  /**
   * Ordered by name; `filter` restricts it, and `owner` to one group's (in
   * SQL, so pages stay full). Unclaimed warm-pool standbys are not listed
   * (see {@link listPool}).
   */
  async list(
    page: PageRequest,
    filter?: TenantFilter,
    owner?: string,
  ): Promise<Page<StoredTenant>> {
    return keysetPage({
      query: this.filtered(filter)
        .whereNull('pool')
        .modify(query => {
          if (owner) {
            query.where(`${TENANTS}.owner`, owner);
          }
        }),
      page,
      keySchema: nameKeySchema,
      orderBy: ['name'],
      after: (query, [name]) => query.where('name', '>', name),
      toItems: (rows: TenantRow[]) => rows.map(fromRow),
      keyOf: (tenant): NameKey => [tenant.name],
    });
  }

  async listOnHostCluster(hostCluster: string): Promise<StoredTenant[]> {
    const rows: TenantRow[] = await this.db(TENANTS)
      .where({ host_cluster: hostCluster })
      .orderBy('name');
    return rows.map(fromRow);
  }

  /** The tenants on a host cluster that are not being deleted, by name; only what placement counts. */
  async placedOn(hostCluster: string): Promise<PlacedTenant[]> {
    const rows: Array<Pick<TenantRow, 'name' | 'namespace' | 'profile'>> =
      await this.db(TENANTS)
        .select('name', 'namespace', 'profile')
        .where({ host_cluster: hostCluster })
        .whereNull('deletion_requested_at')
        .orderBy('name');
    return rows.map(row => ({
      name: row.name,
      profile: row.profile,
      namespace: namespaceOf(row),
    }));
  }

  async insert(tenant: StoredTenant): Promise<void> {
    await insertUnique(
      () => this.db(TENANTS).insert(toRow(tenant)),
      `tenant "${tenant.name}" already exists`,
    );
  }

  /** The unclaimed standbys of a warm pool, deleting ones included, oldest first. */
  async listPool(pool: string): Promise<StoredTenant[]> {
    const rows: TenantRow[] = await this.db(TENANTS)
      .where({ pool })
      .orderBy([{ column: 'created_at' }, { column: 'name' }]);
    return rows.map(fromRow);
  }

  /** The pools that have standbys (deleting ones included). */
  async listPoolNames(): Promise<string[]> {
    const rows: Array<{ pool: string }> = await this.db(TENANTS)
      .distinct('pool')
      .whereNotNull('pool');
    return rows.map(row => row.pool).sort();
  }

  /**
   * Requests the deletion of a standby, unless it has been claimed (or is
   * being deleted) meanwhile: a claimed tenant is never removed this way.
   *
   * @returns whether the standby is now being deleted
   */
  async releaseStandby(
    name: string,
    pool: string,
    at: string,
  ): Promise<boolean> {
    const updated = await this.db(TENANTS)
      .where({ name, pool })
      .whereNull('deletion_requested_at')
      .update({
        deletion_requested_at: timestampColumn(at),
        phase: 'Deleting',
        generation: this.db.raw('generation + 1'),
        updated_at: timestampColumn(at),
      });
    return updated > 0;
  }

  /** How many Ready standbys each pool has for a template version and isolation. */
  async countReadyInPools(): Promise<
    Array<{ pool: string; template: string; isolation: string; count: number }>
  > {
    const rows: Array<
      Pick<TenantRow, 'template_name' | 'template_version' | 'isolation'> & {
        pool: string;
        count: string | number;
      }
    > = await this.db(TENANTS)
      .select('pool', 'template_name', 'template_version', 'isolation')
      .count({ count: '*' })
      .whereNotNull('pool')
      .where({ phase: 'Ready' })
      .whereNull('deletion_requested_at')
      .groupBy('pool', 'template_name', 'template_version', 'isolation');
    return rows.map(row => ({
      pool: row.pool,
      template: `${row.template_name}@${row.template_version}`,
      isolation: row.isolation,
      count: countFromRow(row),
    }));
  }

  /**
   * Takes one Ready standby of a pool for a team in one statement: renamed,
   * owned by the team, out of the pool, its generation bumped (its objects
   * get the new owner). The oldest standby goes first. Atomic in the
   * database: on PostgreSQL the candidate row is locked and rows other
   * claims hold are skipped (`FOR UPDATE SKIP LOCKED`); SQLite runs one
   * write at a time, and the update only takes a row still in the pool. So
   * two claims never get the same standby, also across backend replicas.
   *
   * @returns the claimed tenant, or undefined when no standby is ready
   * @throws ConflictError when the new name is taken
   */
  async claim(claim: PoolClaim): Promise<StoredTenant | undefined> {
    const candidate = this.claimable(claim)
      .select('name')
      .modify(query => {
        if (isPostgres(this.db)) {
          query.forUpdate().skipLocked();
        }
      });
    const [row]: TenantRow[] = await insertUnique(
      () =>
        this.db(TENANTS)
          .where('name', candidate)
          .where(inPool(claim))
          .update(
            {
              name: claim.name,
              owner: claim.owner,
              pool: null,
              created_by: claim.claimedBy,
              claimed_at: timestampColumn(claim.at),
              generation: this.db.raw('generation + 1'),
              updated_at: timestampColumn(claim.at),
            },
            '*',
          ),
      `tenant "${claim.name}" already exists`,
    );
    return row && fromRow(row);
  }

  /** The standby a claim would take now, without taking it (dry runs). */
  async nextClaimable(
    claimable: PoolClaimable,
  ): Promise<StoredTenant | undefined> {
    const row: TenantRow | undefined = await this.claimable(claimable).first();
    return row && fromRow(row);
  }

  /** How many Ready standbys a claim may take now. */
  async countClaimable(claimable: PoolClaimable): Promise<number> {
    return countFromRow(
      await this.standbys(claimable).count({ count: '*' }).first(),
    );
  }

  /** The Ready standby a claim takes first: the oldest. */
  private claimable(claimable: PoolClaimable) {
    return this.standbys(claimable)
      .orderBy([{ column: 'created_at' }, { column: 'name' }])
      .limit(1);
  }

  /** Ready standbys a claim may take. */
  private standbys(claimable: PoolClaimable) {
    return this.db(TENANTS)
      .where(inPool(claimable))
      .whereNull('deletion_requested_at')
      .modify(query => {
        if (claimable.hostCluster) {
          query.where({ host_cluster: claimable.hostCluster });
        }
      });
  }

  /**
   * Records when the tenant first became Ready.
   *
   * @returns whether this call recorded it (false when it was already)
   */
  async markReady(name: string, at: string): Promise<boolean> {
    const updated = await this.db(TENANTS)
      .where({ name, phase: 'Ready' })
      .whereNull('ready_at')
      .update({ ready_at: timestampColumn(at) });
    return updated > 0;
  }

  async changeSpec(
    name: string,
    change: TenantSpecChange,
  ): Promise<StoredTenant | undefined> {
    const updated = await this.db(TENANTS)
      .where({ name })
      .update({
        ...(change.template && {
          template_name: change.template.name,
          template_version: change.template.version,
        }),
        ...(change.deletionRequestedAt && {
          deletion_requested_at: timestampColumn(change.deletionRequestedAt),
        }),
        phase: change.phase,
        generation: this.db.raw('generation + 1'),
        updated_at: timestampColumn(change.updatedAt),
      });
    return updated ? this.get(name) : undefined;
  }

  async updateStatus(
    name: string,
    generation: number,
    status: TenantStatusUpdate,
  ): Promise<boolean> {
    const statusColumn: StatusColumn = { conditions: status.conditions };
    const updated = await this.db(TENANTS)
      .where({ name, generation })
      .update({
        phase: status.phase,
        status: JSON.stringify(statusColumn),
        observed_generation: status.observedGeneration,
        updated_at: timestampColumn(status.updatedAt),
      });
    return updated > 0;
  }

  async delete(name: string, generation: number): Promise<boolean> {
    const deleted = await this.db(TENANTS)
      .where({ name, generation })
      .whereNotNull('deletion_requested_at')
      .delete();
    return deleted > 0;
  }

  async countUsingProfile(profile: string): Promise<number> {
    return countFromRow(
      await this.db(TENANTS).where({ profile }).count({ count: '*' }).first(),
    );
  }

  async countUsingTemplateVersion(key: TemplateVersionKey): Promise<number> {
    return countFromRow(
      await this.db(TENANTS)
        .where({ template_name: key.name, template_version: key.version })
        .count({ count: '*' })
        .first(),
    );
  }
}

function toRow(tenant: StoredTenant): TenantRow {
  const status: StatusColumn = { conditions: tenant.conditions };
  return {
    name: tenant.name,
    owner: tenant.owner,
    profile: tenant.profile,
    template_name: tenant.template.name,
    template_version: tenant.template.version,
    host_cluster: tenant.hostCluster,
    isolation: tenant.isolation,
    phase: tenant.phase,
    // Everything the tenant asks for has a column of its own.
    spec: JSON.stringify({}),
    status: JSON.stringify(status),
    generation: tenant.generation,
    observed_generation: tenant.observedGeneration,
    created_by: tenant.createdBy,
    created_at: timestampColumn(tenant.createdAt),
    updated_at: timestampColumn(tenant.updatedAt),
    deletion_requested_at: tenant.deletionRequestedAt
      ? timestampColumn(tenant.deletionRequestedAt)
      : null,
    namespace: tenant.namespace,
    pool: tenant.pool ?? null,
    ready_at: tenant.readyAt ? timestampColumn(tenant.readyAt) : null,
    claimed_at: tenant.claimedAt ? timestampColumn(tenant.claimedAt) : null,
  };
}

function isPostgres(db: Knex): boolean {
  return db.client.config.client === 'pg';
}

/** A row without a namespace has the one its name gives. */
function namespaceOf(row: Pick<TenantRow, 'name' | 'namespace'>): string {
  return row.namespace ?? `${TENANT_NAMESPACE_PREFIX}${row.name}`;
}

function fromRow(row: TenantRow): StoredTenant {
  const status: Partial<StatusColumn> = JSON.parse(row.status);
  return {
    name: row.name,
    owner: row.owner,
    profile: row.profile,
    template: { name: row.template_name, version: row.template_version },
    hostCluster: row.host_cluster,
    isolation: row.isolation,
    phase: row.phase,
    conditions: status.conditions ?? [],
    generation: Number(row.generation),
    observedGeneration: Number(row.observed_generation),
    createdBy: row.created_by,
    createdAt: isoFromColumn(row.created_at),
    updatedAt: isoFromColumn(row.updated_at),
    namespace: namespaceOf(row),
    ...(row.deletion_requested_at !== null && {
      deletionRequestedAt: isoFromColumn(row.deletion_requested_at),
    }),
    ...(row.pool !== null && { pool: row.pool }),
    ...(row.ready_at !== null && { readyAt: isoFromColumn(row.ready_at) }),
    ...(row.claimed_at !== null && {
      claimedAt: isoFromColumn(row.claimed_at),
    }),
  };
}

/** The columns of a Ready standby that a claim may take. */
function inPool(claimable: PoolClaimable) {
  return {
    pool: claimable.pool,
    phase: 'Ready',
    template_name: claimable.template.name,
    template_version: claimable.template.version,
    isolation: claimable.isolation,
  };
}
