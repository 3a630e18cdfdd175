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

import { stringify } from 'yaml';
import {
  DeliveryController,
  VOLCANO_COMMAND,
  apiGroupOf,
  plannedKindsFor,
} from '../vocabulary';

export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
}

export interface RbacOptions {
  serviceAccount: string;
  /** Where the ServiceAccount lives (where the backend runs). */
  namespace: string;
  deliveryController: DeliveryController;
  /** Name of the ClusterRole and its binding; default `ray-service-backend`. */
  name?: string;
}

/**
 * Server-side apply creates missing objects (`create`) and changes existing
 * ones (`patch`); the reconciler lists each kind and deletes what no plan
 * wants. No `update`, no `watch`.
 */
export const PLANNED_KIND_VERBS = ['get', 'list', 'create', 'patch', 'delete'];

/** What the backend reads besides the planned kinds, and why. */
const READ_RULES: Array<PolicyRule & { only?: DeliveryController }> = [
  // the vcluster's kubeconfig Secret `vc-<release>` in tenant namespaces
  { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
  // capacity
  { apiGroups: [''], resources: ['nodes'], verbs: ['list'] },
  // OperatorReady of a vcluster tenant whose vcluster API the backend cannot
  // reach: the KubeRay operator's pods as vcluster's syncer copies them into
  // the tenant namespace (one LIST by label, only while a tenant converges)
  { apiGroups: [''], resources: ['pods'], verbs: ['list'] },
  // the namespace-scoped KubeRay operator's Deployment
  { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] },
  // the helm-controller's install Jobs of HelmCharts
  {
    apiGroups: ['batch'],
    resources: ['jobs'],
    verbs: ['get'],
    only: 'helmChart',
  },
  // preflight
  {
    apiGroups: ['networking.k8s.io'],
    resources: ['ingressclasses'],
    verbs: ['list'],
  },
  {
    apiGroups: ['storage.k8s.io'],
    resources: ['storageclasses'],
    verbs: ['list'],
  },
  {
    apiGroups: ['cert-manager.io'],
    resources: ['clusterissuers'],
    verbs: ['get'],
  },
  {
    nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version'],
    verbs: ['get'],
  },
];

/**
 * The resource (plural) of a kind, by the rule the API server applies to
 * CRDs without an explicit plural: `NetworkPolicy` → `networkpolicies`.
 */
export function resourceNameOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) {
    return `${lower.slice(0, -1)}ies`;
  }
  if (/(s|x|z|ch|sh)$/.test(lower)) {
    return `${lower}es`;
  }
  return `${lower}s`;
}

/**
 * The Role's rules in the namespace of Volcano Commands: the reconciler
 * closes a tenant's queue (server-side apply of a CloseQueue Command)
 * before it deletes it.
 */
export const VOLCANO_COMMAND_RULES: PolicyRule[] = [
  {
    apiGroups: [apiGroupOf(VOLCANO_COMMAND.apiVersion)],
    resources: [resourceNameOf(VOLCANO_COMMAND.kind)],
    verbs: ['create', 'patch'],
  },
];

/** The ClusterRole's rules for a host with this delivery controller. */
export function rbacRules(
  deliveryController: DeliveryController,
): PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const kind of plannedKindsFor(deliveryController)) {
    const group = apiGroupOf(kind.apiVersion);
    byGroup.set(group, [
      ...(byGroup.get(group) ?? []),
      resourceNameOf(kind.kind),
    ]);
  }
  const planned = [...byGroup].map(([group, resources]) => ({
    apiGroups: [group],
    resources,
    verbs: PLANNED_KIND_VERBS,
  }));
  const reads = READ_RULES.filter(
    rule => !rule.only || rule.only === deliveryController,
  ).map(({ only, ...rule }) => rule);
  return [...planned, ...reads];
}

const ESCALATION_NOTE = `Least-privilege RBAC for the Ray service backend (no cluster-admin).

What to know before applying it:
- The delivery controller is the real privilege. Flux's helm-controller and
  the k3s/RKE2 helm-controller install charts as cluster-admin, so whoever may
  create HelmReleases or HelmCharts can install anything: treat this
  ServiceAccount as privileged, and lock the delivery controller down (Flux:
  --default-service-account and impersonation) where that matters.
- RBAC cannot scope by label: the backend may write and delete any
  Namespace, ResourceQuota, LimitRange and NetworkPolicy of the cluster, not
  only the ones labelled app.kubernetes.io/managed-by=ray-service. Add an
  admission policy (e.g. a ValidatingAdmissionPolicy matching this
  ServiceAccount) that rejects writes to objects without that label.
- NetworkPolicies in tenant namespaces need only the verbs below. The backend
  creates no Roles or RoleBindings, so it needs neither "bind" nor
  "escalate"; if tenants ever get RoleBindings from the portal, the backend
  must itself hold every permission it grants (RBAC escalation prevention).
- Secrets are readable cluster-wide because the vcluster kubeconfig Secrets
  (vc-<release>) live in tenant namespaces that do not exist yet; RBAC cannot
  name them in advance.`;

/**
 * The ServiceAccount, ClusterRole and ClusterRoleBinding an admin applies,
 * and a Role with its binding for Volcano Commands, as YAML.
 */
export function minimalRbacYaml(options: RbacOptions): string {
  const name = options.name ?? 'ray-service-backend';
  const labels = { 'app.kubernetes.io/part-of': 'ray-service' };
  const subjects = [
    {
      kind: 'ServiceAccount',
      name: options.serviceAccount,
      namespace: options.namespace,
    },
  ];
  const binding = (kind: 'ClusterRole' | 'Role') => ({
    apiGroup: 'rbac.authorization.k8s.io',
    kind,
    name,
  });
  const commands = { name, namespace: VOLCANO_COMMAND.namespace, labels };
  const documents = [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: options.serviceAccount,
        namespace: options.namespace,
        labels,
      },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name, labels },
      rules: rbacRules(options.deliveryController),
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, labels },
      roleRef: binding('ClusterRole'),
      subjects,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: commands,
      rules: VOLCANO_COMMAND_RULES,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: commands,
      roleRef: binding('Role'),
      subjects,
    },
  ];
  const comment = ESCALATION_NOTE.split('\n')
    .map(line => `# ${line}`.trimEnd())
    .join('\n');
  return `${comment}\n${documents
    .map(document => `---\n${stringify(document)}`)
    .join('')}`;
}
