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

/**
 * Creating RayClusters, RayJobs and RayServices in a tenant (resourceRef: the
 * tenant's name), so that policies grant it on the tenants a user owns.
 */
export const rayServiceWorkloadCreatePermission = createPermission({
  name: 'ray-service.workload.create',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
});

/** Scaling, suspending, stopping and updating a tenant's workloads. */
export const rayServiceWorkloadUpdatePermission = createPermission({
  name: 'ray-service.workload.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
});

/** Deleting a tenant's workloads. */
export const rayServiceWorkloadDeletePermission = createPermission({
  name: 'ray-service.workload.delete',
  attributes: { action: 'delete' },
  resourceType: RESOURCE_TYPE_RAY_SERVICE_TENANT,
});

/** The resource type of compute profiles in permission checks and conditions. */
export const RESOURCE_TYPE_RAY_SERVICE_PROFILE = 'ray-service-profile';

/**
 * Reading a compute profile (and seeing it in lists and pickers). Managing
 * profiles needs `ray-service.admin`.
 */
export const rayServiceProfileReadPermission = createPermission({
  name: 'ray-service.profile.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_RAY_SERVICE_PROFILE,
});

/** The resource type of tenant template versions in permission checks and conditions. */
export const RESOURCE_TYPE_RAY_SERVICE_TEMPLATE_VERSION =
  'ray-service-template-version';

/**
 * Reading a tenant template version (and seeing it in lists and pickers).
 * Importing and changing versions needs `ray-service.admin`.
 */
export const rayServiceTemplateVersionReadPermission = createPermission({
  name: 'ray-service.template.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_RAY_SERVICE_TEMPLATE_VERSION,
});

/** Every permission of the Ray service, for the backend to register. */
export const rayServicePermissions = [
  rayServiceAdminPermission,
  rayServiceTenantCreatePermission,
  rayServiceTenantReadPermission,
  rayServiceTenantUpdatePermission,
  rayServiceTenantDeletePermission,
  rayServiceProfileReadPermission,
  rayServiceTemplateVersionReadPermission,
  rayServiceWorkloadCreatePermission,
  rayServiceWorkloadUpdatePermission,
  rayServiceWorkloadDeletePermission,
];
