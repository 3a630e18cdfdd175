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

import type { AuditEvent, RequestTotal } from '@ray-service/kube-control-plane';
import type { PolicyRule } from '../../hostClusters/rbac';

/** `group/resource:verb` (core group: empty), or `url:<path pattern>`. */
export type Grant = string;

/** Every grant of RBAC rules. */
export function grantsOf(rules: PolicyRule[]): Set<Grant> {
  const grants = new Set<Grant>();
  for (const rule of rules) {
    for (const verb of rule.verbs) {
      for (const url of rule.nonResourceURLs ?? []) {
        grants.add(`url:${url}`);
      }
      for (const group of rule.apiGroups ?? []) {
        for (const resource of rule.resources ?? []) {
          grants.add(`${group}/${resource}:${verb}`);
        }
      }
    }
  }
  return grants;
}

function urlPattern(uri: string, patterns: Iterable<string>): string {
  const path = uri.split('?')[0];
  for (const pattern of patterns) {
    if (
      pattern === path ||
      (pattern.endsWith('*') && path.startsWith(pattern.slice(0, -1)))
    ) {
      return pattern;
    }
  }
  return path;
}

/**
 * The grants the requests needed: a server-side apply is a `patch`, and
 * also a `create` when it created the object (201); a non-resource request
 * needs the URL pattern of `granted` it falls under.
 */
export function grantsUsed(
  events: AuditEvent[],
  granted: Set<Grant>,
): Set<Grant> {
  const patterns = [...granted]
    .filter(grant => grant.startsWith('url:'))
    .map(grant => grant.slice('url:'.length));
  const used = new Set<Grant>();
  for (const event of events) {
    const ref = event.objectRef;
    if (!ref?.resource) {
      used.add(`url:${urlPattern(event.requestURI, patterns)}`);
      continue;
    }
    const resource = `${ref.apiGroup ?? ''}/${ref.resource}${
      ref.subresource ? `/${ref.subresource}` : ''
    }`;
    used.add(`${resource}:${event.verb}`);
    if (event.verb === 'patch' && event.responseStatus?.code === 201) {
      used.add(`${resource}:create`);
    }
  }
  return used;
}

/** What one client asked of the API server, by kind of request. */
export interface RequestSummary {
  /** Requests that change something (any verb but get, list, watch). */
  writes: string[];
  /** LISTs per `group/resource`. */
  lists: Record<string, number>;
  /** GETs of objects per `group/resource`. */
  gets: Record<string, number>;
  /** Discovery (`/api/v1`, `/apis/<group>/<version>`) and `/version` requests, by path and code. */
  discovery: string[];
  /** Answers 403. */
  forbidden: string[];
}

const READS = new Set(['get', 'list', 'watch']);

export function summarize(events: AuditEvent[]): RequestSummary {
  const summary: RequestSummary = {
    writes: [],
    lists: {},
    gets: {},
    discovery: [],
    forbidden: [],
  };
  for (const event of events) {
    const code = event.responseStatus?.code;
    const what = `${event.verb} ${event.requestURI} ${code}`;
    if (code === 403) {
      summary.forbidden.push(what);
    }
    const ref = event.objectRef;
    if (!ref?.resource) {
      summary.discovery.push(`${event.requestURI} ${code}`);
      continue;
    }
    const resource = `${ref.apiGroup ?? ''}/${ref.resource}`;
    if (!READS.has(event.verb)) {
      summary.writes.push(what);
    } else if (event.verb === 'list') {
      summary.lists[resource] = (summary.lists[resource] ?? 0) + 1;
    } else if (event.verb === 'get') {
      summary.gets[resource] = (summary.gets[resource] ?? 0) + 1;
    }
  }
  return summary;
}

/** API server verbs that write. */
const WRITE_VERBS = new Set([
  'POST',
  'PUT',
  'PATCH',
  'APPLY',
  'DELETE',
  'DELETECOLLECTION',
]);

/**
 * From `apiserver_request_total` between two readings: LISTs and writes of
 * the given resources (`group/resource`; not their subresources, such as
 * the `status` the controller manager writes), whoever made them.
 */
export function countsOf(delta: RequestTotal[], resources: Set<string>) {
  const lists: Record<string, number> = {};
  const writes: Record<string, number> = {};
  for (const total of delta) {
    const resource = `${total.group}/${total.resource}`;
    if (!resources.has(resource) || total.subresource) {
      continue;
    }
    if (total.verb === 'LIST') {
      lists[resource] = (lists[resource] ?? 0) + total.count;
    } else if (WRITE_VERBS.has(total.verb)) {
      writes[`${total.verb} ${resource}`] =
        (writes[`${total.verb} ${resource}`] ?? 0) + total.count;
    }
  }
  return { lists, writes };
}
