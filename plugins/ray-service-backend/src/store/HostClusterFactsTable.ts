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

import { HostClusterFacts } from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { timestampColumn } from './columns';

const FACTS = 'host_cluster_facts';

interface FactsRow {
  name: string;
  facts: string;
  updated_by: string;
  updated_at: Date | string | number;
}

/** `host_cluster_facts`: what admins record about configured clusters. */
export class HostClusterFactsTable {
  constructor(private readonly db: Knex) {}

  async get(name: string): Promise<HostClusterFacts | undefined> {
    const row = await this.db<FactsRow>(FACTS).where({ name }).first();
    return row ? JSON.parse(row.facts) : undefined;
  }

  async list(): Promise<Map<string, HostClusterFacts>> {
    const rows = await this.db<FactsRow>(FACTS).select('name', 'facts');
    return new Map(rows.map(row => [row.name, JSON.parse(row.facts)]));
  }

  async upsert(
    name: string,
    facts: HostClusterFacts,
    change: { updatedBy: string; updatedAt: string },
  ): Promise<void> {
    await this.db<FactsRow>(FACTS)
      .insert({
        name,
        facts: JSON.stringify(facts),
        updated_by: change.updatedBy,
        updated_at: timestampColumn(change.updatedAt),
      })
      .onConflict('name')
      .merge();
  }
}
