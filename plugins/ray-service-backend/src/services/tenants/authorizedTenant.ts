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

import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AccessService, TenantAction } from '../../access/AccessService';
import { Caller } from '../../access/callers';
import { RayServiceStore, StoredTenant } from '../../store/RayServiceStore';

const ACTION_WORDS: Record<Exclude<TenantAction, 'read'>, string> = {
  update: 'update tenant',
  delete: 'delete tenant',
  createWorkloads: 'create Ray workloads in tenant',
  updateWorkloads: 'change Ray workloads of tenant',
  deleteWorkloads: 'delete Ray workloads of tenant',
};

/**
 * The tenant, if the caller may do `action` to it (its permission's
 * conditions as SQL).
 *
 * @throws NotFoundError when the caller may not read it (or it does not
 * exist), NotAllowedError when they may read it but not do `action`.
 */
export async function authorizedTenant(
  deps: { store: RayServiceStore; access: AccessService },
  credentials: Caller,
  name: string,
  action: TenantAction,
): Promise<StoredTenant> {
  const { access, store } = deps;
  const tenant = await store.tenants.get(
    name,
    await access.tenantFilter(credentials, 'read'),
  );
  if (!tenant) {
    throw new NotFoundError(`tenant "${name}" not found`);
  }
  if (
    action !== 'read' &&
    !(await store.tenants.get(
      name,
      await access.tenantFilter(credentials, action),
    ))
  ) {
    throw new NotAllowedError(`you may not ${ACTION_WORDS[action]} "${name}"`);
  }
  return tenant;
}
