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
  formatQuantity,
  RayClusterSpec,
} from '@ray-service/plugin-ray-service-common';
import type { FieldProblem, WorkloadContext } from './context';
import { nodeRequest, replicaBounds, ResourceAmounts } from './resources';

/** A tenant's quota per resource, in quota units: what is hard and what is used. */
export type TenantQuota = Record<string, { hard: number; used: number }>;

/** Whether a cluster spec fits the quota, and what only may not. */
export interface Fit {
  /** The spec's start does not fit: 400s naming the field and the numbers. */
  problems: FieldProblem[];
  /** Allowed, but the maximum can exceed what is free. */
  warnings: string[];
}

function show(resource: string, amount: number): string {
  if (resource === 'cpu') {
    return formatQuantity(amount, 'cpu');
  }
  if (resource === 'memory') {
    return formatQuantity(amount, 'memory');
  }
  return String(amount);
}

/** The quota entry that limits a resource's requests (`requests.cpu` or `cpu`). */
function limitOf(quota: TenantQuota, resource: string) {
  return quota[`requests.${resource}`] ?? quota[resource];
}

/**
 * Checks a Ray cluster against the tenant's free quota: the head and every
 * group at its starting replicas must fit (the first node or group that does
 * not is the field named), the groups' maximum may exceed it with a warning.
 * Pure.
 */
export function fitCluster(
  spec: RayClusterSpec,
  context: Pick<WorkloadContext, 'profile'>,
  quota: TenantQuota,
  at: (string | number)[],
): Fit {
  const taken: ResourceAmounts = {};
  const problems: FieldProblem[] = [];
  const take = (
    amounts: ResourceAmounts,
    count: number,
    path: (string | number)[],
    describeCount: string,
  ) => {
    for (const [resource, amount] of Object.entries(amounts)) {
      const limit = limitOf(quota, resource);
      if (!limit || amount * count === 0) {
        continue;
      }
      const free = Math.max(limit.hard - limit.used, 0);
      const before = taken[resource] ?? 0;
      taken[resource] = before + amount * count;
      if (taken[resource] > free && before <= free) {
        problems.push({
          path,
          message: `${describeCount}${show(
            resource,
            amount,
          )} ${resource} needs ${show(
            resource,
            amount * count,
          )}, the tenant has ${show(
            resource,
            Math.max(free - before, 0),
          )} free of ${show(resource, limit.hard)}`,
        });
      }
    }
  };
  take(nodeRequest(spec.head, context.profile), 1, [...at, 'head'], '');
  spec.workerGroups.forEach((group, index) => {
    take(
      nodeRequest(group, context.profile),
      group.replicas,
      [...at, 'workerGroups', index, 'replicas'],
      `${group.replicas} × `,
    );
  });
  return { problems, warnings: maximumWarnings(spec, context, quota, taken) };
}

function maximumWarnings(
  spec: RayClusterSpec,
  context: Pick<WorkloadContext, 'profile'>,
  quota: TenantQuota,
  atStart: ResourceAmounts,
): string[] {
  if (!spec.autoscaling?.enabled) {
    return [];
  }
  const atMost: ResourceAmounts = { ...atStart };
  for (const group of spec.workerGroups) {
    const extra = replicaBounds(group).max - group.replicas;
    for (const [resource, amount] of Object.entries(
      nodeRequest(group, context.profile),
    )) {
      atMost[resource] = (atMost[resource] ?? 0) + Math.max(extra, 0) * amount;
    }
  }
  return Object.entries(atMost).flatMap(([resource, amount]) => {
    const limit = limitOf(quota, resource);
    const free = limit ? Math.max(limit.hard - limit.used, 0) : Infinity;
    return amount > free
      ? [
          `at its maximum the cluster would need ${show(
            resource,
            amount,
          )} ${resource}, more than the ${show(
            resource,
            free,
          )} the tenant has free: workers beyond it stay Pending`,
        ]
      : [];
  });
}
