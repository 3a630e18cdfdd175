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

import type { DeliveryController } from './delivery';
import {
  KindRef,
  PLANNED_KINDS,
  PlannedKind,
  RAY_WORKLOAD_KINDS,
  VOLCANO_COMMAND,
} from './kinds';

/** The verbs the backend uses on a host cluster (no update; watch only if it watches). */
export type Verb = 'get' | 'list' | 'watch' | 'create' | 'patch' | 'delete';

/** What the backend does with one resource of a host cluster, and why. */
export interface HostAccess extends KindRef {
  verbs: readonly Verb[];
  why: string;
  /** Only on hosts with this delivery controller. */
  only?: DeliveryController;
  /** Only in this namespace (a Role there instead of the ClusterRole). */
  namespace?: string;
}

/**
 * What the reconciler does with a kind it reconciles: one LIST per pass to
 * observe (or, when it watches, one LIST and then WATCH); server-side apply, which is `patch`, and `create` when the
 * object does not exist yet; `delete` to prune and tear down, except for
 * kinds that go with their namespace. The teardown marks a Volcano queue
 * with a merge patch (`patch`, too).
 */
export function reconciledVerbs(
  kind: PlannedKind,
  options: { watch?: boolean } = {},
): readonly Verb[] {
  const observe: Verb[] = options.watch ? ['list', 'watch'] : ['list'];
  return kind.deletedWithNamespace
    ? [...observe, 'create', 'patch']
    : [...observe, 'create', 'patch', 'delete'];
}

const kindOf = (kind: string): KindRef => {
  const found = PLANNED_KINDS.find(k => k.kind === kind);
  if (!found) {
    throw new Error(`${kind} is not a planned kind`);
  }
  return found;
};

/**
 * Every read the backend makes besides the reconciled kinds: the callers
 * take the kind from here and the generated RBAC grants exactly these, so
 * that the two cannot drift apart (the real-Kubernetes suite checks it
 * against the API server's audit log).
 */
export const HOST_READS = {
  tenantNamespace: {
    ...kindOf('Namespace'),
    verbs: ['get'],
    why: 'creating a tenant: its namespace must not be another portal’s',
  },
  managedQuotas: {
    ...kindOf('ResourceQuota'),
    verbs: ['list'],
    why: 'capacity: what the tenant quotas of every portal reserve',
  },
  nodes: {
    apiVersion: 'v1',
    kind: 'Node',
    resource: 'nodes',
    verbs: ['list'],
    why: 'capacity: allocatable resources and GPU models',
  },
  vclusterKubeconfig: {
    apiVersion: 'v1',
    kind: 'Secret',
    resource: 'secrets',
    verbs: ['get'],
    why: 'the kubeconfig Secret vc-<release> a vcluster exports into its tenant namespace',
  },
  syncedOperatorPods: {
    apiVersion: 'v1',
    kind: 'Pod',
    resource: 'pods',
    verbs: ['list'],
    why: 'OperatorReady of a vcluster whose API the backend cannot reach: the operator pods its syncer copies to the host',
  },
  operatorDeployment: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    resource: 'deployments',
    verbs: ['get'],
    why: 'OperatorReady in namespace isolation: the operator Deployment',
  },
  installJobs: {
    apiVersion: 'batch/v1',
    kind: 'Job',
    resource: 'jobs',
    verbs: ['get'],
    why: 'the helm-controller’s install Jobs of HelmCharts',
    only: 'helmChart',
  },
  ingressClasses: {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    resource: 'ingressclasses',
    verbs: ['list'],
    why: 'preflight: the IngressClass of tenant dashboards',
  },
  storageClasses: {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    resource: 'storageclasses',
    verbs: ['list'],
    why: 'preflight: the StorageClass of vcluster volumes',
  },
  clusterIssuer: {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    resource: 'clusterissuers',
    verbs: ['get'],
    why: 'preflight: the configured ClusterIssuer is Ready',
  },
} as const satisfies Record<string, HostAccess>;

/**
 * What the workload services do with a Ray workload kind: list and get to
 * show them, server-side apply (`patch`, and `create` for a new one) to
 * create, scale, suspend and change them, delete.
 */
const WORKLOAD_VERBS: readonly Verb[] = [
  'get',
  'list',
  'create',
  'patch',
  'delete',
];

const workloadAccess = (kind: KindRef, why: string): HostAccess => ({
  ...kind,
  verbs: WORKLOAD_VERBS,
  why,
});

/**
 * The verb the API server authorizes for each method of a request through
 * a Service's proxy (`services/proxy`): the Ray dashboard is asked with
 * these methods only (reads, and POST to stop a job).
 */
export const SERVICE_PROXY_VERBS = {
  GET: 'get',
  POST: 'create',
} as const satisfies Record<string, Verb>;

export type ServiceProxyMethod = keyof typeof SERVICE_PROXY_VERBS;

/**
 * Everything the Ray workload services do on a host cluster; the callers
 * take the kind from here, and the generated RBAC grants these besides the
 * reconciler's kinds and {@link HOST_READS}. A namespace-isolation tenant's
 * workloads are objects of the host in its namespace; a vcluster tenant's
 * live in its vcluster, and the host is asked only for its quota, the
 * objects vcluster syncs to it and the dashboards.
 */
export const HOST_WORKLOAD_ACCESS = {
  rayClusters: workloadAccess(
    RAY_WORKLOAD_KINDS.RayCluster,
    'Ray workloads of namespace-isolation tenants: RayClusters',
  ),
  rayJobs: workloadAccess(
    RAY_WORKLOAD_KINDS.RayJob,
    'Ray workloads of namespace-isolation tenants: RayJobs',
  ),
  rayServices: workloadAccess(
    RAY_WORKLOAD_KINDS.RayService,
    'Ray workloads of namespace-isolation tenants: RayServices',
  ),
  workerPods: {
    apiVersion: 'v1',
    kind: 'Pod',
    resource: 'pods',
    verbs: ['list'],
    why: 'the ready worker pods of RayClusters',
  },
  tenantQuota: {
    ...kindOf('ResourceQuota'),
    verbs: ['get'],
    why: 'tenant usage, and whether a workload fits its quota',
  },
  rayToken: {
    apiVersion: 'v1',
    kind: 'Secret',
    resource: 'secrets',
    verbs: ['get'],
    why: 'the Ray token of a RayCluster (KubeRay’s auth Secret), sent to its dashboard only',
  },
  syncedHeadServices: {
    apiVersion: 'v1',
    kind: 'Service',
    resource: 'services',
    verbs: ['list'],
    why: 'the head Service of a vcluster tenant’s RayCluster, as vcluster syncs it to the host',
  },
  syncedTokens: {
    apiVersion: 'v1',
    kind: 'Secret',
    resource: 'secrets',
    verbs: ['list'],
    why: 'the Ray token of a vcluster tenant’s RayCluster as vcluster syncs it to the host, when the vcluster API cannot be reached',
  },
  dashboardProxy: {
    apiVersion: 'v1',
    kind: 'Service',
    resource: 'services/proxy',
    verbs: Object.values(SERVICE_PROXY_VERBS),
    why: 'Ray dashboards, through the API server’s proxy to their head Services',
  },
} as const satisfies Record<string, HostAccess>;

/** The Commands with which the teardown asks Volcano to close a queue (server-side apply). */
export const VOLCANO_COMMAND_ACCESS: HostAccess = {
  apiVersion: VOLCANO_COMMAND.apiVersion,
  kind: VOLCANO_COMMAND.kind,
  resource: VOLCANO_COMMAND.resource,
  verbs: ['create', 'patch'],
  why: 'closing a tenant’s Volcano queue before deleting it',
  namespace: VOLCANO_COMMAND.namespace,
};

/**
 * Discovery (`/api/v1`, `/apis/<group>/<version>`: which kinds are served)
 * and the server's version (`/version`).
 */
export const NON_RESOURCE_URLS: readonly string[] = [
  '/api/*',
  '/apis/*',
  '/version',
];
