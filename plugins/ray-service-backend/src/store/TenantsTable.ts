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

import { TemplateVersionKey } from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { countFromRow } from './columns';

const TENANTS = 'tenants';

/** `tenants`, as far as admin rules need them: who uses what. */
export class TenantsTable {
  constructor(private readonly db: Knex) {}

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
