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
  apiGroupOf,
  DeliveryController,
  HOST_READS,
  HOST_WORKLOAD_ACCESS,
  HostAccess,
  NON_RESOURCE_URLS,
  reconciledKinds,
  reconciledVerbs,
  Verb,
  VOLCANO_COMMAND_ACCESS,
} from '../vocabulary';

export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
}

export interface RbacOptions {
  serviceAccount: string;
  /** Where the ServiceAccount lives (where the backend runs); created if missing. */
  namespace: string;
  deliveryController: DeliveryController;
  /** Whether the backend watches the reconciled kinds (`rayService.reconcile.watch`). */
  watch?: boolean;
  /** Name of the ClusterRole and its binding; default `ray-service-backend`. */
  name?: string;
}

const VERB_ORDER: readonly Verb[] = [
  'get',
  'list',
  'watch',
  'create',
  'patch',
  'delete',
];

/**
 * Rules granting `accesses`, merged: one rule per API group and set of
 * verbs, resources and verbs in a stable order.
 */
export function rulesFor(accesses: readonly HostAccess[]): PolicyRule[] {
  const verbsByResource = new Map<string, Set<Verb>>();
  for (const access of accesses) {
    const key = `${apiGroupOf(access.apiVersion)}\n${access.resource}`;
    const verbs = verbsByResource.get(key) ?? new Set<Verb>();
    access.verbs.forEach(verb => verbs.add(verb));
    verbsByResource.set(key, verbs);
  }
  const rules = new Map<string, PolicyRule>();
  for (const [key, verbSet] of verbsByResource) {
    const [group, resource] = key.split('\n');
    const verbs = VERB_ORDER.filter(verb => verbSet.has(verb));
    const ruleKey = `${group}\n${verbs.join(',')}`;
    const rule = rules.get(ruleKey) ?? {
      apiGroups: [group],
      resources: [],
      verbs,
    };
    rule.resources!.push(resource);
    rules.set(ruleKey, rule);
  }
  return [...rules.values()];
}

/**
 * Everything the backend does cluster-wide on a host with this delivery
 * controller: the reconciled kinds, the reads of {@link HOST_READS} and what
 * the Ray workload services do ({@link HOST_WORKLOAD_ACCESS}).
 */
export function clusterAccess(
  deliveryController: DeliveryController,
  options: { watch?: boolean } = {},
): HostAccess[] {
  const reconciled = reconciledKinds(deliveryController).map(kind => ({
    ...kind,
    verbs: reconciledVerbs(kind, options),
    why: 'reconciled: observed, applied, pruned and torn down',
  }));
  const reads = Object.values(HOST_READS).filter(
    (read: HostAccess) => !read.only || read.only === deliveryController,
  );
  return [...reconciled, ...reads, ...Object.values(HOST_WORKLOAD_ACCESS)];
}

/** The ClusterRole's rules for a host with this delivery controller. */
export function rbacRules(
  deliveryController: DeliveryController,
  options: { watch?: boolean } = {},
): PolicyRule[] {
  return [
    ...rulesFor(clusterAccess(deliveryController, options)),
    { nonResourceURLs: [...NON_RESOURCE_URLS], verbs: ['get'] },
  ];
}

/**
 * The Role's rules in the namespace of Volcano Commands: the reconciler
 * closes a tenant's queue (server-side apply of a CloseQueue Command)
 * before it deletes it.
 */
export const VOLCANO_COMMAND_RULES: PolicyRule[] = rulesFor([
  VOLCANO_COMMAND_ACCESS,
]);

const note = (
  namespace: string,
) => `Least-privilege RBAC for the Ray service backend (no cluster-admin).

Apply it with "kubectl apply -f". It creates the namespace ${namespace} of the
ServiceAccount if it does not exist; if that namespace is managed elsewhere,
drop the Namespace document ("kubectl delete -f" of this file would delete
the namespace and all in it).

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
  (vc-<release>) and the Ray token Secrets of RayClusters live in tenant
  namespaces that do not exist yet; RBAC cannot name them in advance. They
  are listed (by vcluster's labels) only to find the Ray token vcluster
  synced to the host when a vcluster API cannot be reached.
- Ray workloads: the backend creates, changes and deletes RayClusters,
  RayJobs and RayServices (namespace-isolation tenants keep them in their
  namespace on the host) and reaches Ray dashboards through the API
  server's service proxy (services/proxy, get and create: GET reads, POST
  stops a job). services/proxy reaches the HTTP of any Service of the
  cluster; the backend asks only the head Services of tenants' RayClusters.
- The rules are for a host whose Helm delivery controller is the one named
  in the ClusterRole's annotation; generate them again if it changes.`;

/**
 * The ServiceAccount (and its Namespace), ClusterRole and
 * ClusterRoleBinding an admin applies, and a Role with its binding for
 * Volcano Commands, as plain YAML (no anchors or aliases: some GitOps tools
 * refuse them).
 */
export function minimalRbacYaml(options: RbacOptions): string {
  const name = options.name ?? 'ray-service-backend';
  const labels = { 'app.kubernetes.io/part-of': 'ray-service' };
  const subject = () => ({
    kind: 'ServiceAccount',
    name: options.serviceAccount,
    namespace: options.namespace,
  });
  const roleRef = (kind: 'ClusterRole' | 'Role') => ({
    apiGroup: 'rbac.authorization.k8s.io',
    kind,
    name,
  });
  const commands = () => ({
    name,
    namespace: VOLCANO_COMMAND_ACCESS.namespace,
    labels: { ...labels },
  });
  const documents = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: options.namespace },
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: options.serviceAccount,
        namespace: options.namespace,
        labels: { ...labels },
      },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: {
        name,
        labels: { ...labels },
        annotations: {
          'ray-service.io/delivery-controller': options.deliveryController,
        },
      },
      rules: rbacRules(options.deliveryController, { watch: options.watch }),
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, labels: { ...labels } },
      roleRef: roleRef('ClusterRole'),
      subjects: [subject()],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: commands(),
      rules: VOLCANO_COMMAND_RULES,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: commands(),
      roleRef: roleRef('Role'),
      subjects: [subject()],
    },
  ];
  const comment = note(options.namespace)
    .split('\n')
    .map(line => `# ${line}`.trimEnd())
    .join('\n');
  return `${comment}\n${documents
    .map(
      document =>
        `---\n${stringify(document, { aliasDuplicateObjects: false })}`,
    )
    .join('')}`;
}
