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

import { ComputeProfile } from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { Page, PageRequest } from '../lib/pagination';
import {
  booleanFromColumn,
  ColumnTimestamp,
  foldJoinedGroupRefs,
  groupRefsByOwner,
  insertBatched,
  insertUnique,
  isoFromColumn,
  RowLock,
  timestampColumn,
  withJoinedGroupRefs,
  withRowLock,
} from './columns';
import { keysetPage } from './keyset';
import { applyCriteria } from './criteria';
import { ProfileFilter } from './types';

const PROFILES = 'compute_profiles';
const VISIBILITY = 'compute_profile_visibility';

interface ProfileRow {
  name: string;
  published: boolean | number;
  spec: string;
  created_by: string;
  created_at: ColumnTimestamp;
  updated_at: ColumnTimestamp;
}

interface VisibilityRow {
  profile_name: string;
  group_ref: string;
}

type ProfileSpec = Pick<
  ComputeProfile,
  'displayName' | 'description' | 'resources' | 'partitioning' | 'allocation'
>;

const nameKeySchema = z.tuple([z.string()]);
type NameKey = z.infer<typeof nameKeySchema>;

/** `compute_profiles` and the groups each profile is visible to. */
export class ProfilesTable {
  constructor(private readonly db: Knex) {}

  /** The profile, unless missing or not let through by `filter`. */
  async get(
    name: string,
    filter?: ProfileFilter,
  ): Promise<ComputeProfile | undefined> {
    return (await this.getMany([name], filter))[0];
  }

  /**
   * The profile, its row locked until the transaction ends (see
   * {@link RowLock}): run it on a transaction's store.
   */
  async getLocked(
    name: string,
    lock: RowLock,
  ): Promise<ComputeProfile | undefined> {
    const rows: ProfileRow[] = await withRowLock(
      this.db(PROFILES).where({ name }),
      this.db,
      lock,
    );
    // Read after the lock is held: joined, PostgreSQL would return the
    // visibility rows as they were when the statement began.
    return (await this.withVisibility(rows))[0];
  }

  /** The profiles of these names that exist (and `filter` lets through), by name. */
  async getMany(
    names: string[],
    filter?: ProfileFilter,
  ): Promise<ComputeProfile[]> {
    const rows = await this.joined(this.filtered(filter))
      .whereIn(`${PROFILES}.name`, names)
      .orderBy(`${PROFILES}.name`);
    return fromJoinedRows(rows);
  }

  /** Every profile with a warm pool (that `filter` lets through), by name. */
  async listWarmPools(filter?: ProfileFilter): Promise<ComputeProfile[]> {
    const rows: ProfileRow[] = await this.filtered(filter).orderBy('name');
    const profiles = await this.withVisibility(rows);
    return profiles.filter(p => p.allocation.strategy === 'warmPool');
  }

  /** Ordered by name; `filter` restricts it (in SQL, so pages stay full). */
  async list(
    page: PageRequest,
    filter?: ProfileFilter,
  ): Promise<Page<ComputeProfile>> {
    return keysetPage({
      query: this.filtered(filter),
      page,
      keySchema: nameKeySchema,
      orderBy: ['name'],
      after: (query, [name]) => query.where('name', '>', name),
      toItems: (rows: ProfileRow[]) => this.withVisibility(rows),
      keyOf: (profile): NameKey => [profile.name],
    });
  }

  async insert(profile: ComputeProfile): Promise<void> {
    await insertUnique(
      () => this.db(PROFILES).insert(toRow(profile)),
      `profile "${profile.name}" already exists`,
    );
    await this.insertVisibility(profile);
  }

  async update(profile: ComputeProfile): Promise<void> {
    const { name, ...columns } = toRow(profile);
    await this.db(PROFILES).where({ name }).update(columns);
    await this.db(VISIBILITY).where({ profile_name: name }).delete();
    await this.insertVisibility(profile);
  }

  async delete(name: string): Promise<void> {
    await this.db(VISIBILITY).where({ profile_name: name }).delete();
    await this.db(PROFILES).where({ name }).delete();
  }

  private filtered(filter: ProfileFilter | undefined): Knex.QueryBuilder {
    return this.db(PROFILES).modify(query => {
      if (filter) {
        applyCriteria(query, filter, (where, leaf) => {
          if ('published' in leaf) {
            where.where(`${PROFILES}.published`, true);
          } else if ('names' in leaf) {
            where.whereIn(`${PROFILES}.name`, leaf.names);
          } else {
            this.visibleTo(where, leaf.visibleToGroups);
          }
        });
      }
    });
  }

  /** Visible to everyone (no visibility rows) or to one of the groups. */
  private visibleTo(query: Knex.QueryBuilder, groupRefs: string[]) {
    const visibilityOfRow = () =>
      this.db(VISIBILITY).where(
        `${VISIBILITY}.profile_name`,
        this.db.ref(`${PROFILES}.name`),
      );
    query
      .whereNotExists(visibilityOfRow())
      .orWhereExists(visibilityOfRow().whereIn('group_ref', groupRefs));
  }

  private async insertVisibility(profile: ComputeProfile) {
    await insertBatched(
      this.db,
      VISIBILITY,
      profile.visibleTo.map(group_ref => ({
        profile_name: profile.name,
        group_ref,
      })),
    );
  }

  /** `query` with each profile's visibility rows joined: one statement (see {@link fromJoinedRows}). */
  private joined(query: Knex.QueryBuilder): Knex.QueryBuilder {
    return withJoinedGroupRefs(query, PROFILES, VISIBILITY, {
      profile_name: 'name',
    });
  }

  /** The profiles of `rows`, with their visibility read in a second statement (pages: a join would cut them). */
  private async withVisibility(rows: ProfileRow[]): Promise<ComputeProfile[]> {
    const visibleTo = groupRefsByOwner(
      await this.db<VisibilityRow>(VISIBILITY).whereIn(
        'profile_name',
        rows.map(row => row.name),
      ),
      entry => entry.profile_name,
    );
    return rows.map(row => fromRow(row, visibleTo(row.name)));
  }
}

function toRow(profile: ComputeProfile): ProfileRow {
  const spec: ProfileSpec = {
    displayName: profile.displayName,
    description: profile.description,
    resources: profile.resources,
    partitioning: profile.partitioning,
    allocation: profile.allocation,
  };
  return {
    name: profile.name,
    published: profile.published,
    spec: JSON.stringify(spec),
    created_by: profile.createdBy,
    created_at: timestampColumn(profile.createdAt),
    updated_at: timestampColumn(profile.updatedAt),
  };
}

function fromJoinedRows(rows: ProfileRow[]): ComputeProfile[] {
  return foldJoinedGroupRefs(rows, row => row.name).map(({ row, groupRefs }) =>
    fromRow(row, groupRefs),
  );
}

function fromRow(row: ProfileRow, visibleTo: string[]): ComputeProfile {
  const spec: ProfileSpec = JSON.parse(row.spec);
  return {
    name: row.name,
    ...spec,
    published: booleanFromColumn(row.published),
    visibleTo,
    createdBy: row.created_by,
    createdAt: isoFromColumn(row.created_at),
    updatedAt: isoFromColumn(row.updated_at),
  };
}
