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

import type { V1ClusterRole } from '@kubernetes/client-node';

/**
 * What the portal may do inside a tenant's vcluster. vcluster exports a
 * kubeconfig with a token of this ServiceAccount (bound to this ClusterRole)
 * instead of its admin certificate: manage Ray objects, read what they run,
 * reach the Ray dashboard through the service proxy, create namespaces and
 * the Secrets/ConfigMaps Ray clusters reference (e.g. the GCS Redis password).
 */
export const PORTAL_SERVICE_ACCOUNT = {
  name: 'ray-service-portal',
  namespace: 'kube-system',
  clusterRole: 'ray-service-portal',
} as const;

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete'];

export function portalClusterRole(
  labels: Record<string, string>,
): V1ClusterRole {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: PORTAL_SERVICE_ACCOUNT.clusterRole, labels },
    rules: [
      {
        apiGroups: ['ray.io'],
        resources: ['rayclusters', 'rayjobs', 'rayservices', 'raycronjobs'],
        verbs: [...READ, ...WRITE],
      },
      {
        apiGroups: [''],
        resources: ['pods', 'services', 'endpoints', 'events'],
        verbs: READ,
      },
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
      {
        apiGroups: [''],
        resources: ['services/proxy'],
        verbs: ['get', 'create', 'delete'],
      },
      {
        apiGroups: [''],
        resources: ['namespaces'],
        verbs: [...READ, 'create'],
      },
      {
        apiGroups: [''],
        resources: ['secrets', 'configmaps'],
        verbs: ['get', 'create', 'update', 'patch', 'delete'],
      },
      {
        apiGroups: ['networking.k8s.io'],
        resources: ['ingresses'],
        verbs: READ,
      },
    ],
  };
}
