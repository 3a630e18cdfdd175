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

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { KubeObject } from '../util';

/** A CRD the seeds know about: where to find it upstream and how to fake it when missing. */
export interface CrdDescriptor {
  group: string;
  plural: string;
  singular: string;
  kind: string;
  scope: 'Namespaced' | 'Cluster';
  /** Served versions; the first is the storage version. */
  versions: string[];
  shortNames?: string[];
  categories?: string[];
  /** File name inside the conformance folder (searched in its sub-folders). */
  file?: string;
}

export const VOLCANO_CRDS: CrdDescriptor[] = [
  {
    group: 'scheduling.volcano.sh',
    plural: 'queues',
    singular: 'queue',
    kind: 'Queue',
    scope: 'Cluster',
    versions: ['v1beta1'],
    shortNames: ['q', 'queue-v1beta1'],
    file: 'scheduling.volcano.sh_queues.yaml',
  },
  {
    group: 'scheduling.volcano.sh',
    plural: 'podgroups',
    singular: 'podgroup',
    kind: 'PodGroup',
    scope: 'Namespaced',
    versions: ['v1beta1'],
    shortNames: ['pg', 'podgroup-v1beta1'],
    file: 'scheduling.volcano.sh_podgroups.yaml',
  },
  {
    // Not in the conformance folder: always our minimal CRD (which adds a harmless /status).
    group: 'bus.volcano.sh',
    plural: 'commands',
    singular: 'command',
    kind: 'Command',
    scope: 'Namespaced',
    versions: ['v1alpha1'],
  },
];

export const FLUX_CRDS: CrdDescriptor[] = [
  {
    group: 'helm.toolkit.fluxcd.io',
    plural: 'helmreleases',
    singular: 'helmrelease',
    kind: 'HelmRelease',
    scope: 'Namespaced',
    versions: ['v2'],
    shortNames: ['hr'],
    file: 'helm.toolkit.fluxcd.io_helmreleases.yaml',
  },
  {
    group: 'source.toolkit.fluxcd.io',
    plural: 'helmrepositories',
    singular: 'helmrepository',
    kind: 'HelmRepository',
    scope: 'Namespaced',
    versions: ['v1'],
    shortNames: ['helmrepo'],
    file: 'source.toolkit.fluxcd.io_helmrepositories.yaml',
  },
  {
    group: 'source.toolkit.fluxcd.io',
    plural: 'ocirepositories',
    singular: 'ocirepository',
    kind: 'OCIRepository',
    scope: 'Namespaced',
    versions: ['v1'],
    shortNames: ['ocirepo'],
    file: 'source.toolkit.fluxcd.io_ocirepositories.yaml',
  },
];

export const K3S_CRDS: CrdDescriptor[] = [
  {
    group: 'helm.cattle.io',
    plural: 'helmcharts',
    singular: 'helmchart',
    kind: 'HelmChart',
    scope: 'Namespaced',
    versions: ['v1'],
    file: 'helm.cattle.io_helmcharts.yaml',
  },
];

export const RAY_CRDS: CrdDescriptor[] = [
  {
    group: 'ray.io',
    plural: 'rayclusters',
    singular: 'raycluster',
    kind: 'RayCluster',
    scope: 'Namespaced',
    versions: ['v1', 'v1alpha1'],
    categories: ['all'],
    file: 'ray.io_rayclusters.yaml',
  },
  {
    group: 'ray.io',
    plural: 'rayjobs',
    singular: 'rayjob',
    kind: 'RayJob',
    scope: 'Namespaced',
    versions: ['v1', 'v1alpha1'],
    categories: ['all'],
    file: 'ray.io_rayjobs.yaml',
  },
  {
    group: 'ray.io',
    plural: 'rayservices',
    singular: 'rayservice',
    kind: 'RayService',
    scope: 'Namespaced',
    versions: ['v1', 'v1alpha1'],
    categories: ['all'],
    file: 'ray.io_rayservices.yaml',
  },
  {
    group: 'ray.io',
    plural: 'raycronjobs',
    singular: 'raycronjob',
    kind: 'RayCronJob',
    scope: 'Namespaced',
    versions: ['v1'],
    categories: ['all'],
    file: 'ray.io_raycronjobs.yaml',
  },
];

/** cert-manager is not in the conformance folder: these are always our minimal CRDs. */
export const CERT_MANAGER_CRDS: CrdDescriptor[] = [
  {
    group: 'cert-manager.io',
    plural: 'certificates',
    singular: 'certificate',
    kind: 'Certificate',
    scope: 'Namespaced',
    versions: ['v1'],
    shortNames: ['cert', 'certs'],
    categories: ['cert-manager'],
  },
  {
    group: 'cert-manager.io',
    plural: 'issuers',
    singular: 'issuer',
    kind: 'Issuer',
    scope: 'Namespaced',
    versions: ['v1'],
    categories: ['cert-manager'],
  },
  {
    group: 'cert-manager.io',
    plural: 'clusterissuers',
    singular: 'clusterissuer',
    kind: 'ClusterIssuer',
    scope: 'Cluster',
    versions: ['v1'],
    categories: ['cert-manager'],
  },
  {
    group: 'cert-manager.io',
    plural: 'certificaterequests',
    singular: 'certificaterequest',
    kind: 'CertificateRequest',
    scope: 'Namespaced',
    versions: ['v1'],
    shortNames: ['cr', 'crs'],
    categories: ['cert-manager'],
  },
];

/** A minimal CRD: every version accepts any fields (preserve-unknown-fields) and has /status. */
export function minimalCrd(d: CrdDescriptor): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${d.plural}.${d.group}`,
      annotations: { 'kube-sim.ray-service.io/source': 'minimal' },
    },
    spec: {
      group: d.group,
      names: {
        kind: d.kind,
        listKind: `${d.kind}List`,
        plural: d.plural,
        singular: d.singular,
        ...(d.shortNames ? { shortNames: d.shortNames } : {}),
        ...(d.categories ? { categories: d.categories } : {}),
      },
      scope: d.scope,
      versions: d.versions.map((v, i) => ({
        name: v,
        served: true,
        storage: i === 0,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
          },
        },
        subresources: { status: {} },
      })),
    },
  };
}

/**
 * Finds `../shared/conformance` by walking up from a directory (the project's CRD data lives
 * beside the repository, never inside it).
 */
export function findConformanceDir(
  from: string = process.cwd(),
): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.resolve(dir, '..', 'shared', 'conformance');
    if (isDir(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const memoryCache = new Map<string, KubeObject[]>();

function cacheDir(): string {
  return path.join(os.tmpdir(), 'kube-sim-cache', 'v1');
}

/**
 * Parses a (multi-document) YAML file. Parsing KubeRay's 4 MB of CRDs with `yaml` takes
 * seconds, so the result is cached in memory and as JSON in the OS temp dir, keyed by the
 * file's path, size and modification time.
 */
export function loadYamlDocuments(file: string): KubeObject[] {
  const stat = fs.statSync(file);
  const key = createHash('sha1')
    .update(`${path.resolve(file)}|${stat.size}|${stat.mtimeMs}`)
    .digest('hex');
  const hit = memoryCache.get(key);
  if (hit) return hit;
  const cached = path.join(cacheDir(), `${key}.json`);
  let docs: KubeObject[] | undefined;
  try {
    docs = JSON.parse(fs.readFileSync(cached, 'utf8'));
  } catch {
    docs = undefined;
  }
  if (!Array.isArray(docs)) {
    docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(d => d.toJS())
      .filter(d => d && typeof d === 'object');
    try {
      fs.mkdirSync(cacheDir(), { recursive: true });
      const tmp = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(docs));
      fs.renameSync(tmp, cached);
    } catch {
      // the cache is only an optimisation
    }
  }
  memoryCache.set(key, docs!);
  return docs!;
}

function findFile(dir: string, name: string): string | undefined {
  const direct = path.join(dir, name);
  if (fs.existsSync(direct)) return direct;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const p = path.join(dir, e.name, name);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

export interface LoadedCrd {
  crd: KubeObject;
  source: 'upstream' | 'minimal';
  file?: string;
}

/** The upstream CRD from `crdDir` when present, else our minimal CRD. */
export function loadCrd(
  d: CrdDescriptor,
  crdDir: string | undefined,
): LoadedCrd {
  if (crdDir && d.file) {
    const file = findFile(crdDir, d.file);
    if (file) {
      const crd = loadYamlDocuments(file).find(
        x =>
          x.kind === 'CustomResourceDefinition' &&
          x.metadata?.name === `${d.plural}.${d.group}`,
      );
      if (crd) return { crd, source: 'upstream', file };
    }
  }
  return { crd: minimalCrd(d), source: 'minimal' };
}

/** Reads every CustomResourceDefinition in a YAML file. */
export function loadCrdFile(file: string): KubeObject[] {
  return loadYamlDocuments(file).filter(
    x => x.kind === 'CustomResourceDefinition',
  );
}
