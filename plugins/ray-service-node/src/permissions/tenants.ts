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
import { RESOURCE_TYPE_RAY_SERVICE_TENANT } from '@ray-service/plugin-ray-service-common';
import { claimsMatch, claimsParamsSchema, normalizedClaims } from './claims';

/**
 * A tenant as permission rules see it.
 *
 * @public
 */
export interface TenantPermissionResource {
  name: string;
  /** The owner group ref, normalized. */
  owner: string;
}

/**
 * The query a tenant rule turns into: the owner is one of `owners`.
 *
 * @public
 */
export interface TenantQuery {
  owners: string[];
}

/**
 * Tenants in permission checks: loaded by name, filtered by owner in SQL.
 *
 * @public
 */
export const tenantResourceRef = createPermissionResourceRef<
  TenantPermissionResource,
  TenantQuery
>().with({
  pluginId: 'ray-service',
  resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
});

/**
 * `IS_TENANT_OWNER`: the tenant's owner group is among the claims.
 *
 * @public
 */
export const isTenantOwner = createPermissionRule({
  name: 'IS_TENANT_OWNER',
  description:
    'Allow tenants whose owner group is one of the claims, e.g. the ownership refs of the user',
  resourceRef: tenantResourceRef,
  paramsSchema: claimsParamsSchema,
  apply: (tenant, { claims }) => claimsMatch(claims, [tenant.owner]),
  toQuery: ({ claims }) => ({ owners: normalizedClaims(claims) }),
});

/**
 * The rules of tenants, for the backend to register.
 *
 * @public
 */
export const tenantPermissionRules = { isTenantOwner };

const tenantExports = createConditionExports({
  resourceRef: tenantResourceRef,
  rules: tenantPermissionRules,
});

/**
 * Conditions on tenants for permission policies, e.g.
 * `tenantConditions.isTenantOwner({ claims: user.info.ownershipEntityRefs })`.
 *
 * @public
 */
export const tenantConditions = tenantExports.conditions;

/**
 * A conditional decision on a tenant permission (read, update, delete).
 *
 * @public
 */
export const createTenantConditionalDecision =
  tenantExports.createConditionalDecision;
