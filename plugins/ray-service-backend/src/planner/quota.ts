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

import type { V1ResourceQuota } from '@kubernetes/client-node';
import {
  compareQuantities,
  profileGpusByModel,
} from '@ray-service/plugin-ray-service-common';
import type { TenantBudget } from './budget';
import { objectMeta, PlanContext } from './context';
import {
  formatGpusByModel,
  GPUS_BY_MODEL_ANNOTATION,
  LIMIT_RANGE_NAME,
  RESOURCE_QUOTA_NAME,
} from '../vocabulary';
import type { CpuMemory } from './systemComponents';
import type { Planned, PlannedObject } from './types';

/**
 * What a container without resources gets, capped by the largest container:
 * requests equal to limits, like Ray pods, so that default pods fill the
 * quota's requests before its limits (its limits are never lower).
 */
export const CONTAINER_DEFAULTS = { cpu: '250m', memory: '512Mi' } as const;

/**
 * The requests a tenant's pods may add up to, as ResourceQuota keys without
 * the `requests.` prefix: `cpu`, `memory` and every extended resource. The
 * Volcano queue's capability is exactly this.
 */
export function requestedResources(
  budget: TenantBudget,
): Record<string, string> {
  return {
    cpu: budget.requests.cpu,
    memory: budget.requests.memory,
    ...Object.fromEntries(
      budget.extended.map(([name, count]) => [name, String(count)]),
    ),
  };
}

export function resourceQuota(
  ctx: PlanContext,
  budget: TenantBudget,
): Planned<V1ResourceQuota> {
  const requests = Object.entries(requestedResources(budget)).map(
    ([name, amount]) => [`requests.${name}`, amount],
  );
  const metadata = objectMeta(ctx, RESOURCE_QUOTA_NAME, ctx.namespace);
  const gpusByModel = formatGpusByModel(profileGpusByModel(ctx.profile));
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: gpusByModel
      ? {
          ...metadata,
          annotations: { [GPUS_BY_MODEL_ANNOTATION]: gpusByModel },
        }
      : metadata,
    spec: {
      hard: {
        ...Object.fromEntries(requests),
        'requests.storage': budget.requests.storage,
        'limits.cpu': budget.limits.cpu,
        'limits.memory': budget.limits.memory,
        persistentvolumeclaims: String(budget.persistentVolumeClaims),
        'services.loadbalancers': '0',
        'services.nodeports': '0',
      },
    },
  };
}

function atMost(value: string, max: string, kind: 'cpu' | 'memory'): string {
  return compareQuantities(value, max, kind) <= 0 ? value : max;
}

function capped(values: CpuMemory, max: CpuMemory): CpuMemory {
  return {
    cpu: atMost(values.cpu, max.cpu, 'cpu'),
    memory: atMost(values.memory, max.memory, 'memory'),
  };
}

export function containerLimits(budget: TenantBudget) {
  const max = budget.maxContainer;
  const limit = capped(CONTAINER_DEFAULTS, max);
  return { max, limit, request: limit };
}

/**
 * A LimitRange as JSON. client-node's V1LimitRange names the `default` field
 * `_default`, so it cannot type a manifest.
 */
export type LimitRangeManifest = PlannedObject & {
  spec: {
    limits: Array<{
      type: 'Container';
      default: CpuMemory;
      defaultRequest: CpuMemory;
      max: CpuMemory;
    }>;
  };
};

export function limitRange(
  ctx: PlanContext,
  budget: TenantBudget,
): LimitRangeManifest {
  const { max, limit, request } = containerLimits(budget);
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: objectMeta(ctx, LIMIT_RANGE_NAME, ctx.namespace),
    spec: {
      limits: [
        {
          type: 'Container',
          default: { ...limit },
          defaultRequest: { ...request },
          max: { ...max },
        },
      ],
    },
  };
}
