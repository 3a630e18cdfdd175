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
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  RAY_SERVICE_TENANT_RULES,
  RESOURCE_TYPE_RAY_SERVICE_TENANT,
  rayServiceAdminPermission,
} from '@ray-service/plugin-ray-service-common';

/** Members of this group administer the Ray service. */
export const PLATFORM_TEAM = 'group:default/platform-team';

/**
 * Example policy of the dev backend:
 * - members of `group:default/platform-team` are Ray service admins;
 * - service principals (automation tokens) are admins: the permission
 *   framework allows them without asking the policy;
 * - everyone else is a plain user: may create tenants, and reads, upgrades
 *   and deletes only tenants owned by one of their groups.
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
    if (
      isResourcePermission(request.permission, RESOURCE_TYPE_RAY_SERVICE_TENANT)
    ) {
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'ray-service',
        resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
        conditions: {
          rule: RAY_SERVICE_TENANT_RULES.IS_TENANT_OWNER,
          resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
          params: { claims },
        },
      };
    }
    return { result: AuthorizeResult.ALLOW };
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
