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

import type { SimRayHead } from './head';
import type { RayNode } from './nodes';
import { formatMemory, pyFloat } from './pythonFormat';

/** `[used, total]` per resource of one node, as Ray's load metrics report them. */
export type NodeUsage = Record<string, [number, number]>;

const BYTES = ['memory', 'object_store_memory'];

/**
 * What the running jobs and Serve replicas of a head use, spread over its nodes in order
 * (head first), each node filled up to its totals; the rest is pending demand.
 */
export function usageByNode(head: SimRayHead): Map<RayNode, NodeUsage> {
  const { used } = head.usage();
  const left = { ...used };
  const out = new Map<RayNode, NodeUsage>();
  for (const node of head.allNodes()) {
    const usage: NodeUsage = {};
    for (const [resource, total] of Object.entries(node.resources)) {
      const take = Math.min(total, left[resource] ?? 0);
      left[resource] = (left[resource] ?? 0) - take;
      usage[resource] = [take, total];
    }
    out.set(node, usage);
  }
  return out;
}

/** The cluster's `[used, total]` per resource. */
export function totalUsage(byNode: Map<RayNode, NodeUsage>): NodeUsage {
  const total: NodeUsage = {};
  for (const usage of byNode.values())
    for (const [k, [u, t]] of Object.entries(usage)) {
      const [u0, t0] = total[k] ?? [0, 0];
      total[k] = [u0 + u, t0 + t];
    }
  return total;
}

/** `ray status`'s usage lines: `0.5/2.0 CPU`, `0B/15.32GiB memory` (no `node:` resources). */
export function usageLines(usage: NodeUsage): string[] {
  const order = (k: string) => ['CPU', 'GPU', ...BYTES].indexOf(k);
  return Object.keys(usage)
    .filter(k => !k.startsWith('node:'))
    .sort((a, b) => {
      const [oa, ob] = [order(a), order(b)];
      if (oa >= 0 && ob >= 0) return oa - ob;
      if (oa >= 0 || ob >= 0) return oa >= 0 ? -1 : 1;
      return a.localeCompare(b);
    })
    .map(k => {
      const [u, t] = usage[k];
      return BYTES.includes(k)
        ? `${formatMemory(u)}/${formatMemory(t)} ${k}`
        : `${pyFloat(u)}/${pyFloat(t)} ${k}`;
    });
}
