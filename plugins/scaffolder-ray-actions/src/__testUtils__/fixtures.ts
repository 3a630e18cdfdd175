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
  RayCluster,
  RayJob,
  RayService,
  Tenant,
  TenantCondition,
  TenantPlan,
  WorkloadPlan,
} from '@ray-service/plugin-ray-service-common';

const AT = '2026-01-01T00:00:00.000Z';

export function condition(
  type: TenantCondition['type'],
  status: TenantCondition['status'],
  reason = status === 'True' ? 'Ready' : 'NotReady',
  message = '',
): TenantCondition {
  return { type, status, reason, message, lastTransitionTime: AT };
}

export function tenant(overrides: Partial<Tenant> = {}): Tenant {
  const name = overrides.name ?? 'fraud-models';
  return {
    name,
    owner: 'group:default/ml-team-alpha',
    profile: 'small',
    templateVersion: 'kuberay@2.0.0',
    hostCluster: 'sim-local',
    isolation: 'vcluster',
    namespace: `ray-${name}`,
    phase: 'Pending',
    conditions: [],
    generation: 1,
    observedGeneration: 0,
    createdBy: 'user:default/alice.alpha',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function tenantPlan(name = 'fraud-models'): TenantPlan {
  return {
    hostCluster: 'sim-local',
    isolation: 'vcluster',
    namespace: `ray-${name}`,
    objects: [
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: `ray-${name}` },
      },
    ],
    summary: ['Quota: 8 CPU, 32Gi memory', 'Queue: ray-fraud-models'],
    yaml: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ray-${name}\n`,
  };
}

export function rayCluster(overrides: Partial<RayCluster> = {}): RayCluster {
  return {
    name: 'etl',
    tenant: 'fraud-models',
    phase: 'Pending',
    conditions: [],
    spec: {
      head: { cpu: '2', memory: '8Gi' },
      workerGroups: [],
      auth: 'token',
      scheduler: 'volcano',
    },
    image: 'rayproject/ray:2.60.0',
    head: { ready: false },
    workerGroups: [],
    ...overrides,
  };
}

export function rayJob(overrides: Partial<RayJob> = {}): RayJob {
  return {
    name: 'nightly-train',
    tenant: 'fraud-models',
    phase: 'Pending',
    conditions: [],
    entrypoint: 'python train.py',
    newCluster: true,
    ...overrides,
  };
}

export function rayService(overrides: Partial<RayService> = {}): RayService {
  return {
    name: 'scoring',
    tenant: 'fraud-models',
    phase: 'Pending',
    conditions: [],
    serveConfig: 'applications: []\n',
    upgradeStrategy: 'NewCluster',
    applications: [],
    ...overrides,
  };
}

export function workloadPlan(kind: string, name: string): WorkloadPlan {
  return {
    object: { apiVersion: 'ray.io/v1', kind, metadata: { name } },
    yaml: `apiVersion: ray.io/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n`,
    warnings: ['maxReplicas 4 is above the free quota (2 more workers fit)'],
  };
}
