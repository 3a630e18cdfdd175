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

import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  rayServiceAdminPermission,
  rayServiceProfileReadPermission,
  rayServiceTenantCreatePermission,
  rayServiceTenantReadPermission,
} from '@ray-service/plugin-ray-service-common';
import { RayServiceExamplePolicy } from './permissionPolicy';

function user(...ownershipEntityRefs: string[]): PolicyQueryUser {
  return {
    identity: {
      type: 'user',
      userEntityRef: ownershipEntityRefs[0],
      ownershipEntityRefs,
    },
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
    token: 'token',
    credentials: {} as PolicyQueryUser['credentials'],
  } as PolicyQueryUser;
}

const policy = new RayServiceExamplePolicy();
const admin = user('user:default/pat.platform', 'group:default/platform-team');
const alice = user('user:default/alice.alpha', 'group:default/ml-team-alpha');

describe('RayServiceExamplePolicy', () => {
  it('makes platform-team members Ray service admins', async () => {
    await expect(
      policy.handle({ permission: rayServiceAdminPermission }, admin),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies the admin permission to everyone else', async () => {
    await expect(
      policy.handle({ permission: rayServiceAdminPermission }, alice),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets plain users create tenants', async () => {
    await expect(
      policy.handle({ permission: rayServiceTenantCreatePermission }, alice),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('gives plain users tenants owned by their groups only', async () => {
    await expect(
      policy.handle({ permission: rayServiceTenantReadPermission }, alice),
    ).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'ray-service',
      resourceType: 'ray-service-tenant',
      conditions: {
        rule: 'IS_TENANT_OWNER',
        resourceType: 'ray-service-tenant',
        params: {
          claims: ['user:default/alice.alpha', 'group:default/ml-team-alpha'],
        },
      },
    });
  });

  it('gives plain users published profiles visible to their groups', async () => {
    await expect(
      policy.handle({ permission: rayServiceProfileReadPermission }, alice),
    ).resolves.toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      resourceType: 'ray-service-profile',
      conditions: {
        allOf: [
          { rule: 'IS_PROFILE_PUBLISHED' },
          { rule: 'IS_PROFILE_VISIBLE_TO' },
        ],
      },
    });
  });

  it('leaves permissions of other plugins allowed', async () => {
    await expect(
      policy.handle(
        {
          permission: {
            type: 'basic',
            name: 'catalog.entity.create',
            attributes: { action: 'create' },
          },
        },
        alice,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
