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

import { ApiError } from '../errors';
import {
  addPath,
  applyMerge,
  changedPaths,
  covers,
  deleteAtPath,
  FieldSet,
  fieldSetOf,
  leafPaths,
  ManagedFieldsEntry,
  removePath,
  valueAtPath,
} from '../patch';
import type { ResourceType } from '../registry';
import { clone, deepEqual, isPlainObject, KubeObject, now } from '../util';

/*
 * Field management (metadata.managedFields): which manager owns which fields, recorded for
 * Update operations (create, PUT, patch) and decided for server-side apply.
 */

/** The manager of a write without `fieldManager`: the client's user agent, like the API server. */
export function defaultManager(userAgent?: string): string {
  const first = (userAgent ?? '').split(/[\s/]/)[0];
  return first || 'unknown';
}

export function managedEntry(
  manager: string,
  operation: 'Apply' | 'Update',
  apiVersion: string,
  set: FieldSet,
  subresource?: string,
): ManagedFieldsEntry {
  const e: ManagedFieldsEntry = {
    manager,
    operation,
    apiVersion,
    time: now(),
    fieldsType: 'FieldsV1',
    fieldsV1: set,
  };
  if (subresource) e.subresource = subresource;
  return e;
}

/** Records field ownership for an Update operation (PUT/PATCH) in `next`. */
export function recordUpdate(
  rt: ResourceType,
  old: KubeObject,
  next: KubeObject,
  manager: string,
  sub: 'status' | undefined,
) {
  const includeStatus = sub === 'status' || !rt.hasStatus;
  const changed = changedPaths(old, next, includeStatus).filter(
    p => !(sub === 'status') || p[0] === 'status',
  );
  if (changed.length === 0) {
    next.metadata.managedFields = old.metadata.managedFields;
    return;
  }
  const entries: ManagedFieldsEntry[] = clone(old.metadata.managedFields ?? []);
  for (const e of entries) {
    if ((e.subresource ?? undefined) !== sub) continue;
    if (e.manager === manager && e.operation === 'Update') continue;
    for (const p of changed) removePath(e.fieldsV1, p);
  }
  let mine = entries.find(
    e =>
      e.manager === manager &&
      e.operation === 'Update' &&
      (e.subresource ?? undefined) === sub,
  );
  if (!mine) {
    mine = managedEntry(manager, 'Update', next.apiVersion, {}, sub);
    entries.push(mine);
  }
  mine.time = now();
  mine.apiVersion = next.apiVersion;
  for (const p of changed) {
    if (valueAtPath(next, p) !== undefined) addPath(mine.fieldsV1, p);
    else removePath(mine.fieldsV1, p);
  }
  next.metadata.managedFields = entries.filter(
    e => Object.keys(e.fieldsV1).length > 0,
  );
}

/** What an apply request sets (the main resource or /status) and the fields it claims. */
export function appliedConfiguration(
  rt: ResourceType,
  body: KubeObject,
  sub: 'status' | undefined,
): { applied: KubeObject; fields: FieldSet } {
  const applied: KubeObject = clone(body);
  if (sub === 'status') {
    for (const k of Object.keys(applied))
      if (!['apiVersion', 'kind', 'metadata', 'status'].includes(k))
        delete applied[k];
  } else if (rt.hasStatus) {
    delete applied.status;
  }
  const includeStatus = sub === 'status' || !rt.hasStatus;
  const fields =
    sub === 'status'
      ? { 'f:status': fieldSetOf(applied, true)['f:status'] ?? {} }
      : fieldSetOf(applied, includeStatus);
  return { applied, fields };
}

export interface ApplyRequest {
  rt: ResourceType;
  name: string;
  /** The group version of the request. */
  apiVersion: string;
  manager: string;
  sub: 'status' | undefined;
  force: boolean;
  applied: KubeObject;
  fields: FieldSet;
}

/**
 * Server-side apply onto an existing object: refuses (409) to change fields another manager
 * owns unless forced (then they change owner), merges the applied configuration, and removes
 * the fields this manager applied before and no longer applies unless someone else owns them.
 * Returns the merged object and its new managedFields.
 */
export function applyToExisting(
  old: KubeObject,
  req: ApplyRequest,
): { merged: KubeObject; managedFields: ManagedFieldsEntry[] } {
  const { manager, sub, applied, fields } = req;
  const entries: ManagedFieldsEntry[] = clone(old.metadata.managedFields ?? []);
  const sameScope = (e: ManagedFieldsEntry) =>
    (e.subresource ?? undefined) === sub;
  const others = entries.filter(e => sameScope(e) && e.manager !== manager);
  const conflicts = findConflicts(old, applied, fields, others);
  if (conflicts.length && !req.force) throw conflictError(req, conflicts);
  if (req.force)
    for (const c of conflicts)
      for (const o of others) removePath(o.fieldsV1, c.path);

  const prev = entries.find(
    e => sameScope(e) && e.manager === manager && e.operation === 'Apply',
  );
  let merged = applyMerge(clone(old), applied) as KubeObject;
  if (prev) {
    for (const p of leafPaths(prev.fieldsV1)) {
      if (covers(fields, p)) continue;
      if (others.some(o => covers(o.fieldsV1, p))) continue;
      deleteAtPath(merged, p);
      pruneEmptyParents(merged, p);
    }
  }
  if (sub === 'status') merged = { ...clone(old), status: merged.status };
  const kept = entries.filter(
    e => !(sameScope(e) && e.manager === manager && e.operation === 'Apply'),
  );
  kept.push(managedEntry(manager, 'Apply', req.apiVersion, fields, sub));
  return {
    merged,
    managedFields: kept.filter(e => Object.keys(e.fieldsV1).length > 0),
  };
}

interface FieldConflict {
  manager: string;
  apiVersion: string;
  path: string[];
}

/** Fields another manager owns that this apply sets to a different value. */
function findConflicts(
  old: KubeObject,
  applied: KubeObject,
  fields: FieldSet,
  others: ManagedFieldsEntry[],
): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  for (const p of leafPaths(fields)) {
    const mine = valueAtPath(applied, p);
    for (const o of others) {
      if (covers(o.fieldsV1, p) && !deepEqual(valueAtPath(old, p), mine)) {
        conflicts.push({
          manager: o.manager,
          apiVersion: o.apiVersion,
          path: p,
        });
      }
    }
  }
  return conflicts;
}

function conflictError(
  req: ApplyRequest,
  conflicts: FieldConflict[],
): ApiError {
  const withManager = (c: FieldConflict) =>
    `conflict with "${c.manager}"${
      c.apiVersion ? ` using ${c.apiVersion}` : ''
    }`;
  const lines = conflicts.map(c => `${withManager(c)}: .${c.path.join('.')}`);
  return new ApiError(
    409,
    `Apply failed with ${conflicts.length} conflict${
      conflicts.length > 1 ? 's' : ''
    }: ${lines.join('\n')}`,
    {
      reason: 'Conflict',
      details: {
        name: req.name,
        group: req.rt.group || undefined,
        kind: req.rt.resource,
        causes: conflicts.map(c => ({
          reason: 'FieldManagerConflict',
          message: withManager(c),
          field: `.${c.path.join('.')}`,
        })),
      },
    },
  );
}

function pruneEmptyParents(obj: KubeObject, path: string[]) {
  for (let i = path.length - 1; i > 0; i--) {
    const parentPath = path.slice(0, i);
    if (parentPath.length === 1 && parentPath[0] === 'metadata') break;
    const v = valueAtPath(obj, parentPath);
    if (isPlainObject(v) && Object.keys(v).length === 0)
      deleteAtPath(obj, parentPath);
    else break;
  }
}
