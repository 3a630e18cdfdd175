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
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  AuthorizeResult,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { rayServiceAdminPermission } from '@ray-service/plugin-ray-service-common';
import { createRayServiceMemberDecision } from '@ray-service/plugin-ray-service-node';
import { EXAMPLE_MEMBERSHIPS } from './exampleOrg';

export const PLATFORM_TEAM = 'group:default/platform-team';

/** userInfo as the auth backend would answer for the example org. */
export const exampleUserInfo: UserInfoService = {
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

/** A policy's decision for a user, from their ownership refs (claims). */
export type UserDecision = (
  permission: Permission,
  claims: string[],
) => PolicyDecision;

/**
 * The decisions of packages/backend/src/permissionPolicy.ts: platform-team
 * members are admins; everyone else may do anything but admin, on what the
 * kit's member decision lets them (tenants their groups own, profiles
 * visible to them, versions shared with them).
 */
export const exampleUserDecision: UserDecision = (permission, claims) => {
  if (claims.includes(PLATFORM_TEAM)) {
    return { result: AuthorizeResult.ALLOW };
  }
  if (permission.name === rayServiceAdminPermission.name) {
    return { result: AuthorizeResult.DENY };
  }
  return (
    createRayServiceMemberDecision(permission, claims) ?? {
      result: AuthorizeResult.ALLOW,
    }
  );
};

/** Resolves a conditional decision about one resource, as the permission backend would. */
export type ConditionsApplier = (
  resourceType: string,
  resourceRef: string,
  conditions: PermissionCriteria<PermissionCondition>,
) => Promise<AuthorizeResult.ALLOW | AuthorizeResult.DENY>;

/**
 * The permission service of a backend whose policy decides users by
 * `decideUser`; service principals are allowed, as the permission framework
 * does. Conditional decisions about one resource go to `applyConditions`
 * (without it they are denied).
 */
export function examplePermissions(
  options: {
    decideUser?: UserDecision;
    applyConditions?: ConditionsApplier;
  } = {},
): PermissionsService {
  const decideUser = options.decideUser ?? exampleUserDecision;
  const decide = async (
    permission: Permission,
    credentials: BackstageCredentials,
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
    return decideUser(permission, ownershipEntityRefs);
  };
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
            result:
              resourceRef && options.applyConditions
                ? await options.applyConditions(
                    decision.resourceType,
                    resourceRef,
                    decision.conditions,
                  )
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
