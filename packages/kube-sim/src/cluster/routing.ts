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

import type { Registry, ResourceType } from '../registry';

/** A parsed request path. */
export interface Route {
  /** `proxy`: the service proxy subresource (`name` is its `name[:port]` id). */
  kind: 'discovery' | 'resource' | 'health' | 'notfound' | 'proxy';
  verb: string;
  group: string;
  version: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  rt?: ResourceType;
  path: string;
  query: URLSearchParams;
  contentType: string;
}

export const APPLY_TYPE = 'application/apply-patch+yaml';
export const PATCH_TYPES = [
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/json-patch+json',
  APPLY_TYPE,
];

/** Parses a request path of the Kubernetes API into what it addresses and the verb. */
export function routeRequest(
  registry: Registry,
  method: string,
  path: string,
  query: URLSearchParams,
  contentType: string,
): Route {
  const base = {
    group: '',
    version: '',
    resource: '',
    path,
    query,
    contentType,
  };
  const segs = path.split('/').filter(s => s.length > 0);
  if (
    path === '/healthz' ||
    path === '/livez' ||
    path === '/readyz' ||
    path.startsWith('/healthz/') ||
    path.startsWith('/livez/') ||
    path.startsWith('/readyz/')
  ) {
    return { ...base, kind: 'health', verb: 'discovery' };
  }
  if (segs.length === 0 || segs[0] === 'version' || segs[0] === 'openapi') {
    return {
      ...base,
      kind: segs[0] === 'openapi' ? 'notfound' : 'discovery',
      verb: 'discovery',
    };
  }
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api') {
    if (segs.length === 1)
      return { ...base, kind: 'discovery', verb: 'discovery' };
    group = '';
    version = segs[1];
    rest = segs.slice(2);
  } else if (segs[0] === 'apis') {
    if (segs.length <= 2)
      return {
        ...base,
        group: segs[1] ?? '',
        kind: 'discovery',
        verb: 'discovery',
      };
    group = segs[1];
    version = segs[2];
    rest = segs.slice(3);
  } else {
    return { ...base, kind: 'notfound', verb: 'discovery' };
  }
  if (rest.length === 0)
    return { ...base, group, version, kind: 'discovery', verb: 'discovery' };

  let namespace: string | undefined;
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    !(
      group === '' &&
      rest.length === 3 &&
      (rest[2] === 'status' || rest[2] === 'finalize')
    )
  ) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest;
  const proxy =
    group === '' &&
    resource === 'services' &&
    subresource === 'proxy' &&
    !!namespace;
  const r: Route = {
    ...base,
    kind: proxy ? 'proxy' : 'resource',
    // kube-apiserver's RequestInfo: on services/proxy, the HTTP method's verb (GET → get)
    verb:
      proxy && (method === 'GET' || method === 'HEAD')
        ? 'get'
        : verbFor(method, name, query, contentType),
    group,
    version,
    resource,
    name,
    subresource,
    namespace,
  };
  if (proxy) return r;
  const rt = registry.get(group, version, resource);
  if (!rt || rest.length > 3) return { ...r, kind: 'notfound' };
  if (rt.namespaced && namespace === undefined && name !== undefined)
    return { ...r, kind: 'notfound' };
  if (!rt.namespaced && namespace !== undefined)
    return { ...r, kind: 'notfound' };
  if (subresource !== undefined) {
    const ok =
      (subresource === 'status' && rt.hasStatus) ||
      (subresource === 'finalize' && rt.resource === 'namespaces');
    if (!ok) return { ...r, kind: 'notfound' };
  }
  return { ...r, rt };
}

function verbFor(
  method: string,
  name: string | undefined,
  query: URLSearchParams,
  contentType: string,
): string {
  switch (method) {
    case 'GET':
      if (name) return 'get';
      return query.get('watch') === 'true' || query.get('watch') === '1'
        ? 'watch'
        : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return contentType === APPLY_TYPE ? 'apply' : 'patch';
    case 'DELETE':
      return name ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}
