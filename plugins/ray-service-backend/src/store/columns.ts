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

import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';

/** A timestamp column as written: a Date, stored natively by every client. */
export function timestampColumn(iso: string): Date {
  return new Date(iso);
}

/**
 * A timestamp column as read: PostgreSQL returns a Date, SQLite the number of
 * milliseconds (or text when written as text).
 */
export type ColumnTimestamp = Date | string | number;

export function isoFromColumn(value: ColumnTimestamp): string {
  return new Date(value).toISOString();
}

export function booleanFromColumn(value: boolean | number): boolean {
  return value === true || value === 1;
}

/** `count(*)` comes back as a string from PostgreSQL and a number from SQLite. */
export function countFromRow(row: { count?: string | number } | undefined) {
  return Number(row?.count ?? 0);
}

/**
 * The group refs of join-table rows per owner, each list in JavaScript's
 * sort order (as the services write them), whatever the database collation.
 */
export function groupRefsByOwner<R extends { group_ref: string }>(
  rows: R[],
  ownerOf: (row: R) => string,
): (owner: string) => string[] {
  const byOwner = new Map<string, string[]>();
  for (const row of rows) {
    const owner = ownerOf(row);
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), row.group_ref]);
  }
  return owner => [...(byOwner.get(owner) ?? [])].sort();
}

/** The alias of a joined group ref (see {@link withJoinedGroupRefs}). */
const JOINED_GROUP_REF = 'joined_group_ref';

/**
 * `query` on `parent` left-joined with its group table (`on`: child column
 * to parent column), so that the rows and their group refs come in one
 * statement: a row per group ref, or one with none.
 */
export function withJoinedGroupRefs(
  query: Knex.QueryBuilder,
  parent: string,
  child: string,
  on: Record<string, string>,
): Knex.QueryBuilder {
  return query
    .select(`${parent}.*`, `${child}.group_ref as ${JOINED_GROUP_REF}`)
    .leftJoin(child, join => {
      for (const [childColumn, parentColumn] of Object.entries(on)) {
        join.on(`${child}.${childColumn}`, '=', `${parent}.${parentColumn}`);
      }
    });
}

/**
 * The rows of a {@link withJoinedGroupRefs} query, one per key in their
 * first order, each with its group refs (as {@link groupRefsByOwner} gives them).
 */
export function foldJoinedGroupRefs<R>(
  rows: Array<R & { [JOINED_GROUP_REF]?: string | null }>,
  keyOf: (row: R) => string,
): Array<{ row: R; groupRefs: string[] }> {
  const firstRows = new Map<string, R>();
  const refs: Array<{ key: string; group_ref: string }> = [];
  for (const { [JOINED_GROUP_REF]: groupRef, ...rest } of rows) {
    const row = rest as unknown as R;
    const key = keyOf(row);
    if (!firstRows.has(key)) {
      firstRows.set(key, row);
    }
    if (groupRef) {
      refs.push({ key, group_ref: groupRef });
    }
  }
  const groupRefsOf = groupRefsByOwner(refs, ref => ref.key);
  return [...firstRows].map(([key, row]) => ({
    row,
    groupRefs: groupRefsOf(key),
  }));
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return (
    code === '23505' || // PostgreSQL unique_violation
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/** Runs an insert, turning a duplicate key into a ConflictError (409). */
export async function insertUnique<T>(
  insert: () => Promise<T>,
  conflictMessage: string,
): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(conflictMessage);
    }
    throw error;
  }
}

/**
 * How a transaction holds the rows it decides on until it ends: `share`
 * for a write that depends on them (a tenant on its profile), `update` for
 * a change of them (deleting, retiring). Row locks on PostgreSQL; SQLite
 * runs one transaction at a time on its single connection, so its rows
 * need no lock.
 */
export type RowLock = 'share' | 'update';

export function isPostgres(db: Knex): boolean {
  return (db.client as { dialect?: string }).dialect === 'postgresql';
}

export function withRowLock(
  query: Knex.QueryBuilder,
  db: Knex,
  lock: RowLock | undefined,
): Knex.QueryBuilder {
  if (!lock || !isPostgres(db)) {
    return query;
  }
  return lock === 'share' ? query.forShare() : query.forUpdate();
}

/**
 * Rows per INSERT: far below the bound parameters a statement may have
 * (32,766 on SQLite, 65,535 on PostgreSQL) whatever the columns.
 */
export const INSERT_BATCH_ROWS = 500;

/** Inserts rows in statements of at most {@link INSERT_BATCH_ROWS} rows. */
export async function insertBatched<R extends object>(
  db: Knex,
  table: string,
  rows: R[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH_ROWS) {
    await db(table).insert(rows.slice(start, start + INSERT_BATCH_ROWS));
  }
}
