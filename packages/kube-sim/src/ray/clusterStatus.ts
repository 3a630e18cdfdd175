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
import { pyFloat, pyResourceDict, toGoogleStyle } from './pythonFormat';
import { NodeUsage, totalUsage, usageByNode, usageLines } from './usage';

/*
 * `GET /api/cluster_status` of Ray 2.60 (ray/dashboard/modules/reporter/reporter_head.py,
 * measured; see the samples): `format=1` is the `ray status` text; otherwise the legacy
 * autoscaler's structured report, camel-cased by `to_google_style` (resource names too:
 * `node:__internal_head__` → `node:InternalHead`) — or, under autoscaler v2, `clusterStatus:
 * null`.
 */

function pythonTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

function pendingDemands(pending: Record<string, number>): string[] {
  const demand = Object.fromEntries(
    Object.entries(pending).filter(([, v]) => v > 0),
  );
  return Object.keys(demand).length
    ? [` ${pyResourceDict(demand)}: 1+ pending tasks/actors`]
    : [' (no resource demands)'];
}

/** The `ray status` text. */
function formatted(
  head: SimRayHead,
  total: NodeUsage,
  pending: Record<string, number>,
  v2: boolean,
) {
  const nodes = head.allNodes();
  const rule = '-'.repeat(63);
  return [
    `======== Autoscaler status: ${pythonTimestamp(head.clock.now())} ========`,
    'Node status',
    rule,
    'Active:',
    ...nodes.map(n => ` 1 node_${n.nodeId}`),
    ...(v2 ? ['Idle:', ' (no idle nodes)'] : []),
    'Pending:',
    ' (no pending nodes)',
    'Recent failures:',
    ' (no failures)',
    '',
    'Resources',
    rule,
    'Total Usage:',
    ...usageLines(total).map(l => ` ${l}`),
    '',
    'From request_resources:',
    ' (none)',
    'Pending Demands:',
    ...pendingDemands(pending),
  ].join('\n');
}

function legacyText(head: SimRayHead, total: NodeUsage): string {
  const gib = (k: string) => {
    const [u, t] = total[k] ?? [0, 0];
    return `${(u / 2 ** 30).toFixed(1)} GiB/${(t / 2 ** 30).toFixed(
      2,
    )} GiB ${k}`;
  };
  const [cpuUsed, cpuTotal] = total.CPU ?? [0, 0];
  return [
    'Cluster status: 0 nodes',
    ` - MostDelayedHeartbeats: {${head
      .allNodes()
      .map(n => `'${n.nodeId}': 0.001`)
      .join(', ')}}`,
    ' - NodeIdleSeconds: Min=0 Mean=0 Max=0',
    ` - ResourceUsage: ${pyFloat(cpuUsed)}/${pyFloat(cpuTotal)} CPU, ${gib(
      'memory',
    )}, ${gib('object_store_memory')}`,
    ' - TimeSinceLastHeartbeat: Min=0 Mean=0 Max=0',
    'Worker node types:',
  ].join('\n');
}

export function clusterStatus(
  head: SimRayHead,
  query: URLSearchParams,
): RayResponse {
  const byNode = usageByNode(head);
  const total = totalUsage(byNode);
  const { pending } = head.usage();
  const v2 = head.config.autoscalerV2 === true;
  if (query.get('format') === '1')
    return json(200, {
      result: true,
      msg: 'Got formatted cluster status.',
      data: { clusterStatus: formatted(head, total, pending, v2) },
    });
  if (v2)
    return json(200, {
      result: true,
      msg: 'Got cluster status.',
      data: {
        autoscalingStatus: null,
        autoscalingError: null,
        clusterStatus: null,
      },
    });
  const nodes = head.allNodes();
  const demand = Object.fromEntries(
    Object.entries(pending).filter(([, v]) => v > 0),
  );
  const report = {
    gcs_request_time: 0.005,
    time: head.clock.now() / 1000,
    monitor_pid: 1000,
    autoscaler_update_time: 0.002,
    autoscaler_report: {
      active_nodes: Object.fromEntries(nodes.map(n => [`node_${n.nodeId}`, 1])),
      idle_nodes: null,
      pending_nodes: [],
      pending_launches: {},
      failed_nodes: [],
      node_availability_summary: { node_availabilities: {} },
      node_activities: null,
      pending_resources: {},
      node_type_mapping: Object.fromEntries(
        nodes.map(n => [n.nodeId, `node_${n.nodeId}`]),
      ),
      legacy: true,
    },
    non_terminated_nodes_time: 0.000005,
    load_metrics_report: {
      usage: total,
      resource_demand: Object.keys(demand).length ? [[demand, 1]] : [],
      pg_demand: [],
      request_demand: [],
      node_types: nodes.map(n => [n.resources, 1]),
      head_ip: null,
      usage_by_node: Object.fromEntries(
        [...byNode].map(([n, u]) => [n.nodeId, u]),
      ),
      node_type_mapping: null,
      idle_time_map: null,
    },
  };
  return json(200, {
    result: true,
    msg: 'Got cluster status.',
    data: toGoogleStyle({
      autoscaling_status: legacyText(head, total),
      autoscaling_error: null,
      cluster_status: report,
    }),
  });
}
