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
  TemplateVersion,
  TemplateVersionKey,
  TemplateVersionState,
  templateVersionRef,
} from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { Page, PageRequest } from '../lib/pagination';
import {
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
import { TemplateVersionFilter } from './types';
import { versionSortKey } from './versionKey';

const VERSIONS = 'template_versions';
const SHARING = 'template_version_sharing';

interface TemplateVersionRow {
  name: string;
  version: string;
  version_key: string;
  state: TemplateVersionState;
  spec: string;
  created_by: string;
  created_at: ColumnTimestamp;
  updated_at: ColumnTimestamp;
}

interface SharingRow {
  template_name: string;
  template_version: string;
  group_ref: string;
}

type TemplateVersionSpec = Pick<
  TemplateVersion,
  | 'kuberayVersion'
  | 'rayVersion'
  | 'vclusterChartVersion'
  | 'isolationModes'
  | 'addons'
  | 'security'
  | 'changelog'
>;

// name, version_key, version: the list order, unique thanks to the version.
const orderKeySchema = z.tuple([z.string(), z.string(), z.string()]);
type OrderKey = z.infer<typeof orderKeySchema>;

/** `template_versions` and the groups each version is shared with. */
export class TemplateVersionsTable {
  constructor(private readonly db: Knex) {}

  /** The version, unless missing or not let through by `filter`. */
  async get(
    key: TemplateVersionKey,
    filter?: TemplateVersionFilter,
  ): Promise<TemplateVersion | undefined> {
    const rows = await this.joined(this.filtered(filter)).where(
      qualified(primaryKey(key)),
    );
    return fromJoinedRows(rows)[0];
  }

  /**
   * The version, its row locked until the transaction ends (see
   * {@link RowLock}): run it on a transaction's store.
   */
  async getLocked(
    key: TemplateVersionKey,
    lock: RowLock,
  ): Promise<TemplateVersion | undefined> {
    const rows: TemplateVersionRow[] = await withRowLock(
      this.db(VERSIONS).where(primaryKey(key)),
      this.db,
      lock,
    );
    // Read after the lock is held: joined, PostgreSQL would return the
    // sharing rows as they were when the statement began.
    return (await this.withSharing(rows))[0];
  }

  /** The versions of these keys that exist, in no particular order. */
  async getMany(keys: TemplateVersionKey[]): Promise<TemplateVersion[]> {
    if (keys.length === 0) {
      return [];
    }
    const rows: TemplateVersionRow[] = await this.db(VERSIONS).where(query => {
      for (const key of keys) {
        query.orWhere(primaryKey(key));
      }
    });
    return this.withSharing(rows);
  }

  /**
   * Ordered by name, then version by semver precedence; `filter` restricts
   * it (in SQL, so pages stay full).
   */
  async list(
    page: PageRequest,
    filter?: TemplateVersionFilter,
  ): Promise<Page<TemplateVersion>> {
    return keysetPage({
      query: this.filtered(filter),
      page,
      keySchema: orderKeySchema,
      orderBy: ['name', 'version_key', 'version'],
      after: (query, [name, versionKey, version]) =>
        query.where(later =>
          later
            .where('name', '>', name)
            .orWhere(sameName =>
              sameName
                .where('name', name)
                .andWhere(laterVersion =>
                  laterVersion
                    .where('version_key', '>', versionKey)
                    .orWhere(sameKey =>
                      sameKey
                        .where('version_key', versionKey)
                        .andWhere('version', '>', version),
                    ),
                ),
            ),
        ),
      toItems: (rows: TemplateVersionRow[]) => this.withSharing(rows),
      keyOf: (version): OrderKey => [
        version.name,
        versionSortKey(version.version),
        version.version,
      ],
    });
  }

  async insert(version: TemplateVersion): Promise<void> {
    const spec: TemplateVersionSpec = {
      kuberayVersion: version.kuberayVersion,
      rayVersion: version.rayVersion,
      vclusterChartVersion: version.vclusterChartVersion,
      isolationModes: version.isolationModes,
      addons: version.addons,
      security: version.security,
      changelog: version.changelog,
    };
    await insertUnique(
      () =>
        this.db<TemplateVersionRow>(VERSIONS).insert({
          name: version.name,
          version: version.version,
          version_key: versionSortKey(version.version),
          state: version.state,
          spec: JSON.stringify(spec),
          created_by: version.createdBy,
          created_at: timestampColumn(version.createdAt),
          updated_at: timestampColumn(version.updatedAt),
        }),
      `template version ${templateVersionRef(
        version.name,
        version.version,
      )} already exists`,
    );
    await this.insertSharing(version, version.sharedWith);
  }

  async updateState(
    key: TemplateVersionKey,
    state: TemplateVersionState,
    updatedAt: string,
  ): Promise<void> {
    await this.db(VERSIONS)
      .where(primaryKey(key))
      .update({ state, updated_at: timestampColumn(updatedAt) });
  }

  async updateSharing(
    key: TemplateVersionKey,
    sharedWith: string[],
    updatedAt: string,
  ): Promise<void> {
    await this.db(VERSIONS)
      .where(primaryKey(key))
      .update({ updated_at: timestampColumn(updatedAt) });
    await this.db(SHARING).where(sharingKey(key)).delete();
    await this.insertSharing(key, sharedWith);
  }

  async delete(key: TemplateVersionKey): Promise<void> {
    await this.db(SHARING).where(sharingKey(key)).delete();
    await this.db(VERSIONS).where(primaryKey(key)).delete();
  }

  private filtered(filter: TemplateVersionFilter | undefined) {
    return this.db<TemplateVersionRow>(VERSIONS).modify(query => {
      if (filter) {
        applyCriteria(query, filter, (where, leaf) => {
          if ('states' in leaf) {
            where.whereIn(`${VERSIONS}.state`, leaf.states);
          } else if ('names' in leaf) {
            where.whereIn(`${VERSIONS}.name`, leaf.names);
          } else {
            this.sharedWith(where, leaf.sharedWithGroups);
          }
        });
      }
    });
  }

  /** Shared with one of the groups. */
  private sharedWith(query: Knex.QueryBuilder, groupRefs: string[]) {
    query.whereExists(
      this.db(SHARING)
        .where(`${SHARING}.template_name`, this.db.ref(`${VERSIONS}.name`))
        .where(
          `${SHARING}.template_version`,
          this.db.ref(`${VERSIONS}.version`),
        )
        .whereIn('group_ref', groupRefs),
    );
  }

  private async insertSharing(key: TemplateVersionKey, sharedWith: string[]) {
    await insertBatched(
      this.db,
      SHARING,
      sharedWith.map(group_ref => ({ ...sharingKey(key), group_ref })),
    );
  }

  /** `query` with each version's sharing rows joined: one statement (see {@link fromJoinedRows}). */
  private joined(query: Knex.QueryBuilder): Knex.QueryBuilder {
    return withJoinedGroupRefs(query, VERSIONS, SHARING, {
      template_name: 'name',
      template_version: 'version',
    });
  }

  /** The versions of `rows`, with their sharing read in a second statement (pages: a join would cut them). */
  private async withSharing(
    rows: TemplateVersionRow[],
  ): Promise<TemplateVersion[]> {
    const sharedWith = groupRefsByOwner(
      await this.db<SharingRow>(SHARING).whereIn('template_name', [
        ...new Set(rows.map(row => row.name)),
      ]),
      entry => templateVersionRef(entry.template_name, entry.template_version),
    );
    return rows.map(row =>
      fromRow(row, sharedWith(templateVersionRef(row.name, row.version))),
    );
  }
}

// Callers may pass whole versions as keys; only these columns identify one.
function primaryKey(key: TemplateVersionKey) {
  return { name: key.name, version: key.version };
}

function qualified(columns: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(columns).map(([column, value]) => [
      `${VERSIONS}.${column}`,
      value,
    ]),
  );
}

function sharingKey(key: TemplateVersionKey) {
  return { template_name: key.name, template_version: key.version };
}

function fromJoinedRows(rows: TemplateVersionRow[]): TemplateVersion[] {
  return foldJoinedGroupRefs(rows, row =>
    templateVersionRef(row.name, row.version),
  ).map(({ row, groupRefs }) => fromRow(row, groupRefs));
}

function fromRow(
  row: TemplateVersionRow,
  sharedWith: string[],
): TemplateVersion {
  const spec: TemplateVersionSpec = JSON.parse(row.spec);
  return {
    name: row.name,
    version: row.version,
    ...spec,
    sharedWith,
    state: row.state,
    createdBy: row.created_by,
    createdAt: isoFromColumn(row.created_at),
    updatedAt: isoFromColumn(row.updated_at),
  };
}
