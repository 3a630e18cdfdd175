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
  AuthService,
  coreServices,
  createServiceFactory,
  DiscoveryService,
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
  isResourcePermission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  RAY_SERVICE_TENANT_RULES,
  RESOURCE_TYPE_RAY_SERVICE_TENANT,
  rayServiceAdminPermission,
} from '@ray-service/plugin-ray-service-common';
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

type Credentials = Parameters<
  PermissionsService['authorize']
>[1]['credentials'];
type Permission = Parameters<
  PermissionsService['authorize']
>[0][0]['permission'];

/**
 * The decisions of packages/backend/src/permissionPolicy.ts: services and
 * platform-team members are admins; everyone else may do anything but admin,
 * and tenants only when one of their groups owns them (a conditional
 * decision with `IS_TENANT_OWNER`).
 */
async function decide(
  permission: Permission,
  credentials: Credentials,
): Promise<PolicyDecision> {
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
  if (ownershipEntityRefs.includes(PLATFORM_TEAM)) {
    return { result: AuthorizeResult.ALLOW };
  }
  if (permission.name === rayServiceAdminPermission.name) {
    return { result: AuthorizeResult.DENY };
  }
  if (isResourcePermission(permission, RESOURCE_TYPE_RAY_SERVICE_TENANT)) {
    return {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'ray-service',
      resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
      conditions: {
        rule: RAY_SERVICE_TENANT_RULES.IS_TENANT_OWNER,
        resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
        params: { claims: ownershipEntityRefs },
      },
    };
  }
  return { result: AuthorizeResult.ALLOW };
}

/**
 * Resolves a conditional decision about one resource the way the
 * permission backend does: through the plugin's apply-conditions endpoint.
 */
async function applyConditions(
  deps: { discovery: DiscoveryService; auth: AuthService },
  resourceRef: string,
  conditions: PermissionCriteria<PermissionCondition>,
): Promise<AuthorizeResult.ALLOW | AuthorizeResult.DENY> {
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: await deps.auth.getOwnServiceCredentials(),
    targetPluginId: 'ray-service',
  });
  const baseUrl = await deps.discovery.getBaseUrl('ray-service');
  const response = await fetch(
    `${baseUrl}/.well-known/backstage/permissions/apply-conditions`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        items: [
          {
            id: '1',
            resourceRef,
            resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
            conditions,
          },
        ],
      }),
    },
  );
  if (!response.ok) {
    throw new Error(`apply-conditions answered ${response.status}`);
  }
  const { items } = await response.json();
  return items[0].result;
}

function examplePolicyPermissions(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): PermissionsService {
  return {
    async authorize(requests, { credentials }) {
      return Promise.all(
        requests.map(async request => {
          const decision = await decide(request.permission, credentials);
          if (decision.result !== AuthorizeResult.CONDITIONAL) {
            return { result: decision.result };
          }
          const resourceRef =
            'resourceRef' in request ? request.resourceRef : undefined;
          return {
            result: resourceRef
              ? await applyConditions(deps, resourceRef, decision.conditions)
              : AuthorizeResult.DENY,
          };
        }),
      );
    },
    async authorizeConditional(requests, { credentials }) {
      return Promise.all(
        requests.map(request => decide(request.permission, credentials)),
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
 * The plugin in a test backend on its own in-memory SQLite database (or the
 * given one), with the example org in the catalog and the example policy's
 * permission decisions. Returns the backend (to stop it) and the database.
 */
export async function startRayServiceTestBackend(
  options: { config?: object; knex?: Knex } = {},
) {
  const knex: Knex = options.knex ?? (await databases.init('SQLITE_3'));
  const backend = await startTestBackend({
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
        deps: { discovery: coreServices.discovery, auth: coreServices.auth },
        factory: examplePolicyPermissions,
      }),
      catalogServiceMock.factory({ entities: EXAMPLE_GROUPS }),
    ],
  });
  return { server: backend.server, knex, backend };
}
