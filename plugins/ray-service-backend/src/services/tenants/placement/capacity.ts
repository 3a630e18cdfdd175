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
  ComputeProfileInput,
  formatQuantity,
  GPU_RESOURCE,
  parseQuantity,
  profileGpusByModel,
  profileResourceTotals,
} from '@ray-service/plugin-ray-service-common';
import {
  CapacityReading,
  NodeCapacity,
  QuotaCapacity,
  UNKNOWN_GPU_MODEL,
} from '../../../hostClusters/capacityReading';

const MIG_RESOURCE_PREFIX = 'nvidia.com/mig-';

/** CPU, memory and extended resources; GPUs also by model and MIG profile. */
export interface CapacityTotals {
  cpu: string;
  memory: string;
  extended: Record<string, number>;
  /**
   * `nvidia.com/gpu` units (whole or time-sliced GPUs) by model. Of
   * `reserved`: what the quotas' GPU-model annotations attribute.
   */
  gpusByModel: Record<string, number>;
  /** `nvidia.com/mig-<profile>` by profile, e.g. `1g.10gb`. */
  migByProfile: Record<string, number>;
}

export interface HostCapacity {
  nodes: NodeCapacity[];
  /** Of the Ready, schedulable nodes. */
  allocatable: CapacityTotals;
  /** What the managed tenants' ResourceQuotas request, of every portal instance. */
  reserved: CapacityTotals;
  /**
   * Allocatable minus reserved. `free.gpusByModel` is exact when every
   * quota says which models its `nvidia.com/gpu` are (the planner annotates
   * tenant quotas); GPUs of quotas that do not say count against every
   * model, so that it stays an upper bound. `free.extended['nvidia.com/gpu']`
   * is exact over all models.
   */
  free: CapacityTotals;
  /**
   * The namespaces whose managed ResourceQuotas `reserved` sums, sorted:
   * a tenant whose namespace is missing here is not counted yet.
   */
  quotaNamespaces: string[];
}

/** A resource request: ResourceTotals of a profile, optionally with GPU models. */
export interface CapacityRequest {
  cpu: string;
  memory: string;
  extended: Record<string, number>;
  /** `nvidia.com/gpu` units the request needs of each model. */
  gpusByModel?: Record<string, number>;
}

/** Millicores and bytes while summing. */
interface Amounts {
  cpu: number;
  memory: number;
  extended: Record<string, number>;
  gpusByModel: Record<string, number>;
}

const emptyAmounts = (): Amounts => ({
  cpu: 0,
  memory: 0,
  extended: {},
  gpusByModel: {},
});

function addTo(target: Record<string, number>, key: string, amount: number) {
  target[key] = (target[key] ?? 0) + amount;
}

function totalsOf(amounts: Amounts): CapacityTotals {
  const migByProfile: Record<string, number> = {};
  for (const [name, count] of Object.entries(amounts.extended)) {
    if (name.startsWith(MIG_RESOURCE_PREFIX)) {
      migByProfile[name.slice(MIG_RESOURCE_PREFIX.length)] = count;
    }
  }
  return {
    cpu: formatQuantity(Math.max(amounts.cpu, 0), 'cpu'),
    memory: formatQuantity(Math.max(amounts.memory, 0), 'memory'),
    extended: amounts.extended,
    gpusByModel: amounts.gpusByModel,
    migByProfile,
  };
}

function sumNodes(nodes: NodeCapacity[]): Amounts {
  const sum = emptyAmounts();
  for (const node of nodes.filter(n => n.ready && n.schedulable)) {
    sum.cpu += parseQuantity(node.cpu, 'cpu');
    sum.memory += parseQuantity(node.memory, 'memory');
    for (const [name, count] of Object.entries(node.extended)) {
      addTo(sum.extended, name, count);
    }
    const gpus = node.extended[GPU_RESOURCE];
    if (gpus) {
      addTo(sum.gpusByModel, node.gpuModel ?? UNKNOWN_GPU_MODEL, gpus);
    }
  }
  return sum;
}

const sumOf = (counts: Record<string, number>) =>
  Object.values(counts).reduce((a, b) => a + b, 0);

/** The quota's GPUs by model, when its annotation accounts for all of them. */
function attributedGpus(quota: QuotaCapacity): Record<string, number> {
  const byModel = quota.gpusByModel ?? {};
  return sumOf(byModel) === (quota.extended[GPU_RESOURCE] ?? 0) ? byModel : {};
}

function sumQuotas(quotas: QuotaCapacity[]): Amounts {
  const sum = emptyAmounts();
  for (const quota of quotas) {
    sum.cpu += parseQuantity(quota.cpu, 'cpu');
    sum.memory += parseQuantity(quota.memory, 'memory');
    for (const [name, count] of Object.entries(quota.extended)) {
      addTo(sum.extended, name, count);
    }
    for (const [model, count] of Object.entries(attributedGpus(quota))) {
      addTo(sum.gpusByModel, model, count);
    }
  }
  return sum;
}

/**
 * Each model's allocatable GPUs minus those reserved of it; no model has
 * more free GPUs than are free in total, which also charges reservations
 * of no known model to every model.
 */
function freeByModel(
  allocatable: Record<string, number>,
  reservedByModel: Record<string, number>,
  reservedGpus: number,
): Record<string, number> {
  const left = Math.max(sumOf(allocatable) - reservedGpus, 0);
  const free: Record<string, number> = {};
  for (const [model, count] of Object.entries(allocatable)) {
    free[model] = Math.max(
      Math.min(count - (reservedByModel[model] ?? 0), left),
      0,
    );
  }
  return free;
}

/** Allocatable minus reserved; extended resources never below 0. */
function freeOf(allocatable: Amounts, reserved: Amounts): Amounts {
  const free: Amounts = {
    cpu: allocatable.cpu - reserved.cpu,
    memory: allocatable.memory - reserved.memory,
    extended: {},
    gpusByModel: freeByModel(
      allocatable.gpusByModel,
      reserved.gpusByModel,
      reserved.extended[GPU_RESOURCE] ?? 0,
    ),
  };
  const names = new Set([
    ...Object.keys(allocatable.extended),
    ...Object.keys(reserved.extended),
  ]);
  for (const name of names) {
    free.extended[name] = Math.max(
      (allocatable.extended[name] ?? 0) - (reserved.extended[name] ?? 0),
      0,
    );
  }
  return free;
}

/** Capacity from nodes and the managed ResourceQuotas. Pure. */
export function computeCapacity({
  nodes,
  quotas,
}: CapacityReading): HostCapacity {
  const allocatable = sumNodes(nodes);
  const reserved = sumQuotas(quotas);
  const quotaNamespaces = new Set(
    quotas.flatMap(quota => (quota.namespace ? [quota.namespace] : [])),
  );
  return {
    nodes,
    allocatable: totalsOf(allocatable),
    reserved: totalsOf(reserved),
    free: totalsOf(freeOf(allocatable, reserved)),
    quotaNamespaces: [...quotaNamespaces].sort(),
  };
}

function amountsOf(totals: CapacityTotals): Amounts {
  return {
    cpu: parseQuantity(totals.cpu, 'cpu'),
    memory: parseQuantity(totals.memory, 'memory'),
    extended: { ...totals.extended },
    gpusByModel: { ...totals.gpusByModel },
  };
}

/**
 * The capacity once `request` is reserved too, e.g. for tenants whose
 * ResourceQuotas are not on the cluster yet: added to `reserved` (its GPUs
 * to their models) and taken from `free`. Pure.
 */
export function reserve(
  capacity: HostCapacity,
  request: CapacityRequest,
): HostCapacity {
  const reserved = amountsOf(capacity.reserved);
  reserved.cpu += parseQuantity(request.cpu, 'cpu');
  reserved.memory += parseQuantity(request.memory, 'memory');
  for (const [name, count] of Object.entries(request.extended)) {
    addTo(reserved.extended, name, count);
  }
  for (const [model, count] of Object.entries(request.gpusByModel ?? {})) {
    addTo(reserved.gpusByModel, model, count);
  }
  const allocatable = amountsOf(capacity.allocatable);
  return {
    ...capacity,
    reserved: totalsOf(reserved),
    free: totalsOf(freeOf(allocatable, reserved)),
  };
}

/** Requests added up, e.g. the profiles of several tenants. Pure. */
export function sumRequests(requests: CapacityRequest[]): CapacityRequest {
  const sum = emptyAmounts();
  for (const request of requests) {
    sum.cpu += parseQuantity(request.cpu, 'cpu');
    sum.memory += parseQuantity(request.memory, 'memory');
    for (const [name, count] of Object.entries(request.extended)) {
      addTo(sum.extended, name, count);
    }
    for (const [model, count] of Object.entries(request.gpusByModel ?? {})) {
      addTo(sum.gpusByModel, model, count);
    }
  }
  return {
    cpu: formatQuantity(sum.cpu, 'cpu'),
    memory: formatQuantity(sum.memory, 'memory'),
    extended: sum.extended,
    gpusByModel: sum.gpusByModel,
  };
}

/** What a profile asks for, with the GPU models of its whole or time-sliced GPUs. */
export function profileCapacityRequest(
  profile: Pick<ComputeProfileInput, 'resources' | 'partitioning'>,
): CapacityRequest {
  return {
    ...profileResourceTotals(profile),
    gpusByModel: profileGpusByModel(profile),
  };
}
