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
import { json, RayResponse } from './http';
import { stateList } from './stateApi';
import type { RayNode } from './nodes';
import { toGoogleStyle } from './pythonFormat';
import { usageByNode, usageLines } from './usage';

/*
 * Ray 2.60's node endpoints (measured; see the samples): the state API `GET /api/v0/nodes`
 * (envelope `{result, msg, data: {result: {total, …, result: [...]}}}`, totals only, Ray's
 * resource names, `limit`, `detail`, `filter_keys`/`_predicates`/`_values`) and the reporter's
 * `GET /nodes?view=summary|hostNameList` (camel-cased, several int64 as strings, per-node
 * used/total only as text in `nodeLogicalResources`).
 */

const NODE_FILTERS = [
  'node_id',
  'node_ip',
  'is_head_node',
  'state',
  'node_name',
];

function stateItem(node: RayNode, detail: boolean) {
  return {
    node_id: node.nodeId,
    node_ip: node.ip,
    is_head_node: node.isHead,
    state: 'ALIVE',
    state_message: null,
    node_name: node.ip,
    resources_total: node.resources,
    labels: { 'ray.io/node-id': node.nodeId },
    ...(detail ? { start_time_ms: node.startTimeMs, end_time_ms: 0 } : {}),
  };
}

/** `GET /api/v0/nodes`. */
export function stateNodes(
  head: SimRayHead,
  query: URLSearchParams,
): RayResponse {
  return stateList(query, NODE_FILTERS, detail =>
    head.allNodes().map(n => stateItem(n, detail)),
  );
}

function nodeSummary(
  head: SimRayHead,
  node: RayNode,
  used: Record<string, [number, number]>,
) {
  const now = head.clock.now() / 1000;
  const memory =
    (node.resources.memory ?? 0) + (node.resources.object_store_memory ?? 0);
  const cpus = Math.max(1, Math.ceil(node.resources.CPU ?? 1));
  const objectStore = node.resources.object_store_memory ?? 0;
  const objectStoreUsed = used.object_store_memory?.[0] ?? 0;
  return {
    now,
    hostname: node.hostname,
    ip: node.ip,
    cpu: Math.round((100 * (used.CPU?.[0] ?? 0)) / cpus),
    cpus: [cpus, cpus],
    mem: [memory, memory, 0.0, 0],
    hostMem: [0, memory],
    cgroupMem: [0, memory],
    shm: 0,
    raylet: {
      coreWorkersStats: [],
      numWorkers: 0,
      storeStats: {
        objectStoreBytesAvail: String(objectStore - objectStoreUsed),
      },
      objectStoreUsedMemory: objectStoreUsed,
      objectStoreAvailableMemory: objectStore - objectStoreUsed,
      nodeId: node.nodeId,
      nodeManagerAddress: node.ip,
      nodeManagerHostname: node.hostname,
      resourcesTotal: node.resources,
      nodeName: node.ip,
      startTimeMs: String(node.startTimeMs),
      isHeadNode: node.isHead,
      labels: { 'ray.io/node-id': node.nodeId },
      stateSnapshot: {
        state: Object.values(used).some(([u]) => u > 0) ? 'ACTIVE' : 'IDLE',
        idleDurationMs: '0',
        nodeActivity: [],
      },
      dashboardAgentListenPort: 52365,
      state: 'ALIVE',
      instanceId: '',
      nodeTypeName: '',
      instanceTypeName: '',
      endTimeMs: '0',
      stateMessage: null,
    },
    bootTime: node.startTimeMs / 1000,
    loadAvg: [
      [0.5, 0.5, 0.5],
      [0.25, 0.25, 0.25],
    ],
    disk: {},
    gpus: Array.from({ length: node.resources.GPU ?? 0 }, (_, index) => ({
      index,
      name: 'NVIDIA GPU',
      uuid: `GPU-${node.nodeId.slice(0, 8)}-${index}`,
      utilizationGpu: 0,
      memoryUsed: 0,
      memoryTotal: 0,
    })),
    tpus: [],
    network: [0, 0],
    networkSpeed: [0.0, 0.0],
    cmdline: [],
  };
}

/** `GET /nodes?view=…`. */
export function nodesView(
  head: SimRayHead,
  query: URLSearchParams,
): RayResponse {
  const view = query.get('view');
  if (view === 'hostNameList')
    return json(200, {
      result: true,
      msg: 'Node hostname list fetched.',
      data: { hostNameList: head.allNodes().map(n => n.hostname) },
    });
  if (view !== 'summary')
    return json(500, {
      result: false,
      msg: `Unknown view ${view ?? 'None'}`,
      data: {},
    });
  const byNode = usageByNode(head);
  return json(200, {
    result: true,
    msg: 'Node summary fetched.',
    data: {
      summary: [...byNode].map(([n, u]) =>
        toGoogleStyle(nodeSummary(head, n, u)),
      ),
      nodeLogicalResources: Object.fromEntries(
        [...byNode].map(([n, u]) => [n.nodeId, usageLines(u).join('\n')]),
      ),
    },
  });
}
