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

/** A timestamp column as written: a Date, stored natively by every client. */
export function timestampColumn(iso: string): Date {
  return new Date(iso);
}

/**
 * A timestamp column as read: PostgreSQL returns a Date, SQLite the number of
 * milliseconds (or text when written as text).
 */
export function isoFromColumn(value: Date | string | number): string {
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
