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

import YAML from 'yaml';
import { ApiError, badRequest, resourceNotFound } from '../errors';
import type { ResourceType } from '../registry';
import { parseFieldSelector, parseLabelSelector } from '../selectors';
import type { ObjectStore } from '../store';
import { isPlainObject, joinApiVersion, KubeObject } from '../util';
import type { Discovery } from './discovery';
import type { WriteOptions } from './options';
import { listJson, mustGet, serialize, versioned } from './reads';
import { errorResponse, json, SimResponse } from './responses';
import { APPLY_TYPE, PATCH_TYPES, Route } from './routing';
import type { ObjectWriter, WriteResult } from './writes';

type Headers = Record<string, string | string[] | undefined>;

/** Answers a routed request: health, discovery, or a verb on a resource. */
export class RequestHandler {
  constructor(
    private readonly store: ObjectStore,
    private readonly writer: ObjectWriter,
    private readonly discovery: Discovery,
  ) {}

  handle(
    route: Route,
    method: string,
    body: Buffer,
    headers: Headers,
  ): SimResponse {
    try {
      if (route.kind === 'health')
        return { status: 200, body: 'ok', contentType: 'text/plain' };
      if (route.kind === 'discovery') {
        if (method !== 'GET') throw methodNotAllowed();
        return this.discovery.respond(route);
      }
      if (route.kind === 'notfound' || !route.rt) throw resourceNotFound();
      return this.handleResource(route, route.rt, body, headers);
    } catch (e) {
      return errorResponse(e);
    }
  }

  private handleResource(
    route: Route,
    rt: ResourceType,
    body: Buffer,
    headers: Headers,
  ): SimResponse {
    const q = route.query;
    const opts: WriteOptions = {
      dryRun: q.getAll('dryRun').includes('All'),
      fieldManager: q.get('fieldManager') ?? undefined,
      fieldValidation: q.get('fieldValidation') ?? undefined,
      force: q.get('force') === 'true',
      subresource: route.subresource,
      userAgent: String(headers['user-agent'] ?? ''),
    };
    const gv = joinApiVersion(route.group, route.version);
    if (
      !rt.verbs.includes(route.verb) &&
      !(route.verb === 'apply' && rt.verbs.includes('patch'))
    ) {
      throw methodNotAllowed(
        `${route.verb} is not supported on ${rt.resource}`,
      );
    }
    const withWarnings = (status: number, r: WriteResult) =>
      json(
        status,
        versioned(r.obj, gv),
        r.warnings.length
          ? {
              Warning: r.warnings
                .map(w => `299 - ${JSON.stringify(w)}`)
                .join(', '),
            }
          : undefined,
      );

    switch (route.verb) {
      case 'get': {
        const e = mustGet(this.store, rt, route.namespace, route.name!);
        return json(200, serialize(e, gv));
      }
      case 'list':
        return json(200, listJson(this.store, rt, gv, route.namespace, q));
      case 'create': {
        if (route.name) throw methodNotAllowed();
        const input = parseBody(body, route.contentType);
        if (rt.virtual === 'selfsubjectaccessreview') {
          return json(201, {
            ...input,
            apiVersion: gv,
            kind: rt.kind,
            metadata: { creationTimestamp: null },
            status: { allowed: true, reason: 'kube-sim allows every request' },
          });
        }
        const r = this.writer.create(
          rt,
          route.version,
          route.namespace,
          input,
          opts,
        );
        return withWarnings(201, r);
      }
      case 'update': {
        const input = parseBody(body, route.contentType);
        const r = this.writer.replace(
          rt,
          route.version,
          route.namespace,
          route.name!,
          input,
          opts,
        );
        return withWarnings(200, r);
      }
      case 'patch':
      case 'apply': {
        const patch = parsePatch(body, route.contentType);
        if (route.verb === 'apply') {
          const r = this.writer.apply(
            rt,
            route.version,
            route.namespace,
            route.name!,
            patch,
            opts,
          );
          return withWarnings(r.created ? 201 : 200, r);
        }
        const r = this.writer.patch(
          rt,
          route.version,
          route.namespace,
          route.name!,
          route.contentType,
          patch,
          opts,
        );
        return withWarnings(200, r);
      }
      case 'delete': {
        const out = this.writer.delete(rt, route.namespace, route.name!, opts);
        return json(200, out.status ?? versioned(out.obj!, gv));
      }
      case 'deletecollection':
        return json(200, this.deleteCollection(rt, gv, route, opts));
      default:
        throw methodNotAllowed();
    }
  }

  private deleteCollection(
    rt: ResourceType,
    gv: string,
    route: Route,
    opts: WriteOptions,
  ): KubeObject {
    const q = route.query;
    const labelSelector = parseLabelSelector(q.get('labelSelector'));
    const fieldSelector = parseFieldSelector(q.get('fieldSelector'));
    const { entries } = this.store.list(rt, {
      namespace: rt.namespaced ? route.namespace : undefined,
      labelSelector,
      fieldSelector,
    });
    const items = entries.map(e => e.obj);
    // Like the API server: every object goes through admission on its own; the denied
    // ones stay, the others are deleted, and the first denial is the answer.
    let denied: unknown;
    for (const o of items) {
      try {
        this.writer.delete(rt, o.metadata.namespace, o.metadata.name, opts);
      } catch (err) {
        if (err instanceof ApiError && err.code === 404) continue;
        denied = denied ?? err;
      }
    }
    if (denied) throw denied;
    return {
      apiVersion: gv,
      kind: rt.listKind,
      metadata: { resourceVersion: this.store.resourceVersion },
      items,
    };
  }
}

function methodNotAllowed(
  message = 'the server does not allow this method on the requested resource',
): ApiError {
  return new ApiError(405, message);
}

function parseBody(body: Buffer, contentType: string): KubeObject {
  const text = body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = contentType.includes('yaml')
      ? parseYamlOrJson(text)
      : JSON.parse(text);
  } catch (err) {
    throw badRequest(
      `couldn't get version/kind; json parse error: ${(err as Error).message}`,
    );
  }
  if (!isPlainObject(parsed))
    throw badRequest('the body of the request must be a JSON object');
  return parsed;
}

function parsePatch(body: Buffer, contentType: string): unknown {
  if (!PATCH_TYPES.includes(contentType)) {
    throw new ApiError(
      415,
      `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(
        ', ',
      )}`,
      { reason: 'UnsupportedMediaType' },
    );
  }
  const text = body.toString('utf8');
  try {
    return contentType === APPLY_TYPE
      ? parseYamlOrJson(text)
      : JSON.parse(text);
  } catch (err) {
    throw badRequest(`error decoding patch: ${(err as Error).message}`);
  }
}

/** YAML is a superset of JSON, but JSON.parse is much faster: clients mostly send JSON. */
function parseYamlOrJson(text: string): unknown {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      // not JSON after all: fall through to YAML
    }
  }
  return YAML.parse(text);
}
