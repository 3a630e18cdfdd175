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

import { TenantUsage } from '@ray-service/plugin-ray-service-common';
import { Caller } from '../../access/callers';
import { readTenantQuota } from './usage';
import { TenantWorkspaces } from './workspace';

/** What a tenant's quota allows and what its workloads use of it. */
export class TenantUsageService {
  constructor(
    private readonly workspaces: TenantWorkspaces,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async get(credentials: Caller, tenant: string): Promise<TenantUsage> {
    const { location } = await this.workspaces.open(
      credentials,
      tenant,
      'read',
    );
    const { resources } = await readTenantQuota(location);
    return {
      tenant,
      namespace: location.hostNamespace,
      resources,
      checkedAt: this.clock().toISOString(),
    };
  }
}
