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
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  RAY_SERVICE_TENANT_RULES,
  RESOURCE_TYPE_RAY_SERVICE_TENANT,
  rayServiceTenantDeletePermission,
  rayServiceTenantReadPermission,
  rayServiceTenantUpdatePermission,
} from '@ray-service/plugin-ray-service-common';
import { z } from 'zod';
import { StoredTenant, TenantOwnerQuery } from '../store/RayServiceStore';

/** Tenants in permission checks: loaded as stored, filtered by owner in SQL. */
export const tenantResourceRef = createPermissionResourceRef<
  StoredTenant,
  TenantOwnerQuery
>().with({
  pluginId: 'ray-service',
  resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
});

/** The permissions of one tenant, checked with its name as resourceRef. */
export const tenantResourcePermissions = [
  rayServiceTenantReadPermission,
  rayServiceTenantUpdatePermission,
  rayServiceTenantDeletePermission,
];

// Owners are stored normalized (lowercase); ownership refs may not be.
const normalized = (claims: string[]) => claims.map(c => c.toLowerCase());

/** `IS_TENANT_OWNER`: the tenant's owner group is among `claims`. */
export const isTenantOwner = createPermissionRule({
  name: RAY_SERVICE_TENANT_RULES.IS_TENANT_OWNER,
  description:
    'Allow tenants whose owner group is one of the claims, e.g. the ownership refs of the user',
  resourceRef: tenantResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        'Entity refs the user owns through, e.g. group:default/ml-team-alpha',
      ),
  }),
  apply: (tenant, { claims }) => normalized(claims).includes(tenant.owner),
  toQuery: ({ claims }) => ({ owners: normalized(claims) }),
});

export const tenantPermissionRules = { isTenantOwner };

/** Conditions for permission policies, e.g. `tenantConditions.isTenantOwner({ claims })`. */
export const {
  conditions: tenantConditions,
  createConditionalDecision: createTenantConditionalDecision,
} = createConditionExports({
  resourceRef: tenantResourceRef,
  rules: tenantPermissionRules,
});
