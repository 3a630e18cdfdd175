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

import { resourceNotFound } from '../errors';
import type { Registry } from '../registry';
import { joinApiVersion, KubeObject } from '../util';
import type { ClusterOptions } from './options';
import { json, SimResponse } from './responses';
import type { Route } from './routing';

/**
 * The discovery documents: /, /version, /api, /apis, /apis/{group} and the resource lists of
 * group versions. Bodies are cached until the registry changes (a CRD comes or goes).
 */
export class Discovery {
  private readonly cache = new Map<string, string>();
  private cachedGeneration = -1;

  constructor(
    private readonly registry: Registry,
    private readonly options: Pick<
      ClusterOptions,
      'kubernetesVersion' | 'serverAddress'
    >,
  ) {}

  respond(route: Route): SimResponse {
    if (this.cachedGeneration !== this.registry.generation) {
      this.cache.clear();
      this.cachedGeneration = this.registry.generation;
    }
    const key = route.path;
    const cached = this.cache.get(key);
    if (cached) return json(200, cached);
    const text = JSON.stringify(this.body(route));
    this.cache.set(key, text);
    return json(200, text);
  }

  private body(route: Route): unknown {
    const segs = route.path.split('/').filter(s => s);
    if (segs.length === 0) return this.rootPaths();
    if (segs[0] === 'version') return this.version();
    if (segs.length === 1 && segs[0] === 'api') {
      return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [
          {
            clientCIDR: '0.0.0.0/0',
            serverAddress: this.options.serverAddress(),
          },
        ],
      };
    }
    if (segs.length === 1 && segs[0] === 'apis') {
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: this.registry.groups().map(g => apiGroup(g.name, g.versions)),
      };
    }
    if (segs[0] === 'apis' && segs.length === 2) {
      const g = this.registry.groups().find(x => x.name === segs[1]);
      if (!g) throw resourceNotFound();
      return {
        kind: 'APIGroup',
        apiVersion: 'v1',
        ...apiGroup(g.name, g.versions),
      };
    }
    const group = segs[0] === 'api' ? '' : segs[1];
    const version = segs[0] === 'api' ? segs[1] : segs[2];
    return this.resourceList(group, version);
  }

  private rootPaths() {
    const paths = [
      '/api',
      '/api/v1',
      '/apis',
      '/healthz',
      '/livez',
      '/readyz',
      '/version',
    ];
    for (const g of this.registry.groups()) {
      paths.push(
        `/apis/${g.name}`,
        ...g.versions.map(v => `/apis/${g.name}/${v}`),
      );
    }
    return { paths: paths.sort() };
  }

  private version() {
    const v = this.options.kubernetesVersion;
    const m = /^v?(\d+)\.(\d+)/.exec(v);
    return {
      major: m ? m[1] : '1',
      minor: m ? m[2] : '31',
      gitVersion: v,
      gitCommit: '0000000000000000000000000000000000000000',
      gitTreeState: 'clean',
      buildDate: '2025-01-01T00:00:00Z',
      goVersion: 'go1.22.10',
      compiler: 'gc',
      platform: 'linux/amd64',
    };
  }

  private resourceList(group: string, version: string) {
    if (!this.registry.hasGroupVersion(group, version))
      throw resourceNotFound();
    const resources: KubeObject[] = [];
    for (const t of this.registry.resourcesIn(group, version)) {
      const r: KubeObject = {
        name: t.resource,
        singularName: t.singular,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: t.verbs,
      };
      if (t.shortNames?.length) r.shortNames = t.shortNames;
      if (t.categories?.length) r.categories = t.categories;
      resources.push(r);
      if (t.hasStatus) {
        resources.push({
          name: `${t.resource}/status`,
          singularName: '',
          namespaced: t.namespaced,
          kind: t.kind,
          verbs: ['get', 'patch', 'update'],
        });
      }
    }
    resources.sort((a, b) => String(a.name).localeCompare(String(b.name)));
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: joinApiVersion(group, version),
      resources,
    };
  }
}

function apiGroup(name: string, versions: string[]) {
  return {
    name,
    versions: versions.map(v => ({ groupVersion: `${name}/${v}`, version: v })),
    preferredVersion: {
      groupVersion: `${name}/${versions[0]}`,
      version: versions[0],
    },
  };
}
