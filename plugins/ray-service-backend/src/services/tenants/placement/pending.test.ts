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

import { PROFILES } from '../../../planner/__testUtils__/fixtures';
import { storedTenant } from '../../../__testUtils__/fixtures';
import { awaitingQuota, pendingTenants } from './pending';

const profiles = new Map([
  ['medium', PROFILES.medium],
  ['large-mig', PROFILES.largeMig],
]);

describe('awaitingQuota', () => {
  const created = storedTenant({ name: 'created', phase: 'Pending' });
  const provisioned = storedTenant({ name: 'provisioned', phase: 'Ready' });
  const quotaLost = storedTenant({ name: 'quota-lost', phase: 'Ready' });
  const deletingWithQuota = storedTenant({
    name: 'leaving',
    phase: 'Deleting',
    deletionRequestedAt: '2026-11-23T11:00:00.000Z',
  });
  const deletingWithout = storedTenant({
    name: 'gone',
    phase: 'Deleting',
    deletionRequestedAt: '2026-11-23T11:00:00.000Z',
  });
  const tenants = [
    created,
    provisioned,
    quotaLost,
    deletingWithQuota,
    deletingWithout,
  ];

  it('keeps the tenants whose quota was not counted and that are not being deleted', () => {
    expect(
      awaitingQuota(tenants, ['ray-provisioned', 'ray-leaving', 'ray-other']),
    ).toEqual([created, quotaLost]);
  });

  it('counts every live tenant when no quota is on the cluster', () => {
    expect(awaitingQuota(tenants, []).map(t => t.name)).toEqual([
      'created',
      'provisioned',
      'quota-lost',
    ]);
  });

  it('matches namespaces exactly', () => {
    expect(
      awaitingQuota([created], ['ray-created-2', 'created']).map(t => t.name),
    ).toEqual(['created']);
  });
});

describe('pendingTenants', () => {
  it('adds up the profiles of the tenants', () => {
    expect(
      pendingTenants(
        [
          storedTenant({ name: 'a', profile: 'medium' }),
          storedTenant({ name: 'b', profile: 'medium' }),
          storedTenant({ name: 'c', profile: 'large-mig' }),
        ],
        profiles,
      ),
    ).toEqual({
      count: 3,
      hold: {
        cpu: '80',
        memory: '384Gi',
        extended: { 'nvidia.com/gpu': 2, 'nvidia.com/mig-1g.5gb': 14 },
        gpusByModel: { 'A100-40GB': 2 },
      },
    });
  });

  it('counts nothing for a tenant whose profile is gone', () => {
    expect(
      pendingTenants([storedTenant({ profile: 'deleted' })], profiles),
    ).toEqual({
      count: 0,
      hold: { cpu: '0', memory: '0', extended: {}, gpusByModel: {} },
    });
  });
});
