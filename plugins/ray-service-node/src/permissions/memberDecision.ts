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
  isResourcePermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  RESOURCE_TYPE_RAY_SERVICE_PROFILE,
  RESOURCE_TYPE_RAY_SERVICE_TEMPLATE_VERSION,
  RESOURCE_TYPE_RAY_SERVICE_TENANT,
} from '@ray-service/plugin-ray-service-common';
import {
  createProfileConditionalDecision,
  profileConditions,
} from './profiles';
import {
  createTemplateVersionConditionalDecision,
  templateVersionConditions,
} from './templateVersions';
import { createTenantConditionalDecision, tenantConditions } from './tenants';

/**
 * What a team member gets by default, as a conditional decision on the
 * Ray service's resource permissions: tenants their groups own, published
 * profiles visible to their groups, and template versions shared with their
 * groups (parent groups included). Undefined for the other permissions
 * (admin, tenant creation), which a policy decides itself.
 *
 * @param claims - the user's ownership entity refs
 * @public
 */
export function createRayServiceMemberDecision(
  permission: Permission,
  claims: string[],
): PolicyDecision | undefined {
  if (isResourcePermission(permission, RESOURCE_TYPE_RAY_SERVICE_TENANT)) {
    return createTenantConditionalDecision(
      permission,
      tenantConditions.isTenantOwner({ claims }),
    );
  }
  if (isResourcePermission(permission, RESOURCE_TYPE_RAY_SERVICE_PROFILE)) {
    return createProfileConditionalDecision(permission, {
      allOf: [
        profileConditions.isProfilePublished(),
        profileConditions.isProfileVisibleTo({ claims }),
      ],
    });
  }
  if (
    isResourcePermission(permission, RESOURCE_TYPE_RAY_SERVICE_TEMPLATE_VERSION)
  ) {
    return createTemplateVersionConditionalDecision(permission, {
      allOf: [
        templateVersionConditions.isTemplateVersionAvailable(),
        templateVersionConditions.isTemplateVersionSharedWith({ claims }),
      ],
    });
  }
  return undefined;
}
