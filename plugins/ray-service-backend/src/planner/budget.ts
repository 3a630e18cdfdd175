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
  addQuantities,
  compareQuantities,
  profileResourceTotals,
  resourceGroupTotals,
  ResourceTotals,
} from '@ray-service/plugin-ray-service-common';
import type { PlanContext } from './context';
import {
  CpuMemory,
  systemComponents,
  systemOverhead,
  SystemOverhead,
} from './systemComponents';

/**
 * PVCs a tenant may create beyond those of its system components (Ray
 * clusters rarely need any; notebooks and spill volumes might).
 */
export const TENANT_PVC_ALLOWANCE = 10;

/**
 * The resources a tenant may use: its profile plus the system overhead of its
 * isolation mode. The ResourceQuota and the Volcano queue both derive from
 * this one budget.
 */
export interface TenantBudget {
  /** The profile alone, as the summary shows it. */
  profile: ResourceTotals;
  overhead: SystemOverhead;
  requests: CpuMemory & { storage: string };
  limits: CpuMemory;
  /** Extended resources (GPUs, MIG slices), sorted by name. */
  extended: Array<[resourceName: string, count: number]>;
  persistentVolumeClaims: number;
  /** The largest single container: the largest resource group or system component. */
  maxContainer: CpuMemory;
}

function largest(values: string[], kind: 'cpu' | 'memory'): string {
  return [...values].sort((a, b) => compareQuantities(b, a, kind))[0];
}

export function tenantBudget(ctx: PlanContext): TenantBudget {
  const { profile, isolation } = ctx;
  const totals = profileResourceTotals(profile);
  const overhead = systemOverhead(isolation);
  const groups = profile.resources.map(group =>
    resourceGroupTotals(group, profile.partitioning),
  );
  const components = systemComponents(isolation).map(c => c.resources.limits);
  return {
    profile: totals,
    overhead,
    requests: {
      cpu: addQuantities([totals.cpu, overhead.requests.cpu], 'cpu'),
      memory: addQuantities(
        [totals.memory, overhead.requests.memory],
        'memory',
      ),
      storage: addQuantities([totals.storage, overhead.storage], 'storage'),
    },
    // Ray pods run with limits equal to requests.
    limits: {
      cpu: addQuantities([totals.cpu, overhead.limits.cpu], 'cpu'),
      memory: addQuantities([totals.memory, overhead.limits.memory], 'memory'),
    },
    // Code-point order: the same everywhere, whatever the locale.
    extended: Object.entries(totals.extended).sort(([a], [b]) =>
      a < b ? -1 : 1,
    ),
    persistentVolumeClaims:
      TENANT_PVC_ALLOWANCE + overhead.persistentVolumeClaims,
    maxContainer: {
      cpu: largest(
        [...groups.map(g => g.cpu), ...components.map(c => c.cpu)],
        'cpu',
      ),
      memory: largest(
        [...groups.map(g => g.memory), ...components.map(c => c.memory)],
        'memory',
      ),
    },
  };
}
