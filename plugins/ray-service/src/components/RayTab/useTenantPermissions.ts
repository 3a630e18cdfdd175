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

import { usePermission } from '@backstage/plugin-permission-react';
import {
  rayServiceTenantReadPermission,
  rayServiceWorkloadCreatePermission,
  rayServiceWorkloadDeletePermission,
  rayServiceWorkloadUpdatePermission,
} from '@ray-service/plugin-ray-service-common';

/** What the user may do with a tenant's workloads; each action asks its own permission. */
export interface WorkloadPermissions {
  create: boolean;
  update: boolean;
  delete: boolean;
}

/** Whether the user may read the tenant (its Ray data); `loading` until known. */
export function useTenantReadPermission(tenant: string) {
  return usePermission({
    permission: rayServiceTenantReadPermission,
    resourceRef: tenant,
  });
}

export function useWorkloadPermissions(tenant: string): WorkloadPermissions {
  const create = usePermission({
    permission: rayServiceWorkloadCreatePermission,
    resourceRef: tenant,
  });
  const update = usePermission({
    permission: rayServiceWorkloadUpdatePermission,
    resourceRef: tenant,
  });
  const remove = usePermission({
    permission: rayServiceWorkloadDeletePermission,
    resourceRef: tenant,
  });
  return {
    create: create.allowed,
    update: update.allowed,
    delete: remove.allowed,
  };
}
