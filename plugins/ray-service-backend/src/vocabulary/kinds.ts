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

export const FLUX_SOURCE_API_VERSION = 'source.toolkit.fluxcd.io/v1';
export const FLUX_HELM_API_VERSION = 'helm.toolkit.fluxcd.io/v2';
export const HELM_CHART_API_VERSION = 'helm.cattle.io/v1';
export const VOLCANO_QUEUE_API_VERSION = 'scheduling.volcano.sh/v1beta1';
export const RAY_API_VERSION = 'ray.io/v1';

/** A kind and the API resource (plural) that serves it, as RBAC names it. */
export interface KindRef {
  apiVersion: string;
  kind: string;
  /** e.g. `networkpolicies` */
  resource: string;
}

export interface PlannedKind extends KindRef {
  namespaced: boolean;
  /**
   * Every plan has exactly one, inside the tenant namespace: the reconciler
   * never deletes it on its own; it goes with the namespace.
   */
  deletedWithNamespace?: true;
}

/**
 * Every kind a plan can contain. The reconciler lists each kind once per
 * host cluster by label to find what exists (a kind missing here would never
 * be pruned), and the generated RBAC grants exactly what it does with them
 * (see `reconciledKinds`).
 */
export const PLANNED_KINDS: readonly PlannedKind[] = [
  {
    apiVersion: 'v1',
    kind: 'Namespace',
    resource: 'namespaces',
    namespaced: false,
  },
  {
    apiVersion: VOLCANO_QUEUE_API_VERSION,
    kind: 'Queue',
    resource: 'queues',
    namespaced: false,
  },
  {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    resource: 'resourcequotas',
    namespaced: true,
    deletedWithNamespace: true,
  },
  {
    apiVersion: 'v1',
    kind: 'LimitRange',
    resource: 'limitranges',
    namespaced: true,
    deletedWithNamespace: true,
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    resource: 'networkpolicies',
    namespaced: true,
  },
  {
    apiVersion: FLUX_SOURCE_API_VERSION,
    kind: 'HelmRepository',
    resource: 'helmrepositories',
    namespaced: true,
  },
  {
    apiVersion: FLUX_SOURCE_API_VERSION,
    kind: 'OCIRepository',
    resource: 'ocirepositories',
    namespaced: true,
  },
  {
    apiVersion: FLUX_HELM_API_VERSION,
    kind: 'HelmRelease',
    resource: 'helmreleases',
    namespaced: true,
  },
  {
    apiVersion: HELM_CHART_API_VERSION,
    kind: 'HelmChart',
    resource: 'helmcharts',
    namespaced: true,
  },
];

/**
 * Volcano's Command, through which the reconciler closes a tenant's queue
 * before deleting it. It lives where `vcctl queue operate` puts it, in the
 * `default` namespace every cluster has.
 */
export const VOLCANO_COMMAND = {
  apiVersion: 'bus.volcano.sh/v1alpha1',
  kind: 'Command',
  resource: 'commands',
  namespace: 'default',
} as const;

/**
 * The annotation with which the reconciler marks a Volcano queue it asked
 * Volcano to close: the queue belongs to a tenant being torn down, the
 * Command is not asked for again, and a tenant created again under the same
 * name never adopts it (see reconciler/queueRemoval.ts).
 */
export const QUEUE_TEARDOWN_ANNOTATION = 'ray-service.io/teardown';

/**
 * The KubeRay kinds of tenants' Ray workloads. They share one set of names
 * per tenant (KubeRay names each head Service after its object).
 */
export const RAY_WORKLOAD_KINDS = {
  RayCluster: {
    apiVersion: RAY_API_VERSION,
    kind: 'RayCluster',
    resource: 'rayclusters',
  },
  RayJob: { apiVersion: RAY_API_VERSION, kind: 'RayJob', resource: 'rayjobs' },
  RayService: {
    apiVersion: RAY_API_VERSION,
    kind: 'RayService',
    resource: 'rayservices',
  },
} as const satisfies Record<string, KindRef>;

export type RayWorkloadKind = keyof typeof RAY_WORKLOAD_KINDS;
