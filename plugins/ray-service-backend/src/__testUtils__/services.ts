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
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import { createPermissionIntegrationRouter } from '@backstage/plugin-permission-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { AccessService } from '../access/AccessService';
import { GroupHierarchy } from '../access/GroupHierarchy';
import { registerPermissionResources } from '../access/permissionResources';
import { AuditLogService } from '../services/AuditLogService';
import { ProfileService } from '../services/ProfileService';
import { TemplateService } from '../services/TemplateService';
import { RayServiceStore } from '../store/RayServiceStore';
import { migrationsDir } from '../store/migrations';
import { EXAMPLE_GROUPS } from './exampleOrg';
import {
  examplePermissions,
  exampleUserInfo,
  UserDecision,
} from './examplePolicy';

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

/** Credentials of the example org's people, and of an automation token. */
export const people = {
  /** A member of platform-team: an admin. */
  pat: mockCredentials.user('user:default/pat.platform'),
  /** A member of ml-team-alpha, a child of ml-teams. */
  alice: mockCredentials.user('user:default/alice.alpha'),
  /** A member of ml-team-bravo. */
  bob: mockCredentials.user('user:default/bob.bravo'),
  automation: mockCredentials.service('external:automation'),
};

/** The permissions registry of a plugin, as backend-defaults builds it. */
function permissionsRegistry(): PermissionsRegistryService {
  const router = createPermissionIntegrationRouter();
  return {
    addResourceType: resource =>
      router.addResourceType({
        ...resource,
        resourceType: resource.resourceRef.resourceType,
      }),
    addPermissions: permissions => router.addPermissions(permissions),
    addPermissionRules: rules => router.addPermissionRules(rules),
    getPermissionRuleset: resourceRef =>
      router.getPermissionRuleset(resourceRef),
  };
}

/**
 * The domain services on a fresh, migrated in-memory SQLite database (or
 * the given one, e.g. a test backend's), with
 * the example org in the catalog and the example policy's decisions (or
 * `decideUser`'s).
 */
export async function createTestServices(
  options: { decideUser?: UserDecision; knex?: Knex } = {},
) {
  const knex = options.knex ?? (await databases.init('SQLITE_3'));
  await knex.migrate.latest({ directory: migrationsDir });
  const store = new RayServiceStore(knex);
  const groups = new GroupHierarchy({
    catalog: catalogServiceMock({ entities: EXAMPLE_GROUPS }),
    auth: mockServices.auth(),
    userInfo: exampleUserInfo,
    logger: mockServices.logger.mock(),
  });
  const transformers = registerPermissionResources(permissionsRegistry(), {
    store,
    groups,
  });
  const access = new AccessService(
    examplePermissions({ decideUser: options.decideUser }),
    groups,
    transformers,
  );
  return {
    knex,
    store,
    access,
    groups,
    audit: new AuditLogService(store, access),
    profiles: new ProfileService(store, access),
    templates: new TemplateService(store, access),
  };
}
