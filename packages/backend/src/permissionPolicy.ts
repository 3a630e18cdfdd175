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

import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { rayServiceAdminPermission } from '@ray-service/plugin-ray-service-common';
import { createRayServiceMemberDecision } from '@ray-service/plugin-ray-service-node';

/** Members of this group administer the Ray service. */
export const PLATFORM_TEAM = 'group:default/platform-team';

/**
 * Example policy of the dev backend:
 * - members of `group:default/platform-team` are Ray service admins;
 * - service principals (automation tokens) are admins: the permission
 *   framework allows them without asking the policy;
 * - everyone else is a team member: may create tenants, reads, upgrades and
 *   deletes tenants owned by one of their groups, and sees published
 *   profiles visible to their groups and template versions shared with
 *   them (the kit's member decision).
 */
export class RayServiceExamplePolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!request.permission.name.startsWith('ray-service.')) {
      return { result: AuthorizeResult.ALLOW };
    }
    const claims = user?.info.ownershipEntityRefs ?? [];
    if (claims.includes(PLATFORM_TEAM)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (request.permission.name === rayServiceAdminPermission.name) {
      return { result: AuthorizeResult.DENY };
    }
    return (
      createRayServiceMemberDecision(request.permission, claims) ?? {
        result: AuthorizeResult.ALLOW,
      }
    );
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'ray-service-example-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new RayServiceExamplePolicy());
      },
    });
  },
});
