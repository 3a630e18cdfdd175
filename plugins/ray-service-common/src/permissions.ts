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

import { createPermission } from '@backstage/plugin-permission-common';

/** Manage host clusters, compute profiles, tenant templates and the audit log. */
export const rayServiceAdminPermission = createPermission({
  name: 'ray-service.admin',
  attributes: {},
});

export const rayServiceTenantCreatePermission = createPermission({
  name: 'ray-service.tenant.create',
  attributes: { action: 'create' },
});

/** The resource type of Ray tenants in permission checks and conditions. */
export const RESOURCE_TYPE_RAY_SERVICE_TENANT = 'ray-service-tenant';

export const rayServiceTenantReadPermission = createPermission({
  name: 'ray-service.tenant.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
});

export const rayServiceTenantUpdatePermission = createPermission({
  name: 'ray-service.tenant.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
});

export const rayServiceTenantDeletePermission = createPermission({
  name: 'ray-service.tenant.delete',
  attributes: { action: 'delete' },
  resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
});

/** Every permission of the Ray service, for the backend to register. */
export const rayServicePermissions = [
  rayServiceAdminPermission,
  rayServiceTenantCreatePermission,
  rayServiceTenantReadPermission,
  rayServiceTenantUpdatePermission,
  rayServiceTenantDeletePermission,
];

/**
 * Names of the permission rules the backend implements for tenants, for
 * policies to build conditions with.
 */
export const RAY_SERVICE_TENANT_RULES = {
  /** The tenant's owner group is among `claims` (the user's ownership refs). */
  IS_TENANT_OWNER: 'IS_TENANT_OWNER',
} as const;

/** Parameters of {@link RAY_SERVICE_TENANT_RULES.IS_TENANT_OWNER}. */
export type IsTenantOwnerParams = {
  /** Entity refs the user owns through, e.g. Backstage ownership refs. */
  claims: string[];
};
