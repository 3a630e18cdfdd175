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

import { TestDatabases } from '@backstage/backend-test-utils';
import { AuditService } from '../services/AuditService';
import { ProfileService } from '../services/ProfileService';
import { TemplateService } from '../services/TemplateService';
import { DatabaseRayServiceStore } from '../store/DatabaseRayServiceStore';
import { migrationsDir } from '../store/migrations';

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

/** The domain services on a fresh, migrated in-memory SQLite database. */
export async function createTestServices() {
  const knex = await databases.init('SQLITE_3');
  await knex.migrate.latest({ directory: migrationsDir });
  const store = new DatabaseRayServiceStore(knex);
  const audit = new AuditService(store);
  return {
    knex,
    store,
    audit,
    profiles: new ProfileService(store, audit),
    templates: new TemplateService(store, audit),
  };
}
