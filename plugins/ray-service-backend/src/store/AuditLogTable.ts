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
  AuditAction,
  AuditEntry,
  auditTargetKindOf,
  AuditTargetKind,
} from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { Page, PageRequest } from '../lib/pagination';
import { ColumnTimestamp, isoFromColumn, timestampColumn } from './columns';
import { keysetPage } from './keyset';

/** One change to record: an admin's, or a tenant's create, upgrade or delete. */
export interface AuditedChange {
  actor: string;
  action: AuditAction;
  /** The object's name; template versions as `name@version`. */
  targetName: string;
  /** Absent for creations. */
  before?: unknown;
  /** Absent for deletions. */
  after?: unknown;
}

const AUDIT_LOG = 'audit_log';

interface AuditRow {
  id: number;
  at: ColumnTimestamp;
  actor: string;
  action: AuditAction;
  target_kind: AuditTargetKind;
  target_name: string;
  before: string | null;
  after: string | null;
}

const idKeySchema = z.tuple([z.number().int()]);
type IdKey = z.infer<typeof idKeySchema>;

/**
 * `audit_log`: every admin change and every tenant create, upgrade and
 * delete, written in the transaction making the change. Append-only, read
 * newest first.
 */
export class AuditLogTable {
  constructor(private readonly db: Knex) {}

  /** Appends an entry for `change`, timestamped now. */
  async record(change: AuditedChange): Promise<AuditEntry> {
    return this.append({
      at: new Date().toISOString(),
      actor: change.actor,
      action: change.action,
      target: {
        kind: auditTargetKindOf(change.action),
        name: change.targetName,
      },
      ...(change.before !== undefined && { before: change.before }),
      ...(change.after !== undefined && { after: change.after }),
    });
  }

  async append(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    const [{ id }] = await this.db<AuditRow>(AUDIT_LOG)
      .insert({
        at: timestampColumn(entry.at),
        actor: entry.actor,
        action: entry.action,
        target_kind: entry.target.kind,
        target_name: entry.target.name,
        before: jsonColumn(entry.before),
        after: jsonColumn(entry.after),
      })
      .returning('id');
    return { id: String(id), ...entry };
  }

  /** Newest first. */
  async list(page: PageRequest): Promise<Page<AuditEntry>> {
    return keysetPage({
      query: this.db(AUDIT_LOG),
      page,
      keySchema: idKeySchema,
      orderBy: [{ column: 'id', order: 'desc' }],
      after: (query, [id]) => query.where('id', '<', id),
      toItems: (rows: AuditRow[]) => rows.map(fromRow),
      keyOf: (entry): IdKey => [Number(entry.id)],
    });
  }
}

function jsonColumn(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    at: isoFromColumn(row.at),
    actor: row.actor,
    action: row.action,
    target: { kind: row.target_kind, name: row.target_name },
    ...(row.before !== null && { before: JSON.parse(row.before) }),
    ...(row.after !== null && { after: JSON.parse(row.after) }),
  };
}
