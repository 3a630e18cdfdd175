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
  gpuModelFromProductLabel,
  parseQuantity,
  profileResourceTotals,
  resourceGroupTotals,
} from '@ray-service/plugin-ray-service-common';
import { managedSelector } from '../vocabulary';
import { ObjectClient, ObservedObject } from '../kubernetes/ObjectClient';
import { findCondition } from '../kubernetes/objectConditions';

const GPU_RESOURCE = 'nvidia.com/gpu';
const MIG_RESOURCE_PREFIX = 'nvidia.com/mig-';
const GPU_PRODUCT_LABEL = 'nvidia.com/gpu.product';
/** Nodes without a known product label count their GPUs here. */
export const UNKNOWN_GPU_MODEL = 'unknown';

/** What one node offers to pods. */
export interface NodeCapacity {
  name: string;
  ready: boolean;
  schedulable: boolean;
  /** Canonical quantities, e.g. `96` and `1152Gi`. */
  cpu: string;
  memory: string;
  /** From `nvidia.com/gpu.product`, e.g. `A100-40GB`. */
  gpuModel?: string;
  /** Allocatable extended resources: `nvidia.com/gpu`, `nvidia.com/mig-1g.10gb`, … */
  extended: Record<string, number>;
}

/** CPU, memory and extended resources; GPUs also by model and MIG profile. */
export interface CapacityTotals {
  cpu: string;
  memory: string;
  extended: Record<string, number>;
  /** `nvidia.com/gpu` units (whole or time-sliced GPUs) by model. */
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
   * Allocatable minus reserved. Quotas name `nvidia.com/gpu` without a
   * model, so `free.gpusByModel` is an upper bound per model (as if the
   * reservations had taken other models' GPUs first), while
   * `free.extended['nvidia.com/gpu']` is exact over all models.
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

/** Extended resources are vendor-prefixed (`nvidia.com/gpu`); built-ins are not. */
const isExtendedResource = (name: string) => name.includes('/');

function readNode(node: ObservedObject): NodeCapacity {
  const allocatable: Record<string, string> =
    (node.status as { allocatable?: Record<string, string> } | undefined)
      ?.allocatable ?? {};
  const product = node.metadata.labels?.[GPU_PRODUCT_LABEL];
  const extended: Record<string, number> = {};
  for (const [name, quantity] of Object.entries(allocatable)) {
    const count = isExtendedResource(name)
      ? parseQuantity(quantity, 'memory')
      : 0;
    if (count > 0) {
      extended[name] = count;
    }
  }
  return {
    name: node.metadata.name,
    ready: findCondition(node, 'Ready')?.status === 'True',
    schedulable: !(node.spec as { unschedulable?: boolean } | undefined)
      ?.unschedulable,
    cpu: formatQuantity(parseQuantity(allocatable.cpu ?? '0', 'cpu'), 'cpu'),
    memory: formatQuantity(
      parseQuantity(allocatable.memory ?? '0', 'memory'),
      'memory',
    ),
    ...(product
      ? {
          gpuModel:
            gpuModelFromProductLabel(product)?.name ?? UNKNOWN_GPU_MODEL,
        }
      : {}),
    extended,
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

/** Requests of ResourceQuotas: `requests.cpu` (or `cpu`), memory, `requests.<extended>`. */
function sumQuotas(quotas: ObservedObject[]): Amounts {
  const sum = emptyAmounts();
  for (const quota of quotas) {
    const hard: Record<string, string> =
      (quota.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {};
    for (const [key, quantity] of Object.entries(hard)) {
      const name = key.replace(/^requests\./, '');
      if (name === 'cpu') {
        sum.cpu += parseQuantity(quantity, 'cpu');
      } else if (name === 'memory') {
        sum.memory += parseQuantity(quantity, 'memory');
      } else if (key.startsWith('requests.') && isExtendedResource(name)) {
        addTo(sum.extended, name, parseQuantity(quantity, 'memory'));
      }
    }
  }
  return sum;
}

/** No model can have more free GPUs than are free in total. */
function freeByModel(
  allocatable: Record<string, number>,
  reservedGpus: number,
): Record<string, number> {
  const free = { ...allocatable };
  const total = Object.values(allocatable).reduce((a, b) => a + b, 0);
  const left = Math.max(total - reservedGpus, 0);
  for (const model of Object.keys(free)) {
    free[model] = Math.min(free[model], left);
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
export function computeCapacity(
  nodeObjects: ObservedObject[],
  quotaObjects: ObservedObject[],
): HostCapacity {
  const nodes = nodeObjects.map(readNode);
  const allocatable = sumNodes(nodes);
  const reserved = sumQuotas(quotaObjects);
  const quotaNamespaces = new Set(
    quotaObjects.flatMap(quota =>
      quota.metadata.namespace ? [quota.metadata.namespace] : [],
    ),
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
 * ResourceQuotas are not on the cluster yet: added to `reserved` and taken
 * from `free`. Like a quota's, the request's GPUs count against all models
 * (`free.gpusByModel` stays an upper bound). Pure.
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

/**
 * Lists nodes once and the managed ResourceQuotas once: those of every
 * portal instance sharing the cluster, since all their tenants consume it.
 */
export async function fetchCapacity(
  client: ObjectClient,
): Promise<HostCapacity> {
  const [nodes, quotas] = await Promise.all([
    client.list('v1', 'Node'),
    client.list('v1', 'ResourceQuota', {
      labelSelector: managedSelector({ allInstances: true }),
    }),
  ]);
  return computeCapacity(nodes, quotas);
}

/** What a profile asks for, with the GPU models of its whole or time-sliced GPUs. */
export function profileCapacityRequest(
  profile: Pick<ComputeProfileInput, 'resources' | 'partitioning'>,
): CapacityRequest {
  const gpusByModel: Record<string, number> = {};
  for (const group of profile.resources) {
    const gpus = resourceGroupTotals(group, profile.partitioning).extended[
      GPU_RESOURCE
    ];
    if (group.gpuModel && gpus) {
      addTo(gpusByModel, group.gpuModel, gpus);
    }
  }
  return { ...profileResourceTotals(profile), gpusByModel };
}

/** One resource of a request: CPU, memory, an extended resource, or GPUs of a model. */
export type CapacityResource =
  | { kind: 'cpu' }
  | { kind: 'memory' }
  | { kind: 'extended'; name: string }
  | { kind: 'gpus'; model: string };

/** A resource a request needs more of than is free. */
export interface Shortfall {
  resource: CapacityResource;
  /** Quantities as messages show them, e.g. `24`, `64Gi`, `4`. */
  needed: string;
  free: string;
}

/** How messages name a resource: `CPU`, `memory`, `nvidia.com/gpu`, `A100-40GB GPUs`. */
export function resourceName(resource: CapacityResource): string {
  switch (resource.kind) {
    case 'cpu':
      return 'CPU';
    case 'memory':
      return 'memory';
    case 'extended':
      return resource.name;
    default:
      return `${resource.model} GPUs`;
  }
}

/** How much of a resource a request holds, as messages show it; undefined when none. */
export function amountIn(
  request: CapacityRequest,
  resource: CapacityResource,
): string | undefined {
  let amount: string | number;
  switch (resource.kind) {
    case 'cpu':
      amount = parseQuantity(request.cpu, 'cpu') > 0 ? request.cpu : 0;
      break;
    case 'memory':
      amount = parseQuantity(request.memory, 'memory') > 0 ? request.memory : 0;
      break;
    case 'extended':
      amount = request.extended[resource.name] ?? 0;
      break;
    default:
      amount = request.gpusByModel?.[resource.model] ?? 0;
  }
  return amount === 0 ? undefined : String(amount);
}

/** Each resource the request needs more of than is free, in a stable order. Pure. */
export function shortfalls(
  capacity: HostCapacity,
  request: CapacityRequest,
): Shortfall[] {
  const { free } = capacity;
  const found: Shortfall[] = [];
  const check = (
    resource: CapacityResource,
    needed: number,
    available: number,
  ) => {
    if (needed > available) {
      found.push({ resource, needed: String(needed), free: String(available) });
    }
  };
  if (parseQuantity(request.cpu, 'cpu') > parseQuantity(free.cpu, 'cpu')) {
    found.push({
      resource: { kind: 'cpu' },
      needed: request.cpu,
      free: free.cpu,
    });
  }
  if (
    parseQuantity(request.memory, 'memory') >
    parseQuantity(free.memory, 'memory')
  ) {
    found.push({
      resource: { kind: 'memory' },
      needed: request.memory,
      free: free.memory,
    });
  }
  for (const [name, count] of Object.entries(request.extended)) {
    check({ kind: 'extended', name }, count, free.extended[name] ?? 0);
  }
  for (const [model, count] of Object.entries(request.gpusByModel ?? {})) {
    check({ kind: 'gpus', model }, count, free.gpusByModel[model] ?? 0);
  }
  return found;
}

/** `nvidia.com/gpu: needs 4, 2 free` */
export function describeShortfall(shortfall: Shortfall): string {
  return `${resourceName(shortfall.resource)}: needs ${shortfall.needed}, ${
    shortfall.free
  } free`;
}
