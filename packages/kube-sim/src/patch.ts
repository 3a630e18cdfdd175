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

import { ApiError, badRequest } from './errors';
import { clone, deepEqual, isPlainObject, KubeObject } from './util';

// ---------------------------------------------------------------------------
// JSON merge patch (RFC 7386); also used for strategic merge patch.

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  const out: Record<string, unknown> = isPlainObject(target)
    ? { ...target }
    : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

// ---------------------------------------------------------------------------
// JSON patch (RFC 6902)

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw badRequest(`invalid JSON pointer: ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function patchFailed(message: string): ApiError {
  return new ApiError(422, message, { reason: 'Invalid' });
}

function resolveParent(
  doc: unknown,
  path: string[],
  op: string,
): [any, string] {
  if (path.length === 0)
    throw patchFailed(
      `${op} operation does not apply: the document root cannot be the target`,
    );
  let cur: any = doc;
  for (const seg of path.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isPlainObject(cur)) cur = cur[seg];
    else cur = undefined;
    if (cur === undefined || cur === null) {
      throw patchFailed(
        `${op} operation does not apply: doc is missing path: "/${path.join(
          '/',
        )}": missing value`,
      );
    }
  }
  return [cur, path[path.length - 1]];
}

function getAt(doc: unknown, path: string[]): unknown {
  let cur: any = doc;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isPlainObject(cur))
      cur = Object.prototype.hasOwnProperty.call(cur, seg)
        ? cur[seg]
        : undefined;
    else return undefined;
  }
  return cur;
}

function addAt(doc: unknown, path: string[], value: unknown, op: string) {
  const [parent, key] = resolveParent(doc, path, op);
  if (Array.isArray(parent)) {
    const idx = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(idx) || idx < 0 || idx > parent.length) {
      throw patchFailed(
        `${op} operation does not apply: index out of bounds: ${key}`,
      );
    }
    parent.splice(idx, 0, value);
  } else if (isPlainObject(parent)) {
    parent[key] = value;
  } else {
    throw patchFailed(
      `${op} operation does not apply: parent is not a container`,
    );
  }
}

function removeAt(doc: unknown, path: string[], op: string): unknown {
  const [parent, key] = resolveParent(doc, path, op);
  if (Array.isArray(parent)) {
    const idx = Number(key);
    if (!Number.isInteger(idx) || idx < 0 || idx >= parent.length) {
      throw patchFailed(
        `${op} operation does not apply: index out of bounds: ${key}`,
      );
    }
    return parent.splice(idx, 1)[0];
  }
  if (
    isPlainObject(parent) &&
    Object.prototype.hasOwnProperty.call(parent, key)
  ) {
    const v = parent[key];
    delete parent[key];
    return v;
  }
  throw patchFailed(
    `${op} operation does not apply: doc is missing key: /${path.join(
      '/',
    )}: missing value`,
  );
}

export function jsonPatch(doc: KubeObject, ops: unknown): KubeObject {
  if (!Array.isArray(ops))
    throw badRequest('json patch must be a JSON array of operations');
  let work: any = clone(doc);
  for (const raw of ops) {
    if (!isPlainObject(raw) || typeof raw.op !== 'string')
      throw badRequest('invalid JSON patch operation');
    const op = raw.op;
    const path = parsePointer(String(raw.path ?? ''));
    switch (op) {
      case 'add':
        if (path.length === 0) work = clone(raw.value);
        else addAt(work, path, clone(raw.value), op);
        break;
      case 'remove':
        removeAt(work, path, op);
        break;
      case 'replace':
        if (path.length === 0) work = clone(raw.value);
        else {
          removeAt(work, path, op);
          addAt(work, path, clone(raw.value), op);
        }
        break;
      case 'move': {
        const from = parsePointer(String(raw.from ?? ''));
        const v = removeAt(work, from, op);
        addAt(work, path, v, op);
        break;
      }
      case 'copy': {
        const from = parsePointer(String(raw.from ?? ''));
        addAt(work, path, clone(getAt(work, from)), op);
        break;
      }
      case 'test':
        if (!deepEqual(getAt(work, path), raw.value)) {
          throw patchFailed(
            `testing value /${path.join('/')} failed: test failed`,
          );
        }
        break;
      default:
        throw badRequest(`Unexpected kind: ${op}`);
    }
  }
  return work;
}

// ---------------------------------------------------------------------------
// Server-side apply (simplified): field sets, ownership, merge and removal.

/** A field set in the `FieldsV1` shape: keys are `f:<name>`, leaves are `{}`. */
export type FieldSet = { [key: string]: FieldSet };

const TRACKED_METADATA = [
  'labels',
  'annotations',
  'finalizers',
  'ownerReferences',
];

/** The fields an (applied) object sets. Lists and scalars are leaves (atomic). */
export function fieldSetOf(obj: KubeObject, includeStatus: boolean): FieldSet {
  const out: FieldSet = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind') continue;
    if (k === 'status' && !includeStatus) continue;
    if (k === 'metadata') {
      if (!isPlainObject(v)) continue;
      const meta: FieldSet = {};
      for (const mk of TRACKED_METADATA) {
        if (v[mk] === undefined || v[mk] === null) continue;
        meta[`f:${mk}`] = isPlainObject(v[mk]) ? setOfValue(v[mk]) : {};
      }
      if (Object.keys(meta).length) out['f:metadata'] = meta;
      continue;
    }
    if (v === null || v === undefined) continue;
    out[`f:${k}`] = setOfValue(v);
  }
  return out;
}

function setOfValue(v: unknown): FieldSet {
  if (!isPlainObject(v)) return {};
  const out: FieldSet = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null || x === undefined) continue;
    out[`f:${k}`] = setOfValue(x);
  }
  return out;
}

/** Leaf paths of a field set, as arrays of plain keys. */
export function leafPaths(
  set: FieldSet,
  prefix: string[] = [],
  out: string[][] = [],
): string[][] {
  for (const [k, child] of Object.entries(set)) {
    const p = [...prefix, k.slice(2)];
    if (Object.keys(child).length === 0) out.push(p);
    else leafPaths(child, p, out);
  }
  return out;
}

/** True when the path is inside the set: the set has the path itself, or a leaf above it. */
export function covers(set: FieldSet, path: string[]): boolean {
  let cur: FieldSet | undefined = set;
  for (const seg of path) {
    if (!cur) return false;
    if (Object.keys(cur).length === 0 && cur !== set) return true;
    cur = cur[`f:${seg}`];
  }
  return cur !== undefined;
}

/** True when the set has the path or anything below or above it. */
export function overlaps(set: FieldSet, path: string[]): boolean {
  return covers(set, path);
}

export function removePath(set: FieldSet, path: string[]): boolean {
  if (path.length === 0) return false;
  const [head, ...rest] = path;
  const child = set[`f:${head}`];
  if (!child) return false;
  if (rest.length === 0 || Object.keys(child).length === 0) {
    delete set[`f:${head}`];
    return true;
  }
  const removed = removePath(child, rest);
  if (removed && Object.keys(child).length === 0) delete set[`f:${head}`];
  return removed;
}

export function addPath(set: FieldSet, path: string[]) {
  let cur = set;
  for (const seg of path) {
    const key = `f:${seg}`;
    if (!cur[key]) cur[key] = {};
    cur = cur[key];
  }
}

export function valueAtPath(obj: unknown, path: string[]): unknown {
  let cur: any = obj;
  for (const seg of path) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

export function deleteAtPath(obj: KubeObject, path: string[]) {
  let cur: any = obj;
  for (const seg of path.slice(0, -1)) {
    if (!isPlainObject(cur)) return;
    cur = cur[seg];
  }
  if (isPlainObject(cur)) delete cur[path[path.length - 1]];
}

/** Deep merge for apply: maps merge, lists and scalars replace, null removes. */
export function applyMerge(live: unknown, applied: unknown): unknown {
  if (!isPlainObject(applied) || !isPlainObject(live)) return clone(applied);
  const out: Record<string, unknown> = { ...live };
  for (const [k, v] of Object.entries(applied)) {
    if (v === null) delete out[k];
    else out[k] = applyMerge(out[k], v);
  }
  return out;
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: FieldSet;
  subresource?: string;
}

/** Leaf paths whose values differ between two objects (present in either). */
export function changedPaths(
  before: KubeObject,
  after: KubeObject,
  includeStatus: boolean,
): string[][] {
  const a = fieldSetOf(after, includeStatus);
  const b = fieldSetOf(before, includeStatus);
  const out: string[][] = [];
  for (const p of leafPaths(a)) {
    if (!deepEqual(valueAtPath(before, p), valueAtPath(after, p))) out.push(p);
  }
  for (const p of leafPaths(b)) {
    if (valueAtPath(after, p) === undefined) out.push(p);
  }
  return out;
}
