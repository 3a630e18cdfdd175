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
  jobHistoryEntrySchema,
  jobLogsSchema,
  rayClusterSchema,
  RayClusterStatus,
  rayClusterStatusSchema,
  rayJobSchema,
  RayNode,
  rayNodeSchema,
  rayServiceSchema,
  tenantUsageSchema,
} from '../workloads';
import { tenantSchema } from '../tenants';
import { z } from 'zod';

const CREATED = '2026-11-20T10:00:00.000Z';

type Overrides<T> = Partial<T> & Record<string, unknown>;

/**
 * A fixture: `defaults` for its key (a name, a tenant, a log text) with the
 * overrides on top, parsed by the object's schema.
 */
function fixtureByKey<T>(
  schema: z.ZodType<T>,
  defaults: (key: string) => Record<string, unknown>,
) {
  return (key: string, overrides: Overrides<T> = {}): T =>
    schema.parse({ ...defaults(key), ...overrides });
}

/** A fixture of an object of a tenant, as fixtureByKey for the tenant and name. */
function fixtureInTenant<T>(
  schema: z.ZodType<T>,
  defaults: (tenant: string, name: string) => Record<string, unknown>,
) {
  return (tenant: string, name: string, overrides: Overrides<T> = {}): T =>
    schema.parse({ ...defaults(tenant, name), ...overrides });
}

/** What every Ray workload view has. */
function workloadFields(tenant: string, name: string, phase: string) {
  return { name, tenant, phase, conditions: [], createdAt: CREATED };
}

export const fixtureTenant = fixtureByKey(tenantSchema, name => ({
  name,
  owner: 'group:default/ml-team-alpha',
  profile: 'small',
  templateVersion: 'kuberay@1.0.0',
  hostCluster: 'sim-local',
  isolation: 'vcluster',
  namespace: `ray-${name}`,
  phase: 'Ready',
  conditions: [
    {
      type: 'NamespaceReady',
      status: 'True',
      reason: 'Applied',
      message: `Namespace ray-${name} exists`,
      lastTransitionTime: CREATED,
    },
  ],
  generation: 1,
  observedGeneration: 1,
  createdBy: 'user:default/alice.alpha',
  createdAt: CREATED,
  updatedAt: CREATED,
}));

export const fixtureUsage = fixtureByKey(tenantUsageSchema, tenant => ({
  tenant,
  namespace: `ray-${tenant}`,
  resources: [
    { resource: 'requests.cpu', hard: '32', used: '6' },
    { resource: 'requests.memory', hard: '128Gi', used: '24Gi' },
    { resource: 'requests.nvidia.com/mig-1g.5gb', hard: '14', used: '7' },
    { resource: 'pods', hard: '100', used: '4' },
  ],
  checkedAt: CREATED,
}));

const clusterSpec = {
  head: { cpu: '1', memory: '2Gi' },
  workerGroups: [{ name: 'workers', replicas: 2, cpu: '2', memory: '4Gi' }],
};

export const fixtureRayCluster = fixtureInTenant(
  rayClusterSchema,
  (tenant, name) => ({
    ...workloadFields(tenant, name, 'Ready'),
    spec: clusterSpec,
    image: 'rayproject/ray:2.52.0',
    head: { serviceName: `${name}-head-svc`, ready: true },
    workerGroups: [
      { name: 'workers', desired: 2, ready: 2, minReplicas: 0, maxReplicas: 4 },
    ],
  }),
);

export const fixtureRayJob = fixtureInTenant(rayJobSchema, (tenant, name) => ({
  ...workloadFields(tenant, name, 'Succeeded'),
  entrypoint:
    'python -c "import ray; ray.init(); print(ray.cluster_resources())"',
  jobStatus: 'SUCCEEDED',
  deploymentStatus: 'Complete',
  clusterName: `${name}-raycluster`,
  newCluster: true,
  submissionId: `${name}-abc12`,
  startTime: CREATED,
  endTime: '2026-11-20T10:01:20.000Z',
}));

export const fixtureRayService = fixtureInTenant(
  rayServiceSchema,
  (tenant, name) => ({
    ...workloadFields(tenant, name, 'Running'),
    serveConfig: 'applications:\n  - name: hello\n    import_path: hello:app\n',
    upgradeStrategy: 'NewCluster',
    serviceStatus: 'Running',
    clusterName: `${name}-raycluster-x1`,
    applications: [
      {
        name: 'hello',
        status: 'RUNNING',
        routePrefix: '/',
        deployments: [{ name: 'Hello', status: 'HEALTHY', replicas: 1 }],
      },
    ],
  }),
);

export const fixtureJobLogs = fixtureByKey(jobLogsSchema, logs => ({
  logs,
  truncated: false,
  source: 'dashboard',
}));

export const fixtureJobHistoryEntry = fixtureInTenant(
  jobHistoryEntrySchema,
  (tenant, name) => ({
    tenant,
    name,
    clusterName: `${name}-raycluster`,
    submissionId: `${name}-abc12`,
    entrypoint: 'python train.py',
    status: 'SUCCEEDED',
    startTime: CREATED,
    endTime: '2026-11-20T10:01:20.000Z',
    logTail: `training ${name}\n\u001b[32mdone\u001b[0m\n`,
    recordedAt: '2026-11-20T10:01:21.000Z',
  }),
);

export function fixtureRayNodes(): RayNode[] {
  return [
    {
      nodeId: 'a1b2c3d4e5f6a7b8c9d0',
      ip: '10.0.0.11',
      isHead: true,
      state: 'ALIVE',
      resourcesTotal: { CPU: 1, memory: 2 * 2 ** 30 },
      resourcesAvailable: { CPU: 1, memory: 2 * 2 ** 30 },
    },
    {
      nodeId: 'f6e5d4c3b2a1f6e5d4c3',
      ip: '10.0.0.12',
      isHead: false,
      state: 'ALIVE',
      resourcesTotal: { CPU: 2, memory: 4 * 2 ** 30, GPU: 1 },
      resourcesAvailable: { CPU: 0, memory: 2 * 2 ** 30, GPU: 0 },
    },
  ].map(node => rayNodeSchema.parse(node));
}

export function fixtureRayClusterStatus(
  overrides: Overrides<RayClusterStatus> = {},
): RayClusterStatus {
  return rayClusterStatusSchema.parse({
    ray: { version: '2.60.0', commit: '0d2c6fb96b2f8b4c' },
    usage: [
      { resource: 'CPU', used: 2, total: 3 },
      { resource: 'GPU', used: 1, total: 1 },
      { resource: 'memory', used: 2 * 2 ** 30, total: 8 * 2 ** 30 },
    ],
    pendingDemand: [{ resources: { CPU: 4, GPU: 1 }, count: 2 }],
    ...overrides,
  });
}
