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
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { rayServicePlugin } from '../plugin';
import { EXAMPLE_GROUPS } from './exampleOrg';
import {
  ConditionsApplier,
  examplePermissions,
  exampleUserInfo,
  UserDecision,
} from './examplePolicy';

/**
 * Resolves a conditional decision about one resource the way the
 * permission backend does: through the plugin's apply-conditions endpoint.
 */
function applyConditionsThroughPlugin(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): ConditionsApplier {
  return async (resourceType, resourceRef, conditions) => {
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
          items: [{ id: '1', resourceRef, resourceType, conditions }],
        }),
      },
    );
    if (!response.ok) {
      throw new Error(`apply-conditions answered ${response.status}`);
    }
    const { items } = await response.json();
    return items[0].result;
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
 * permission decisions (or `decideUser`'s for users). Returns the backend
 * (to stop it), the database and the scheduler (to run a scheduled task).
 */
export async function startRayServiceTestBackend(
  options: {
    config?: object;
    knex?: Knex;
    decideUser?: UserDecision;
    /** More services or features, e.g. the real actions registry or an events service. */
    features?: Parameters<typeof startTestBackend>[0]['features'];
  } = {},
) {
  const knex: Knex = options.knex ?? (await databases.init('SQLITE_3'));
  // Runs each scheduled task once at startup; tests run them again with
  // triggerTask. (The instance is a MockSchedulerService, typed as the service.)
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(): ServiceFactory<SchedulerService>;
  };
  const backend = await startTestBackend({
    features: [
      rayServicePlugin,
      scheduler.factory(),
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
        factory: deps =>
          examplePermissions({
            decideUser: options.decideUser,
            applyConditions: applyConditionsThroughPlugin(deps),
          }),
      }),
      catalogServiceMock.factory({ entities: EXAMPLE_GROUPS }),
      ...(options.features ?? []),
    ],
  });
  return { server: backend.server, knex, backend, scheduler };
}
