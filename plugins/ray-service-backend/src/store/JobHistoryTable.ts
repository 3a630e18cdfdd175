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
  JobHistoryEntry,
  RayJobStatus,
} from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { Page, PageRequest } from '../lib/pagination';
import { ColumnTimestamp, isoFromColumn, timestampColumn } from './columns';
import { keysetPage } from './keyset';

const JOB_HISTORY = 'job_history';

interface JobRow {
  id: number;
  tenant: string;
  name: string;
  uid: string;
  host_cluster: string;
  cluster_name: string | null;
  submission_id: string | null;
  entrypoint: string;
  status: RayJobStatus | null;
  message: string | null;
  start_time: ColumnTimestamp | null;
  end_time: ColumnTimestamp | null;
  log_tail: string | null;
  finished: boolean | number;
  recorded_at: ColumnTimestamp;
}

/** A RayJob the portal tracks until it finishes. */
export interface TrackedJob {
  id: number;
  tenant: string;
  name: string;
  uid: string;
  hostCluster: string;
}

/** How a tracked job ended. */
export interface FinishedJob {
  clusterName?: string;
  submissionId?: string;
  status: RayJobStatus;
  message?: string;
  startTime?: string;
  endTime?: string;
  logTail: string;
  recordedAt: string;
}

const idKeySchema = z.tuple([z.number().int()]);

const optional = <T>(value: T | null) => value ?? undefined;
const iso = (value: ColumnTimestamp | null) =>
  value === null ? undefined : isoFromColumn(value);

function entryOf(row: JobRow): JobHistoryEntry {
  const entry = {
    tenant: row.tenant,
    name: row.name,
    clusterName: optional(row.cluster_name),
    submissionId: optional(row.submission_id),
    entrypoint: row.entrypoint,
    status: row.status!,
    message: optional(row.message),
    startTime: iso(row.start_time),
    endTime: iso(row.end_time),
    logTail: row.log_tail ?? '',
    recordedAt: isoFromColumn(row.recorded_at),
  };
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined),
  ) as JobHistoryEntry;
}

/** `job_history`: RayJobs submitted through the portal, tracked until they end, then kept. */
export class JobHistoryTable {
  constructor(private readonly db: Knex) {}

  /** Starts tracking a submitted job; submitting the same RayJob again changes nothing. */
  async track(
    job: Omit<TrackedJob, 'id'> & { entrypoint: string; recordedAt: string },
  ): Promise<void> {
    await this.db<JobRow>(JOB_HISTORY)
      .insert({
        tenant: job.tenant,
        name: job.name,
        uid: job.uid,
        host_cluster: job.hostCluster,
        entrypoint: job.entrypoint,
        finished: false,
        recorded_at: timestampColumn(job.recordedAt),
      })
      .onConflict(['tenant', 'name', 'uid'])
      .ignore();
  }

  /** The jobs not finished yet, oldest first. */
  async listUnfinished(limit: number): Promise<TrackedJob[]> {
    const rows: JobRow[] = await this.db(JOB_HISTORY)
      .where({ finished: false })
      .orderBy('id')
      .limit(limit);
    return rows.map(row => ({
      id: row.id,
      tenant: row.tenant,
      name: row.name,
      uid: row.uid,
      hostCluster: row.host_cluster,
    }));
  }

  async finish(id: number, finished: FinishedJob): Promise<void> {
    await this.db<JobRow>(JOB_HISTORY)
      .where({ id })
      .update({
        cluster_name: finished.clusterName ?? null,
        submission_id: finished.submissionId ?? null,
        status: finished.status,
        message: finished.message ?? null,
        start_time: finished.startTime
          ? timestampColumn(finished.startTime)
          : null,
        end_time: finished.endTime ? timestampColumn(finished.endTime) : null,
        log_tail: finished.logTail,
        finished: true,
        recorded_at: timestampColumn(finished.recordedAt),
      });
  }

  /** Stops tracking a job that is gone without an end (deleted before it ran). */
  async forget(id: number): Promise<void> {
    await this.db(JOB_HISTORY).where({ id }).delete();
  }

  /** The last finished run of a RayJob of that name, if any. */
  async latest(
    tenant: string,
    name: string,
  ): Promise<JobHistoryEntry | undefined> {
    const row: JobRow | undefined = await this.db(JOB_HISTORY)
      .where({ tenant, name, finished: true })
      .orderBy('id', 'desc')
      .first();
    return row ? entryOf(row) : undefined;
  }

  /** A tenant's finished jobs, newest first. */
  async list(
    tenant: string,
    page: PageRequest,
  ): Promise<Page<JobHistoryEntry>> {
    const { items, ...rest } = await keysetPage({
      query: this.db(JOB_HISTORY).where({ tenant, finished: true }),
      page,
      keySchema: idKeySchema,
      orderBy: [{ column: 'id', order: 'desc' }],
      after: (query, [id]) => query.where('id', '<', id),
      toItems: (rows: JobRow[]) => rows,
      keyOf: (row): [number] => [row.id],
    });
    return { items: items.map(entryOf), ...rest };
  }

  /** Deletes finished jobs recorded before `before`; how many. */
  async prune(before: string): Promise<number> {
    return this.db(JOB_HISTORY)
      .where({ finished: true })
      .andWhere('recorded_at', '<', timestampColumn(before))
      .delete();
  }
}
