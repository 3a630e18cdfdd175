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
  coreServices,
  createServiceFactory,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { rayServiceAdminPermission } from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { rayServicePlugin } from '../plugin';
import { EXAMPLE_GROUPS, EXAMPLE_MEMBERSHIPS } from './exampleOrg';

const PLATFORM_TEAM = 'group:default/platform-team';

/** userInfo as the auth backend would answer for the example org. */
const exampleUserInfo: UserInfoService = {
  async getUserInfo(credentials) {
    const { principal } = credentials as {
      principal: { type: string; userEntityRef?: string };
    };
    if (principal.type !== 'user' || !principal.userEntityRef) {
      throw new InputError(`no user info for ${principal.type} principals`);
    }
    return {
      userEntityRef: principal.userEntityRef,
      ownershipEntityRefs: [
        principal.userEntityRef,
        ...(EXAMPLE_MEMBERSHIPS[principal.userEntityRef] ?? []),
      ],
    };
  },
};

/**
 * The decisions of packages/backend/src/permissionPolicy.ts: services and
 * platform-team members are admins, everyone else may do anything but admin.
 */
function examplePolicyPermissions(): PermissionsService {
  const decide = async (
    permissionName: string,
    credentials: Parameters<PermissionsService['authorize']>[1]['credentials'],
  ): Promise<PolicyDecision> => {
    const { principal } = credentials as { principal: { type: string } };
    if (principal.type === 'service') {
      return { result: AuthorizeResult.ALLOW };
    }
    if (principal.type !== 'user') {
      return { result: AuthorizeResult.DENY };
    }
    const { ownershipEntityRefs } = await exampleUserInfo.getUserInfo(
      credentials,
    );
    const isAdmin = ownershipEntityRefs.includes(PLATFORM_TEAM);
    return {
      result:
        isAdmin || permissionName !== rayServiceAdminPermission.name
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    };
  };
  return {
    async authorize(requests, { credentials }) {
      return Promise.all(
        requests.map(
          async request =>
            (await decide(request.permission.name, credentials)) as {
              result: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
            },
        ),
      );
    },
    async authorizeConditional(requests, { credentials }) {
      return Promise.all(
        requests.map(request => decide(request.permission.name, credentials)),
      );
    },
  };
}

/** Authorization headers of the callers the tests use. */
export const callers = {
  anonymous: undefined,
  /** A member of ml-team-bravo. */
  bravo: mockCredentials.user.header('user:default/bob.bravo'),
  /** A member of ml-team-alpha, a child of ml-teams. */
  alpha: mockCredentials.user.header('user:default/alice.alpha'),
  /** A member of platform-team: an admin. */
  admin: mockCredentials.user.header('user:default/pat.platform'),
  /** An automation token. */
  service: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('external:automation'),
    targetPluginId: 'ray-service',
  }),
};

export type CallerName = keyof typeof callers;

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

/**
 * The plugin in a test backend on its own in-memory SQLite database, with the
 * example org in the catalog and the example policy's permission decisions.
 * Returns the database too, for rows without an API yet (tenants).
 */
export async function startRayServiceTestBackend(
  options: { config?: object } = {},
) {
  const knex: Knex = await databases.init('SQLITE_3');
  const { server } = await startTestBackend({
    features: [
      rayServicePlugin,
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      mockServices.database.factory({ knex }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => exampleUserInfo,
      }),
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: examplePolicyPermissions,
      }),
      catalogServiceMock.factory({ entities: EXAMPLE_GROUPS }),
    ],
  });
  return { server, knex };
}
