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
  parseQuantity,
  TenantUsage,
} from '@ray-service/plugin-ray-service-common';
import { ObservedObject } from '../../kubernetes/ObjectClient';
import { WorkloadLocation } from '../../kubernetes/tenantClusters';
import { TenantQuota } from '../../planner/workloads';
import { RESOURCE_QUOTA_NAME } from '../../vocabulary';

/** CPU and memory are measured; everything else is counted. */
function amountOf(resource: string, quantity: string): number {
  const name = resource.replace(/^(requests|limits)\./, '');
  if (name === 'cpu') {
    return parseQuantity(quantity, 'cpu');
  }
  return parseQuantity(quantity, 'memory');
}

function quantities(value: unknown): Record<string, string> {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, string>)
    : {};
}

/**
 * A tenant's quota from its ResourceQuota: `status.hard` and `status.used`
 * as the quota controller reports them (`spec.hard` and nothing used until
 * it has). Pure.
 */
export function tenantQuota(quota: ObservedObject | undefined): {
  quota: TenantQuota;
  resources: TenantUsage['resources'];
} {
  const status = quantities(quota?.status) as unknown as {
    hard?: Record<string, string>;
    used?: Record<string, string>;
  };
  const hard = quantities(
    status.hard ?? (quota?.spec as { hard?: unknown } | undefined)?.hard,
  );
  const used = quantities(status.used);
  const resources = Object.keys(hard)
    .sort()
    .map(resource => ({
      resource,
      hard: hard[resource],
      used: used[resource] ?? '0',
    }));
  return {
    resources,
    quota: Object.fromEntries(
      resources.map(({ resource, hard: h, used: u }) => [
        resource,
        { hard: amountOf(resource, h), used: amountOf(resource, u) },
      ]),
    ),
  };
}

/** The tenant's ResourceQuota, on the host in its namespace (also in vcluster mode). */
export async function readTenantQuota(location: WorkloadLocation) {
  return tenantQuota(
    await location.host.get(
      'v1',
      'ResourceQuota',
      location.hostNamespace,
      RESOURCE_QUOTA_NAME,
    ),
  );
}
