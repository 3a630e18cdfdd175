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

import { defaultBuiltin } from '../defaulting';
import type { ResourceType } from '../registry';
import {
  clone,
  deepEqual,
  isPlainObject,
  joinApiVersion,
  KubeObject,
  now,
  uid,
} from '../util';

/*
 * The objects a write stores: the first version of a new object, and the next version of an
 * existing one (what a client may change, generation bumps).
 */

/** The metadata fields a client writes; the API server owns the others. */
const CLIENT_METADATA = [
  'labels',
  'annotations',
  'finalizers',
  'ownerReferences',
] as const;

export function newObject(
  rt: ResourceType,
  version: string,
  ns: string | undefined,
  name: string,
  input: KubeObject,
): KubeObject {
  const src = isPlainObject(input.metadata) ? input.metadata : {};
  const metadata: KubeObject = { name };
  if (src.generateName) metadata.generateName = src.generateName;
  if (ns !== undefined) metadata.namespace = ns;
  metadata.uid = uid();
  metadata.resourceVersion = '';
  metadata.generation = 1;
  metadata.creationTimestamp = now();
  for (const k of CLIENT_METADATA) {
    if (src[k] !== undefined && src[k] !== null) metadata[k] = clone(src[k]);
  }
  const obj: KubeObject = {
    apiVersion: joinApiVersion(rt.group, version),
    kind: rt.kind,
    metadata,
  };
  for (const [k, v] of Object.entries(input)) {
    if (k !== 'apiVersion' && k !== 'kind' && k !== 'metadata')
      obj[k] = clone(v);
  }
  return obj;
}

/** Builds the next version of an existing object from a desired full object. */
export function nextVersion(
  rt: ResourceType,
  version: string,
  old: KubeObject,
  desired: KubeObject,
  subresource?: string,
): KubeObject {
  let next: KubeObject;
  if (subresource === 'status') {
    next = { ...clone(old), status: clone(desired.status) };
    if (desired.status === undefined) delete next.status;
  } else {
    next = {};
    for (const [k, v] of Object.entries(desired))
      if (k !== 'metadata') next[k] = clone(v);
    const src = isPlainObject(desired.metadata) ? desired.metadata : {};
    const meta: KubeObject = clone(old.metadata);
    for (const k of CLIENT_METADATA) {
      if (src[k] === undefined || src[k] === null) delete meta[k];
      else meta[k] = clone(src[k]);
    }
    next.metadata = meta;
    if (rt.hasStatus) {
      if (old.status !== undefined) next.status = clone(old.status);
      else delete next.status;
    }
  }
  next.apiVersion = joinApiVersion(rt.group, version);
  next.kind = rt.kind;
  const strip = (o: KubeObject) => {
    const c: KubeObject = { ...o };
    delete c.metadata;
    delete c.apiVersion;
    delete c.kind;
    if (rt.hasStatus) delete c.status;
    return c;
  };
  if (!deepEqual(strip(old), strip(next)))
    next.metadata.generation = (old.metadata.generation ?? 1) + 1;
  defaultBuiltin(rt, next, old);
  return next;
}

/** Equal but for resourceVersion and managedFields times: a write that changes nothing. */
export function sameObject(a: KubeObject, b: KubeObject): boolean {
  const norm = (o: KubeObject) => {
    const c = { ...o, metadata: { ...o.metadata } };
    delete c.metadata.resourceVersion;
    c.metadata.managedFields = (o.metadata.managedFields ?? []).map(
      (m: KubeObject) => ({ ...m, time: undefined }),
    );
    return c;
  };
  return deepEqual(
    JSON.parse(JSON.stringify(norm(a))),
    JSON.parse(JSON.stringify(norm(b))),
  );
}
