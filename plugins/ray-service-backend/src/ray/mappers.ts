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
  JobLogs,
  RAY_JOB_STATUSES,
  RayClusterStatus,
  RayDashboardJob,
  RayJobStatus,
  RayNode,
  ServeApplication,
} from '@ray-service/plugin-ray-service-common';

/**
 * Ray 2.60's dashboard answers, read defensively: times in epoch ms (or
 * seconds for Serve), some integers as strings, resource names camelCased
 * in cluster status, job lists in any order, environment variables in plain
 * text (kept out of everything here).
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** An epoch time in ms (a number or a numeric string) as ISO, if set. */
export function isoFromEpochMs(value: unknown): string | undefined {
  const ms = typeof value === 'string' ? Number(value) : value;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0
    ? new Date(ms).toISOString()
    : undefined;
}

const toStatus = (value: unknown): RayJobStatus =>
  (RAY_JOB_STATUSES as readonly string[]).includes(String(value))
    ? (value as RayJobStatus)
    : 'PENDING';

/** One job of `GET /api/jobs/` or `GET /api/jobs/{id}`. */
export function dashboardJob(raw: unknown): RayDashboardJob | undefined {
  if (!isObject(raw) || !text(raw.submission_id)) {
    // DRIVER-type jobs (ray.init from elsewhere) have no submission id
    return undefined;
  }
  const runtimeEnv = isObject(raw.runtime_env) ? raw.runtime_env : {};
  const envVars = isObject(runtimeEnv.env_vars) ? runtimeEnv.env_vars : {};
  const metadata = isObject(raw.metadata)
    ? Object.fromEntries(
        Object.entries(raw.metadata).map(([k, v]) => [k, String(v)]),
      )
    : undefined;
  const job: RayDashboardJob = {
    submissionId: raw.submission_id as string,
    status: toStatus(raw.status),
    entrypoint: text(raw.entrypoint) ?? '',
  };
  const jobId = text(raw.job_id);
  const message = text(raw.message);
  const startTime = isoFromEpochMs(raw.start_time);
  const endTime = isoFromEpochMs(raw.end_time);
  return {
    ...job,
    ...(jobId && { jobId }),
    ...(message && { message }),
    ...(startTime && { startTime }),
    ...(endTime && { endTime }),
    ...(metadata && Object.keys(metadata).length > 0 && { metadata }),
    ...(Object.keys(envVars).length > 0 && {
      envVarNames: Object.keys(envVars).sort(),
    }),
  };
}

/** `GET /api/jobs/`, newest first (the dashboard's order is arbitrary). */
export function dashboardJobs(raw: unknown): RayDashboardJob[] {
  const jobs = (Array.isArray(raw) ? raw : []).flatMap(
    item => dashboardJob(item) ?? [],
  );
  return jobs.sort(
    (a, b) =>
      (b.startTime ?? '').localeCompare(a.startTime ?? '') ||
      a.submissionId.localeCompare(b.submissionId),
  );
}

/** The last `tail` lines of a log (ANSI colours kept). */
export function logTail(
  logs: string,
  tail: number,
  source: JobLogs['source'],
): JobLogs {
  const ending = logs.endsWith('\n') ? '\n' : '';
  const lines = (ending ? logs.slice(0, -1) : logs).split('\n');
  const truncated = lines.length > tail;
  return {
    logs: truncated ? `${lines.slice(-tail).join('\n')}${ending}` : logs,
    truncated,
    source,
  };
}

/** Ray's `to_camel_case` (dashboard utils): `accelerator_type:A100` → `acceleratorType:A100`. */
function camelCased(name: string): string {
  const [first, ...rest] = name.split('_');
  const titled = rest.map(part =>
    part.replace(
      /[A-Za-z]+/g,
      word => word[0].toUpperCase() + word.slice(1).toLowerCase(),
    ),
  );
  return first + titled.join('');
}

/**
 * Cluster status camelCases every key, resource names included; people know
 * Ray's names, which the state API's nodes keep. Answers Ray's name of a
 * camelCased one, given the names the nodes report.
 */
function rayNames(known: Iterable<string>): (name: string) => string {
  const names = new Map<string, string>();
  for (const name of ['object_store_memory', ...known]) {
    names.set(camelCased(name), name);
  }
  return name => names.get(name) ?? name;
}

/** Ray's per-node pseudo-resources (`node:10.0.0.1`, `node:__internal_head__`). */
const isNodeMarker = (name: string) => name.startsWith('node:');

function numbers(raw: unknown): Record<string, number> {
  if (!isObject(raw)) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(raw).filter(
      (entry): entry is [string, number] =>
        typeof entry[1] === 'number' && !isNodeMarker(entry[0]),
    ),
  );
}

/** The state API's list answer: `{ data: { result: { result: [...] } } }`. */
export function stateApiItems(raw: unknown): Json[] {
  const data = isObject(raw) && isObject(raw.data) ? raw.data : {};
  const result = isObject(data.result) ? data.result : {};
  return Array.isArray(result.result) ? result.result.filter(isObject) : [];
}

/** The cluster status' `loadMetricsReport`, absent with autoscaler v2. */
export function loadMetrics(rawStatus: unknown): Json | undefined {
  const data =
    isObject(rawStatus) && isObject(rawStatus.data) ? rawStatus.data : {};
  const cluster = isObject(data.clusterStatus) ? data.clusterStatus : undefined;
  return cluster && isObject(cluster.loadMetricsReport)
    ? cluster.loadMetricsReport
    : undefined;
}

/** Nodes of `GET /api/v0/nodes?detail=1`, with what is free from the cluster status. */
export function rayNodes(rawNodes: unknown, rawStatus: unknown): RayNode[] {
  const byNode = loadMetrics(rawStatus)?.usageByNode;
  return stateApiItems(rawNodes).map(node => {
    const nodeId = String(node.node_id ?? '');
    const usage =
      isObject(byNode) && isObject(byNode[nodeId]) ? byNode[nodeId] : undefined;
    const resourcesTotal = numbers(node.resources_total);
    const resourceName = rayNames(Object.keys(resourcesTotal));
    const available = usage
      ? Object.fromEntries(
          Object.entries(usage).flatMap(([name, pair]) =>
            Array.isArray(pair) && !isNodeMarker(name)
              ? [[resourceName(name), Number(pair[1]) - Number(pair[0])]]
              : [],
          ),
        )
      : undefined;
    return {
      nodeId,
      ip: String(node.node_ip ?? ''),
      isHead: node.is_head_node === true,
      state: String(node.state ?? 'UNKNOWN'),
      resourcesTotal,
      ...(available && { resourcesAvailable: available }),
    };
  });
}

/** `[resources, count]` pairs of demand, or pending tasks and actors (autoscaler v2). */
function demandOf(
  metrics: Json | undefined,
  pending: Json[],
): RayClusterStatus['pendingDemand'] {
  if (metrics) {
    const pairs = [
      metrics.resourceDemand,
      metrics.pgDemand,
      metrics.requestDemand,
    ]
      .flatMap(list => (Array.isArray(list) ? list : []))
      .filter(
        (pair): pair is [unknown, unknown] =>
          Array.isArray(pair) && pair.length === 2,
      );
    return pairs.map(([resources, count]) => ({
      resources: numbers(resources),
      count: Number(count) || 1,
    }));
  }
  const grouped = new Map<
    string,
    { resources: Record<string, number>; count: number }
  >();
  for (const item of pending) {
    const resources = numbers(item.required_resources);
    const key = JSON.stringify(Object.entries(resources).sort());
    const entry = grouped.get(key) ?? { resources, count: 0 };
    entry.count++;
    grouped.set(key, entry);
  }
  return [...grouped.values()];
}

const BYTE_UNITS: Record<string, number> = {
  B: 1,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

function amountOf(amount: string): number | undefined {
  const match = /^([\d.]+)([KMGT]iB|B)?$/.exec(amount);
  return match
    ? Number(match[1]) * (match[2] ? BYTE_UNITS[match[2]] : 1)
    : undefined;
}

/**
 * The "Total Usage" lines of `ray status` (`GET /api/cluster_status?format=1`),
 * the only place autoscaler v2 leaves used amounts: ` 0.5/2.0 CPU`,
 * ` 0B/15.32GiB memory`.
 */
export function usageFromStatusText(
  raw: unknown,
): Map<string, { used: number; total: number }> {
  const data = isObject(raw) && isObject(raw.data) ? raw.data : {};
  const report =
    typeof data.clusterStatus === 'string' ? data.clusterStatus : '';
  const lines = report.split('\n');
  const start = lines.findIndex(line => line.trim() === 'Total Usage:');
  const usage = new Map<string, { used: number; total: number }>();
  for (const line of start < 0 ? [] : lines.slice(start + 1)) {
    // a resource used in placement groups ends with ` (1.0 used of 2.0 reserved in placement groups)`
    const match = /^\s+(\S+)\/(\S+) (\S+)(?: \(.*\))?$/.exec(line);
    if (!match) {
      break;
    }
    const [used, total] = [amountOf(match[1]), amountOf(match[2])];
    if (used !== undefined && total !== undefined && !isNodeMarker(match[3])) {
      usage.set(match[3], { used, total });
    }
  }
  return usage;
}

/**
 * Use and demand: from `GET /api/cluster_status` (autoscaler v1), or, when
 * autoscaler v2 leaves it empty, the `ray status` text's usage (else the
 * nodes' totals) and the pending tasks and actors of the state API.
 */
export function clusterStatus(
  rawStatus: unknown,
  nodes: RayNode[],
  pending: Json[],
  rawStatusText?: unknown,
): Omit<RayClusterStatus, 'ray'> {
  const metrics = loadMetrics(rawStatus);
  const usage = metrics && isObject(metrics.usage) ? metrics.usage : undefined;
  let totals = new Map<string, { used: number; total: number }>();
  if (usage) {
    const resourceName = rayNames(
      nodes.flatMap(node => Object.keys(node.resourcesTotal)),
    );
    for (const [name, pair] of Object.entries(usage)) {
      if (Array.isArray(pair) && !isNodeMarker(name)) {
        totals.set(resourceName(name), {
          used: Number(pair[0]),
          total: Number(pair[1]),
        });
      }
    }
  } else {
    totals = usageFromStatusText(rawStatusText);
  }
  if (totals.size === 0) {
    for (const node of nodes) {
      for (const [name, total] of Object.entries(node.resourcesTotal)) {
        const entry = totals.get(name) ?? { used: 0, total: 0 };
        entry.total += total;
        if (node.resourcesAvailable?.[name] !== undefined) {
          entry.used += total - node.resourcesAvailable[name];
        }
        totals.set(name, entry);
      }
    }
  }
  return {
    usage: [...totals.entries()]
      .map(([resource, amounts]) => ({ resource, ...amounts }))
      .sort((a, b) => a.resource.localeCompare(b.resource)),
    pendingDemand: demandOf(metrics, pending),
  };
}

/** `GET /api/version`: the head's Ray version and commit. */
export function rayVersion(raw: unknown): RayClusterStatus['ray'] {
  return isObject(raw) && text(raw.ray_version)
    ? {
        version: raw.ray_version as string,
        commit: text(raw.ray_commit) ?? 'unknown',
      }
    : undefined;
}

/** `GET /api/serve/applications/`: the applications and their deployments. */
export function serveApplications(raw: unknown): ServeApplication[] {
  const applications =
    isObject(raw) && isObject(raw.applications) ? raw.applications : {};
  return Object.values(applications)
    .filter(isObject)
    .map(app => {
      const deployments = isObject(app.deployments) ? app.deployments : {};
      const message = text(app.message);
      const routePrefix = text(app.route_prefix);
      return {
        name: String(app.name ?? ''),
        status: String(app.status ?? 'UNKNOWN'),
        ...(message && { message }),
        ...(routePrefix && { routePrefix }),
        deployments: Object.values(deployments)
          .filter(isObject)
          .map(deployment => {
            const config = isObject(deployment.deployment_config)
              ? deployment.deployment_config
              : {};
            const deploymentMessage = text(deployment.message);
            return {
              name: String(deployment.name ?? ''),
              status: String(deployment.status ?? 'UNKNOWN'),
              ...(deploymentMessage && { message: deploymentMessage }),
              ...(typeof config.num_replicas === 'number' && {
                replicas: config.num_replicas,
              }),
            };
          }),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
