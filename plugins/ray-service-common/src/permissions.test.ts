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
  isCreatePermission,
  isDeletePermission,
  isReadPermission,
  isResourcePermission,
  isUpdatePermission,
} from '@backstage/plugin-permission-common';
import {
  RESOURCE_TYPE_RAY_SERVICE_PROFILE,
  RESOURCE_TYPE_RAY_SERVICE_TEMPLATE_VERSION,
  RESOURCE_TYPE_RAY_SERVICE_TENANT,
  rayServiceAdminPermission,
  rayServiceProfileReadPermission,
  rayServiceTemplateVersionReadPermission,
  rayServicePermissions,
  rayServiceTenantCreatePermission,
  rayServiceTenantDeletePermission,
  rayServiceTenantReadPermission,
  rayServiceTenantUpdatePermission,
} from './permissions';

describe('permissions', () => {
  it('defines the admin permission as a basic permission', () => {
    expect(rayServiceAdminPermission).toEqual({
      type: 'basic',
      name: 'ray-service.admin',
      attributes: {},
    });
  });

  it('defines tenant creation as a basic create permission', () => {
    expect(rayServiceTenantCreatePermission.name).toBe(
      'ray-service.tenant.create',
    );
    expect(isCreatePermission(rayServiceTenantCreatePermission)).toBe(true);
    expect(isResourcePermission(rayServiceTenantCreatePermission)).toBe(false);
  });

  it('defines read, update and delete on the tenant resource type', () => {
    expect(RESOURCE_TYPE_RAY_SERVICE_TENANT).toBe('ray-service-tenant');
    for (const [permission, name, isAction] of [
      [
        rayServiceTenantReadPermission,
        'ray-service.tenant.read',
        isReadPermission,
      ],
      [
        rayServiceTenantUpdatePermission,
        'ray-service.tenant.update',
        isUpdatePermission,
      ],
      [
        rayServiceTenantDeletePermission,
        'ray-service.tenant.delete',
        isDeletePermission,
      ],
    ] as const) {
      expect(permission.name).toBe(name);
      expect(isAction(permission)).toBe(true);
      expect(
        isResourcePermission(permission, RESOURCE_TYPE_RAY_SERVICE_TENANT),
      ).toBe(true);
    }
  });

  it('defines reading profiles and template versions on their resource types', () => {
    expect(
      isResourcePermission(
        rayServiceProfileReadPermission,
        RESOURCE_TYPE_RAY_SERVICE_PROFILE,
      ),
    ).toBe(true);
    expect(
      isResourcePermission(
        rayServiceTemplateVersionReadPermission,
        RESOURCE_TYPE_RAY_SERVICE_TEMPLATE_VERSION,
      ),
    ).toBe(true);
    expect(isReadPermission(rayServiceProfileReadPermission)).toBe(true);
    expect(isReadPermission(rayServiceTemplateVersionReadPermission)).toBe(
      true,
    );
  });

  it('lists every permission once', () => {
    expect(rayServicePermissions.map(p => p.name)).toEqual([
      'ray-service.admin',
      'ray-service.tenant.create',
      'ray-service.tenant.read',
      'ray-service.tenant.update',
      'ray-service.tenant.delete',
      'ray-service.profile.read',
      'ray-service.template.read',
      'ray-service.workload.create',
      'ray-service.workload.update',
      'ray-service.workload.delete',
    ]);
  });
});
