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

import { badRequest, notFound } from '../errors';
import type { ResourceType } from '../registry';
import { parseFieldSelector, parseLabelSelector } from '../selectors';
import { Entry, entryJson, ObjectStore } from '../store';
import type { KubeObject } from '../util';

/** The stored object a request names, or 404. */
export function mustGet(
  store: ObjectStore,
  rt: ResourceType,
  ns: string | undefined,
  name: string,
): Entry {
  const e = store.get(rt, rt.namespaced ? ns ?? '' : '', name);
  if (!e) throw notFound(rt.resource, name, rt.group);
  return e;
}

/** The object as the requested group version shows it (versions share one stored object). */
export function versioned(obj: KubeObject, gv: string): KubeObject {
  return obj.apiVersion === gv ? obj : { ...obj, apiVersion: gv };
}

/** The JSON of a stored object in the requested group version; reuses the stored JSON. */
export function serialize(e: Entry, gv: string): string {
  return e.obj.apiVersion === gv
    ? entryJson(e)
    : JSON.stringify({ ...e.obj, apiVersion: gv });
}

/** The JSON of a list request: selectors, `limit` and `continue`. */
export function listJson(
  store: ObjectStore,
  rt: ResourceType,
  gv: string,
  ns: string | undefined,
  q: URLSearchParams,
): string {
  const labelSelector = parseLabelSelector(q.get('labelSelector'));
  const fieldSelector = parseFieldSelector(q.get('fieldSelector'));
  let namespace = rt.namespaced ? ns : undefined;
  if (rt.namespaced && namespace === undefined) {
    const nsReq = fieldSelector.find(
      f => f.field === 'metadata.namespace' && !f.negate,
    );
    if (nsReq) namespace = nsReq.value;
  }
  const limitRaw = q.get('limit');
  const limit = limitRaw ? Number(limitRaw) : undefined;
  if (limitRaw && (!Number.isInteger(limit) || limit! < 0))
    throw badRequest(`invalid limit: ${limitRaw}`);
  const cont = q.get('continue');
  const res = store.list(rt, {
    namespace,
    labelSelector,
    fieldSelector,
    limit,
    after: cont ? decodeContinue(cont) : undefined,
  });
  const meta: KubeObject = { resourceVersion: store.resourceVersion };
  if (res.lastKey !== undefined) {
    meta.continue = encodeContinue(res.lastKey);
    if (res.remaining !== undefined) meta.remainingItemCount = res.remaining;
  }
  const items = res.entries.map(e => serialize(e, gv)).join(',');
  return `{"apiVersion":${JSON.stringify(gv)},"kind":${JSON.stringify(
    rt.listKind,
  )},"metadata":${JSON.stringify(meta)},"items":[${items}]}`;
}

function encodeContinue(key: string): string {
  return Buffer.from(JSON.stringify({ v: 1, k: key })).toString('base64url');
}

function decodeContinue(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed.k === 'string') return parsed.k;
  } catch {
    // fall through
  }
  throw badRequest('continue key is not valid: invalid continue token');
}
