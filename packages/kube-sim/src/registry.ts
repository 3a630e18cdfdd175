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

import { compareVersions, joinApiVersion, KubeObject } from './util';

export const STANDARD_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

/** One served resource type (built-in or from a CRD), version-agnostic. */
export interface ResourceType {
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
  storageVersion: string;
  resource: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: string[];
  hasStatus: boolean;
  /** Name rule for metadata.name. */
  nameRule: 'subdomain' | 'label' | 'dns1035' | 'path';
  /** Set for resources defined by a CustomResourceDefinition. */
  crdName?: string;
  /** openAPIV3Schema per version (CRDs only). */
  schemas?: Record<string, KubeObject | undefined>;
  /** Non-persisted resources answered by a special handler. */
  virtual?: 'selfsubjectaccessreview';
}

export function bucketKey(group: string, resource: string): string {
  return `${group}/${resource}`;
}

interface BuiltinSpec {
  gv: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  short?: string[];
  status?: boolean;
  nameRule?: 'subdomain' | 'label' | 'dns1035' | 'path';
  verbs?: string[];
  virtual?: 'selfsubjectaccessreview';
}

const BUILTINS: BuiltinSpec[] = [
  {
    gv: 'v1',
    resource: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
    short: ['ns'],
    status: true,
    nameRule: 'label',
  },
  {
    gv: 'v1',
    resource: 'pods',
    kind: 'Pod',
    namespaced: true,
    short: ['po'],
    status: true,
  },
  {
    gv: 'v1',
    resource: 'services',
    kind: 'Service',
    namespaced: true,
    short: ['svc'],
    status: true,
    nameRule: 'dns1035',
  },
  {
    gv: 'v1',
    resource: 'endpoints',
    kind: 'Endpoints',
    namespaced: true,
    short: ['ep'],
  },
  { gv: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true },
  {
    gv: 'v1',
    resource: 'configmaps',
    kind: 'ConfigMap',
    namespaced: true,
    short: ['cm'],
  },
  {
    gv: 'v1',
    resource: 'serviceaccounts',
    kind: 'ServiceAccount',
    namespaced: true,
    short: ['sa'],
  },
  {
    gv: 'v1',
    resource: 'resourcequotas',
    kind: 'ResourceQuota',
    namespaced: true,
    short: ['quota'],
    status: true,
  },
  {
    gv: 'v1',
    resource: 'limitranges',
    kind: 'LimitRange',
    namespaced: true,
    short: ['limits'],
  },
  {
    gv: 'v1',
    resource: 'nodes',
    kind: 'Node',
    namespaced: false,
    short: ['no'],
    status: true,
  },
  {
    gv: 'v1',
    resource: 'persistentvolumeclaims',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
    short: ['pvc'],
    status: true,
  },
  {
    gv: 'v1',
    resource: 'persistentvolumes',
    kind: 'PersistentVolume',
    namespaced: false,
    short: ['pv'],
    status: true,
  },
  {
    gv: 'v1',
    resource: 'events',
    kind: 'Event',
    namespaced: true,
    short: ['ev'],
  },
  {
    gv: 'apps/v1',
    resource: 'deployments',
    kind: 'Deployment',
    namespaced: true,
    short: ['deploy'],
    status: true,
  },
  {
    gv: 'apps/v1',
    resource: 'statefulsets',
    kind: 'StatefulSet',
    namespaced: true,
    short: ['sts'],
    status: true,
  },
  {
    gv: 'apps/v1',
    resource: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
    short: ['rs'],
    status: true,
  },
  {
    gv: 'apps/v1',
    resource: 'daemonsets',
    kind: 'DaemonSet',
    namespaced: true,
    short: ['ds'],
    status: true,
  },
  {
    gv: 'batch/v1',
    resource: 'jobs',
    kind: 'Job',
    namespaced: true,
    status: true,
  },
  {
    gv: 'batch/v1',
    resource: 'cronjobs',
    kind: 'CronJob',
    namespaced: true,
    short: ['cj'],
    status: true,
  },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    resource: 'roles',
    kind: 'Role',
    namespaced: true,
    nameRule: 'path',
  },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    resource: 'rolebindings',
    kind: 'RoleBinding',
    namespaced: true,
    nameRule: 'path',
  },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    resource: 'clusterroles',
    kind: 'ClusterRole',
    namespaced: false,
    nameRule: 'path',
  },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    resource: 'clusterrolebindings',
    kind: 'ClusterRoleBinding',
    namespaced: false,
    nameRule: 'path',
  },
  {
    gv: 'networking.k8s.io/v1',
    resource: 'networkpolicies',
    kind: 'NetworkPolicy',
    namespaced: true,
    short: ['netpol'],
  },
  {
    gv: 'networking.k8s.io/v1',
    resource: 'ingresses',
    kind: 'Ingress',
    namespaced: true,
    short: ['ing'],
    status: true,
  },
  {
    gv: 'networking.k8s.io/v1',
    resource: 'ingressclasses',
    kind: 'IngressClass',
    namespaced: false,
  },
  {
    gv: 'storage.k8s.io/v1',
    resource: 'storageclasses',
    kind: 'StorageClass',
    namespaced: false,
    short: ['sc'],
  },
  {
    gv: 'apiextensions.k8s.io/v1',
    resource: 'customresourcedefinitions',
    kind: 'CustomResourceDefinition',
    namespaced: false,
    short: ['crd', 'crds'],
    status: true,
  },
  {
    gv: 'scheduling.k8s.io/v1',
    resource: 'priorityclasses',
    kind: 'PriorityClass',
    namespaced: false,
    short: ['pc'],
  },
  {
    gv: 'authorization.k8s.io/v1',
    resource: 'selfsubjectaccessreviews',
    kind: 'SelfSubjectAccessReview',
    namespaced: false,
    verbs: ['create'],
    virtual: 'selfsubjectaccessreview',
  },
];

function builtinTypes(): ResourceType[] {
  return BUILTINS.map(b => {
    const [group, version] = b.gv.includes('/') ? b.gv.split('/') : ['', b.gv];
    return {
      group,
      versions: [version],
      storageVersion: version,
      resource: b.resource,
      singular: b.kind.toLowerCase(),
      kind: b.kind,
      listKind: `${b.kind}List`,
      namespaced: b.namespaced,
      shortNames: b.short,
      verbs: b.verbs ?? STANDARD_VERBS,
      hasStatus: Boolean(b.status),
      nameRule: b.nameRule ?? 'subdomain',
      virtual: b.virtual,
    };
  });
}

/** Turns a CustomResourceDefinition into the resource type it serves. */
export function resourceTypeFromCrd(crd: KubeObject): ResourceType {
  const spec = crd.spec ?? {};
  const names = spec.names ?? {};
  const served = (spec.versions ?? []).filter(
    (v: KubeObject) => v.served !== false,
  );
  const versions = served
    .map((v: KubeObject) => String(v.name))
    .sort(compareVersions);
  const storage =
    (spec.versions ?? []).find((v: KubeObject) => v.storage)?.name ??
    versions[0];
  const schemas: Record<string, KubeObject | undefined> = {};
  let hasStatus = false;
  for (const v of served) {
    schemas[v.name] =
      v.schema?.openAPIV3Schema ?? spec.validation?.openAPIV3Schema;
    if (v.subresources?.status || spec.subresources?.status) hasStatus = true;
  }
  return {
    group: spec.group,
    versions,
    storageVersion: storage,
    resource: names.plural,
    singular: names.singular ?? String(names.kind).toLowerCase(),
    kind: names.kind,
    listKind: names.listKind ?? `${names.kind}List`,
    namespaced: spec.scope !== 'Cluster',
    shortNames: names.shortNames,
    categories: names.categories,
    verbs: STANDARD_VERBS,
    hasStatus,
    nameRule: 'subdomain',
    crdName: crd.metadata?.name,
    schemas,
  };
}

/** What the cluster serves: built-ins plus the resources of installed CRDs. */
export class Registry {
  private readonly types = new Map<string, ResourceType>();
  private byGvr = new Map<string, ResourceType>();
  private byGvk = new Map<string, ResourceType>();
  private groupOrder: string[] = [];
  private version = 0;

  constructor() {
    for (const t of builtinTypes())
      this.types.set(bucketKey(t.group, t.resource), t);
    this.rebuild();
  }

  /** Increments on every change, for caches of discovery documents. */
  get generation(): number {
    return this.version;
  }

  addCrd(crd: KubeObject): ResourceType {
    const t = resourceTypeFromCrd(crd);
    this.types.set(bucketKey(t.group, t.resource), t);
    this.rebuild();
    return t;
  }

  removeCrd(crd: KubeObject): ResourceType | undefined {
    const key = bucketKey(crd.spec?.group, crd.spec?.names?.plural);
    const t = this.types.get(key);
    if (t?.crdName) {
      this.types.delete(key);
      this.rebuild();
      return t;
    }
    return undefined;
  }

  get(
    group: string,
    version: string,
    resource: string,
  ): ResourceType | undefined {
    return this.byGvr.get(`${group}/${version}/${resource}`);
  }

  getByKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.byGvk.get(`${apiVersion}/${kind}`);
  }

  getByResource(group: string, resource: string): ResourceType | undefined {
    return this.types.get(bucketKey(group, resource));
  }

  isBuiltinKey(group: string, resource: string): boolean {
    const t = this.types.get(bucketKey(group, resource));
    return t !== undefined && !t.crdName;
  }

  all(): ResourceType[] {
    return [...this.types.values()];
  }

  hasGroupVersion(group: string, version: string): boolean {
    for (const t of this.types.values()) {
      if (t.group === group && t.versions.includes(version)) return true;
    }
    return false;
  }

  groups(): Array<{ name: string; versions: string[] }> {
    const out: Array<{ name: string; versions: string[] }> = [];
    for (const g of this.groupOrder) {
      const versions = new Set<string>();
      for (const t of this.types.values()) {
        if (t.group === g) t.versions.forEach(v => versions.add(v));
      }
      out.push({ name: g, versions: [...versions].sort(compareVersions) });
    }
    return out;
  }

  resourcesIn(group: string, version: string): ResourceType[] {
    return [...this.types.values()].filter(
      t => t.group === group && t.versions.includes(version),
    );
  }

  private rebuild() {
    this.version++;
    this.byGvr = new Map();
    this.byGvk = new Map();
    const builtinGroups: string[] = [];
    const crdGroups = new Set<string>();
    for (const t of this.types.values()) {
      for (const v of t.versions) {
        this.byGvr.set(`${t.group}/${v}/${t.resource}`, t);
        this.byGvk.set(`${joinApiVersion(t.group, v)}/${t.kind}`, t);
      }
      if (t.crdName) crdGroups.add(t.group);
      else if (!builtinGroups.includes(t.group)) builtinGroups.push(t.group);
    }
    this.groupOrder = [
      ...builtinGroups.filter(g => g !== ''),
      ...[...crdGroups].filter(g => !builtinGroups.includes(g)).sort(),
    ];
  }
}
