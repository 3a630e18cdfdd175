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

import { ComputeProfileInput } from '@ray-service/plugin-ray-service-common';
import {
  CapacityRequest,
  profileCapacityRequest,
  sumRequests,
} from './capacity';
import { StoredTenant } from '../../../store/RayServiceStore';

/**
 * This portal's tenants on a host cluster that the cluster's capacity does
 * not count yet: created (desired state in the database) but their
 * ResourceQuota not applied by the reconcile loop so far.
 */
export interface PendingTenants {
  count: number;
  /** What their profiles add up to. */
  hold: CapacityRequest;
}

/**
 * The tenants whose ResourceQuota is not among the quotas the capacity
 * summed (`quotaNamespaces`). Deleting tenants are left out: while their
 * quota is there it counts them, and once it is gone they hold nothing.
 * Pure.
 */
export function awaitingQuota<
  T extends Pick<StoredTenant, 'namespace' | 'deletionRequestedAt'>,
>(tenants: T[], quotaNamespaces: readonly string[]): T[] {
  const counted = new Set(quotaNamespaces);
  return tenants.filter(
    tenant => !tenant.deletionRequestedAt && !counted.has(tenant.namespace),
  );
}

/**
 * What `tenants` hold by their profiles (`profiles` by name). A tenant
 * whose profile is missing holds nothing; profiles in use cannot be
 * deleted, so that only happens in a race with a profile's deletion. Pure.
 */
export function pendingTenants(
  tenants: Array<Pick<StoredTenant, 'profile'>>,
  profiles: ReadonlyMap<
    string,
    Pick<ComputeProfileInput, 'resources' | 'partitioning'>
  >,
): PendingTenants {
  const byProfile = new Map<string, CapacityRequest>();
  const requests = tenants.flatMap(tenant => {
    const profile = profiles.get(tenant.profile);
    if (!profile) {
      return [];
    }
    const request =
      byProfile.get(tenant.profile) ?? profileCapacityRequest(profile);
    byProfile.set(tenant.profile, request);
    return [request];
  });
  return { count: requests.length, hold: sumRequests(requests) };
}
