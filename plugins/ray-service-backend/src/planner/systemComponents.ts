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
  addQuantities,
  IsolationMode,
} from '@ray-service/plugin-ray-service-common';

/**
 * The pods a tenant runs besides its Ray clusters. They live in the tenant
 * namespace (vcluster syncs its pods there), so the ResourceQuota must leave
 * room for them. The resources set here are also the ones the Helm values
 * give these components, so quota and values cannot drift apart.
 */

export interface CpuMemory {
  cpu: string;
  memory: string;
}

export interface ComponentResources {
  requests: CpuMemory;
  limits: CpuMemory;
}

export interface SystemComponent {
  name: string;
  resources: ComponentResources;
  /** PersistentVolumeClaims the component creates, with their size. */
  volumeClaims?: { count: number; size: string };
}

/** The vcluster control plane (syncer and API server), one replica. */
export const VCLUSTER_CONTROL_PLANE: SystemComponent = {
  name: 'vcluster control plane',
  resources: {
    requests: { cpu: '200m', memory: '512Mi' },
    limits: { cpu: '2', memory: '4Gi' },
  },
  volumeClaims: { count: 1, size: '5Gi' },
};

/** CoreDNS inside the vcluster (vcluster's chart defaults). */
export const VCLUSTER_COREDNS: SystemComponent = {
  name: 'vcluster CoreDNS',
  resources: {
    requests: { cpu: '20m', memory: '64Mi' },
    limits: { cpu: '1', memory: '170Mi' },
  },
};

/** The KubeRay operator (its chart's defaults, requests made explicit). */
export const KUBERAY_OPERATOR: SystemComponent = {
  name: 'KubeRay operator',
  resources: {
    requests: { cpu: '100m', memory: '512Mi' },
    limits: { cpu: '100m', memory: '512Mi' },
  },
};

export function systemComponents(isolation: IsolationMode): SystemComponent[] {
  return isolation === 'vcluster'
    ? [VCLUSTER_CONTROL_PLANE, VCLUSTER_COREDNS, KUBERAY_OPERATOR]
    : [KUBERAY_OPERATOR];
}

export interface SystemOverhead {
  requests: CpuMemory;
  limits: CpuMemory;
  storage: string;
  persistentVolumeClaims: number;
}

/** What the system components of an isolation mode add up to. */
export function systemOverhead(isolation: IsolationMode): SystemOverhead {
  const components = systemComponents(isolation);
  const sum = (pick: (c: SystemComponent) => string, kind: 'cpu' | 'memory') =>
    addQuantities(components.map(pick), kind);
  const claims = components.flatMap(c =>
    c.volumeClaims ? [c.volumeClaims] : [],
  );
  return {
    requests: {
      cpu: sum(c => c.resources.requests.cpu, 'cpu'),
      memory: sum(c => c.resources.requests.memory, 'memory'),
    },
    limits: {
      cpu: sum(c => c.resources.limits.cpu, 'cpu'),
      memory: sum(c => c.resources.limits.memory, 'memory'),
    },
    storage: addQuantities(
      claims.flatMap(claim => Array(claim.count).fill(claim.size)),
      'storage',
    ),
    persistentVolumeClaims: claims.reduce((n, claim) => n + claim.count, 0),
  };
}
