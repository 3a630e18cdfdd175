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
  PoolCondition,
  PoolSample,
} from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import {
  ColumnTimestamp,
  countFromRow,
  isoFromColumn,
  timestampColumn,
} from './columns';

const POOLS = 'pools';
const EVENTS = 'pool_events';
const SAMPLES = 'pool_samples';

/** What the pool control loop last found for a pool. */
export interface PoolStatus {
  desired: number;
  conditions: PoolCondition[];
  updatedAt: string;
}

/** A claim, a create that fell back to on demand, or a standby becoming Ready. */
export type PoolEventKind = 'claim' | 'miss' | 'ready';

export interface PoolEvent {
  profile: string;
  kind: PoolEventKind;
  tenant?: string;
  /** `ready`: from creating the standby to Ready. */
  durationMs?: number;
  at: string;
}

/** Claims, misses and times to Ready of one pool since an instant. */
export interface PoolEventSummary {
  claims: number;
  misses: number;
  readyDurationsMs: number[];
}

interface SampleRow {
  at: ColumnTimestamp;
  desired: number;
  ready: number;
  provisioning: number;
  claims: number;
}

/**
 * The warm pools' own tables: `pools` (the control loop's last status of
 * each pool), `pool_events` and `pool_samples` (the history, pruned by age).
 */
export class PoolsTable {
  constructor(private readonly db: Knex) {}

  async getStatus(profile: string): Promise<PoolStatus | undefined> {
    const row = await this.db(POOLS).where({ profile }).first();
    return row
      ? { ...JSON.parse(row.status), updatedAt: isoFromColumn(row.updated_at) }
      : undefined;
  }

  async getStatuses(): Promise<Map<string, PoolStatus>> {
    const rows = await this.db(POOLS);
    return new Map(
      rows.map(row => [
        row.profile,
        { ...JSON.parse(row.status), updatedAt: isoFromColumn(row.updated_at) },
      ]),
    );
  }

  async putStatus(profile: string, status: PoolStatus): Promise<void> {
    const { updatedAt, ...rest } = status;
    await this.db(POOLS)
      .insert({
        profile,
        status: JSON.stringify(rest),
        updated_at: timestampColumn(updatedAt),
      })
      .onConflict('profile')
      .merge();
  }

  async deleteStatus(profile: string): Promise<void> {
    await this.db(POOLS).where({ profile }).delete();
  }

  async recordEvent(event: PoolEvent): Promise<void> {
    await this.db(EVENTS).insert({
      profile: event.profile,
      kind: event.kind,
      tenant: event.tenant ?? null,
      duration_ms: event.durationMs ?? null,
      at: timestampColumn(event.at),
    });
  }

  /** Claims, misses and times to Ready of each pool since `since`. */
  async summarizeEvents(since: string): Promise<Map<string, PoolEventSummary>> {
    const rows: Array<{
      profile: string;
      kind: PoolEventKind;
      duration_ms: number | null;
    }> = await this.db(EVENTS)
      .select('profile', 'kind', 'duration_ms')
      .where('at', '>=', timestampColumn(since));
    const summaries = new Map<string, PoolEventSummary>();
    for (const row of rows) {
      let summary = summaries.get(row.profile);
      if (!summary) {
        summary = { claims: 0, misses: 0, readyDurationsMs: [] };
        summaries.set(row.profile, summary);
      }
      if (row.kind === 'claim') {
        summary.claims++;
      } else if (row.kind === 'miss') {
        summary.misses++;
      } else if (row.duration_ms !== null) {
        summary.readyDurationsMs.push(Number(row.duration_ms));
      }
    }
    return summaries;
  }

  /** Claims of a pool in [from, to). */
  async countClaims(
    profile: string,
    from: string,
    to: string,
  ): Promise<number> {
    return countFromRow(
      await this.db(EVENTS)
        .where({ profile, kind: 'claim' })
        .where('at', '>=', timestampColumn(from))
        .where('at', '<', timestampColumn(to))
        .count({ count: '*' })
        .first(),
    );
  }

  async lastSampleAt(profile: string): Promise<string | undefined> {
    const row = await this.db(SAMPLES)
      .where({ profile })
      .max({ at: 'at' })
      .first();
    return row?.at ? isoFromColumn(row.at) : undefined;
  }

  async recordSample(profile: string, sample: PoolSample): Promise<void> {
    await this.db(SAMPLES).insert({
      profile,
      at: timestampColumn(sample.at),
      desired: sample.desired,
      ready: sample.ready,
      provisioning: sample.provisioning,
      claims: sample.claims,
    });
  }

  /** A pool's samples since `since`, oldest first. */
  async listSamples(profile: string, since: string): Promise<PoolSample[]> {
    const rows: SampleRow[] = await this.db(SAMPLES)
      .where({ profile })
      .where('at', '>=', timestampColumn(since))
      .orderBy('at');
    return rows.map(row => ({
      at: isoFromColumn(row.at),
      desired: Number(row.desired),
      ready: Number(row.ready),
      provisioning: Number(row.provisioning),
      claims: Number(row.claims),
    }));
  }

  /** Removes samples and events older than `before`. */
  async prune(before: string): Promise<number> {
    const cutoff = timestampColumn(before);
    const [samples, events] = await Promise.all([
      this.db(SAMPLES).where('at', '<', cutoff).delete(),
      this.db(EVENTS).where('at', '<', cutoff).delete(),
    ]);
    return samples + events;
  }
}
