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

import { parseQuantity } from '@ray-service/plugin-ray-service-common';
import { CapacityRequest, HostCapacity } from './capacity';

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
