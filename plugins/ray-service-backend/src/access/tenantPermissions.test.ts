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

import { storedTenant } from '../__testUtils__/fixtures';
import { isTenantOwner, tenantConditions } from './tenantPermissions';

describe('IS_TENANT_OWNER', () => {
  const tenant = storedTenant({ owner: 'group:default/ml-team-alpha' });

  it('matches tenants owned by one of the claims, in any letter case', () => {
    expect(
      isTenantOwner.apply(tenant, {
        claims: ['user:default/alice', 'group:default/ML-Team-Alpha'],
      }),
    ).toBe(true);
    expect(
      isTenantOwner.apply(tenant, { claims: ['group:default/ml-teams'] }),
    ).toBe(false);
  });

  it('filters lists by owner', () => {
    expect(
      isTenantOwner.toQuery({ claims: ['Group:Default/ML-Team-Alpha'] }),
    ).toEqual({ owners: ['group:default/ml-team-alpha'] });
  });

  it('gives policies a condition to build decisions with', () => {
    expect(
      tenantConditions.isTenantOwner({ claims: ['group:default/a'] }),
    ).toEqual({
      rule: 'IS_TENANT_OWNER',
      resourceType: 'ray-service-tenant',
      params: { claims: ['group:default/a'] },
    });
  });
});
