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

export interface PlannedKind {
  apiVersion: string;
  kind: string;
  namespaced: boolean;
}

/**
 * Every kind a plan can contain. The reconciler lists each kind once per
 * host cluster by label to find what exists; a kind missing here would never
 * be pruned.
 */
export const PLANNED_KINDS: readonly PlannedKind[] = [
  { apiVersion: 'v1', kind: 'Namespace', namespaced: false },
  { apiVersion: VOLCANO_QUEUE_API_VERSION, kind: 'Queue', namespaced: false },
  { apiVersion: 'v1', kind: 'ResourceQuota', namespaced: true },
  { apiVersion: 'v1', kind: 'LimitRange', namespaced: true },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    namespaced: true,
  },
  {
    apiVersion: FLUX_SOURCE_API_VERSION,
    kind: 'HelmRepository',
    namespaced: true,
  },
  {
    apiVersion: FLUX_SOURCE_API_VERSION,
    kind: 'OCIRepository',
    namespaced: true,
  },
  { apiVersion: FLUX_HELM_API_VERSION, kind: 'HelmRelease', namespaced: true },
  { apiVersion: HELM_CHART_API_VERSION, kind: 'HelmChart', namespaced: true },
];

/**
 * Volcano's Command, through which the reconciler closes a tenant's queue
 * before deleting it. It lives where `vcctl queue operate` puts it, in the
 * `default` namespace every cluster has.
 */
export const VOLCANO_COMMAND = {
  apiVersion: 'bus.volcano.sh/v1alpha1',
  kind: 'Command',
  namespace: 'default',
} as const;
