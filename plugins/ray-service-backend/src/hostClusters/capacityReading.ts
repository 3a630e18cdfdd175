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
  gpuModelFromProductLabel,
  parseQuantity,
} from '@ray-service/plugin-ray-service-common';
import { ObjectClient, ObservedObject } from '../kubernetes/ObjectClient';
import { findCondition } from '../kubernetes/objectConditions';
import {
  GPUS_BY_MODEL_ANNOTATION,
  HOST_READS,
  managedSelector,
  parseGpusByModel,
} from '../vocabulary';

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

/** What a managed ResourceQuota reserves: its requests. */
export interface QuotaCapacity {
  namespace: string;
  /** Canonical quantities. */
  cpu: string;
  memory: string;
  /** `requests.<extended>`, e.g. `nvidia.com/gpu`. */
  extended: Record<string, number>;
  /**
   * Which models its `nvidia.com/gpu` are, from the annotation the planner
   * puts on tenant quotas; absent on quotas that do not say.
   */
  gpusByModel?: Record<string, number>;
}

/** A host cluster's nodes and the ResourceQuotas of every portal's tenants on it. */
export interface CapacityReading {
  nodes: NodeCapacity[];
  quotas: QuotaCapacity[];
}

/** Extended resources are vendor-prefixed (`nvidia.com/gpu`); built-ins are not. */
export const isExtendedResource = (name: string) => name.includes('/');

const canonical = (quantity: string, kind: 'cpu' | 'memory') =>
  formatQuantity(parseQuantity(quantity, kind), kind);

/** A Node's allocatable resources, readiness and GPU model. */
export function readNode(node: ObservedObject): NodeCapacity {
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
    cpu: canonical(allocatable.cpu ?? '0', 'cpu'),
    memory: canonical(allocatable.memory ?? '0', 'memory'),
    ...(product
      ? {
          gpuModel:
            gpuModelFromProductLabel(product)?.name ?? UNKNOWN_GPU_MODEL,
        }
      : {}),
    extended,
  };
}

/** The requests of a ResourceQuota: `requests.cpu` (or `cpu`), memory, `requests.<extended>`. */
export function readQuota(quota: ObservedObject): QuotaCapacity {
  const hard: Record<string, string> =
    (quota.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {};
  let cpu = 0;
  let memory = 0;
  const extended: Record<string, number> = {};
  for (const [key, quantity] of Object.entries(hard)) {
    const name = key.replace(/^requests\./, '');
    if (name === 'cpu') {
      cpu += parseQuantity(quantity, 'cpu');
    } else if (name === 'memory') {
      memory += parseQuantity(quantity, 'memory');
    } else if (key.startsWith('requests.') && isExtendedResource(name)) {
      extended[name] =
        (extended[name] ?? 0) + parseQuantity(quantity, 'memory');
    }
  }
  const gpusByModel = parseGpusByModel(
    quota.metadata.annotations?.[GPUS_BY_MODEL_ANNOTATION],
  );
  return {
    namespace: quota.metadata.namespace ?? '',
    cpu: formatQuantity(cpu, 'cpu'),
    memory: formatQuantity(memory, 'memory'),
    extended,
    ...(gpusByModel && { gpusByModel }),
  };
}

/**
 * Lists nodes once and the managed ResourceQuotas once: those of every
 * portal instance sharing the cluster, since all their tenants consume it.
 */
export async function fetchCapacityReading(
  client: ObjectClient,
): Promise<CapacityReading> {
  const [nodes, quotas] = await Promise.all([
    client.list(HOST_READS.nodes.apiVersion, HOST_READS.nodes.kind),
    client.list(
      HOST_READS.managedQuotas.apiVersion,
      HOST_READS.managedQuotas.kind,
      {
        labelSelector: managedSelector({ allInstances: true }),
      },
    ),
  ]);
  return { nodes: nodes.map(readNode), quotas: quotas.map(readQuota) };
}
