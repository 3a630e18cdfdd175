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

import { admitDelete } from '../admission';
import { defaultBuiltin } from '../defaulting';
import {
  asApplyError,
  alreadyExists,
  badRequest,
  conflict,
  invalid,
  notFound,
} from '../errors';
import {
  fieldSetOf,
  jsonPatch,
  ManagedFieldsEntry,
  mergePatch,
} from '../patch';
import type { ResourceType } from '../registry';
import type { ObjectStore } from '../store';
import {
  clone,
  isPlainObject,
  joinApiVersion,
  KubeObject,
  now,
  randomSuffix,
} from '../util';
import { setCrdStatus } from './crds';
import {
  applyToExisting,
  appliedConfiguration,
  defaultManager,
  managedEntry,
  recordUpdate,
} from './fieldManagement';
import type { NamespaceLifecycle } from './namespaces';
import { newObject, nextVersion, sameObject } from './objectVersions';
import type { WriteOptions } from './options';
import { mustGet } from './reads';
import {
  checkNameMatch,
  checkNamespaceMatch,
  checkTypeMeta,
  validateWrite,
} from './writeChecks';

export interface WriteResult {
  obj: KubeObject;
  warnings: string[];
  created: boolean;
}

/**
 * Writes through the API, validated: create, update (PUT), patch, server-side apply and
 * delete, of the main resource or its /status subresource (`opts.subresource`).
 */
export class ObjectWriter {
  constructor(
    private readonly store: ObjectStore,
    private readonly namespaces: NamespaceLifecycle,
  ) {}

  create(
    rt: ResourceType,
    version: string,
    ns: string | undefined,
    input: KubeObject,
    opts: WriteOptions = {},
    managed?: ManagedFieldsEntry[],
  ): WriteResult {
    checkTypeMeta(rt, version, input, false);
    checkNamespaceMatch(rt, ns, input);
    const meta = isPlainObject(input.metadata) ? input.metadata : {};
    let name: string = meta.name;
    if (!name) {
      if (!meta.generateName) {
        throw invalid(rt.kind, rt.group, '', [
          {
            reason: 'FieldValueRequired',
            message: 'Required value: name or generateName is required',
            field: 'metadata.name',
          },
        ]);
      }
      name = `${meta.generateName}${randomSuffix()}`;
    }
    const namespace = rt.namespaced ? ns ?? meta.namespace : undefined;
    this.namespaces.requireNamespace(rt, namespace, name, true);
    const obj = newObject(rt, version, namespace, name, input);
    if (rt.hasStatus) delete obj.status;
    defaultBuiltin(rt, obj, undefined);
    const manager = opts.fieldManager ?? defaultManager(opts.userAgent);
    obj.metadata.managedFields = managed ?? [
      managedEntry(
        manager,
        'Update',
        obj.apiVersion,
        fieldSetOf(obj, !rt.hasStatus),
      ),
    ];
    const v = validateWrite(rt, version, obj, opts);
    if (this.store.get(rt, namespace ?? '', name))
      throw alreadyExists(rt.resource, name, rt.group);
    if (rt.resource === 'customresourcedefinitions') setCrdStatus(v.obj);
    if (opts.dryRun) return { obj: v.obj, warnings: v.warnings, created: true };
    const entry = this.store.put(rt, v.obj);
    return { obj: entry.obj, warnings: v.warnings, created: true };
  }

  /** PUT: replaces the object (or its status). */
  replace(
    rt: ResourceType,
    version: string,
    ns: string | undefined,
    name: string,
    input: KubeObject,
    opts: WriteOptions = {},
  ): WriteResult {
    checkTypeMeta(rt, version, input, false);
    checkNamespaceMatch(rt, ns, input);
    checkNameMatch(input, name);
    const old = mustGet(this.store, rt, ns, name).obj;
    const rv = input.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion)
      throw conflict(rt.resource, name, rt.group);
    return this.update(rt, version, old, input, opts);
  }

  /** A JSON patch, or a JSON merge patch (also for strategic merge patches). */
  patch(
    rt: ResourceType,
    version: string,
    ns: string | undefined,
    name: string,
    contentType: string,
    patchBody: unknown,
    opts: WriteOptions = {},
  ): WriteResult {
    const old = mustGet(this.store, rt, ns, name).obj;
    let desired: KubeObject;
    if (contentType === 'application/json-patch+json') {
      desired = jsonPatch(old, patchBody);
    } else {
      if (!isPlainObject(patchBody))
        throw badRequest('merge patch must be a JSON object');
      desired = mergePatch(old, patchBody) as KubeObject;
      const rv = (patchBody as KubeObject).metadata?.resourceVersion;
      if (rv && rv !== old.metadata.resourceVersion)
        throw conflict(rt.resource, name, rt.group);
    }
    if (!isPlainObject(desired))
      throw badRequest('the patched object is not a JSON object');
    checkNameMatch(desired, name);
    return this.update(rt, version, old, desired, opts);
  }

  /**
   * Server-side apply: creates the object or merges the applied
   * configuration into it. A body of the wrong shape is answered with 500,
   * as a real API server does (see `asApplyError`).
   */
  apply(
    rt: ResourceType,
    version: string,
    ns: string | undefined,
    name: string,
    body: unknown,
    opts: WriteOptions = {},
  ): WriteResult {
    try {
      return this.applyValid(rt, version, ns, name, body, opts);
    } catch (error) {
      throw asApplyError(error, {
        apiVersion: joinApiVersion(rt.group, version),
        kind: rt.kind,
        name,
      });
    }
  }

  private applyValid(
    rt: ResourceType,
    version: string,
    ns: string | undefined,
    name: string,
    body: unknown,
    opts: WriteOptions,
  ): WriteResult {
    if (!opts.fieldManager)
      throw badRequest(
        'PATCH, application/apply-patch+yaml requires fieldManager to be set',
      );
    if (!isPlainObject(body))
      throw badRequest('the applied configuration must be an object');
    checkTypeMeta(rt, version, body, true);
    checkNamespaceMatch(rt, ns, body);
    checkNameMatch(body, name);
    const sub = opts.subresource === 'status' ? 'status' : undefined;
    const { applied, fields } = appliedConfiguration(rt, body, sub);
    const apiVersion = joinApiVersion(rt.group, version);
    const manager = opts.fieldManager;
    const existing = this.store.get(rt, rt.namespaced ? ns ?? '' : '', name);

    if (!existing) {
      if (sub) throw notFound(rt.resource, name, rt.group);
      return this.create(
        rt,
        version,
        ns,
        { ...applied, metadata: { ...(applied.metadata ?? {}), name } },
        opts,
        [managedEntry(manager, 'Apply', apiVersion, fields)],
      );
    }
    const old = existing.obj;
    const rv = applied.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion)
      throw conflict(rt.resource, name, rt.group);
    const { merged, managedFields } = applyToExisting(old, {
      rt,
      name,
      apiVersion,
      manager,
      sub,
      force: Boolean(opts.force),
      applied,
      fields,
    });
    const next = nextVersion(rt, version, old, merged, sub);
    next.metadata.managedFields = managedFields;
    const v = validateWrite(rt, version, next, opts, old);
    return this.commit(rt, old, v.obj, opts, v.warnings);
  }

  /** An API delete: admission, dry run, finalizers. Internal removals use `store.remove`. */
  delete(
    rt: ResourceType,
    ns: string | undefined,
    name: string,
    opts: WriteOptions = {},
  ): { obj?: KubeObject; status?: KubeObject } {
    const old = mustGet(this.store, rt, ns, name).obj;
    // Validating admission webhooks run for dry runs too.
    admitDelete(rt, old);
    if (opts.dryRun) return { obj: old };
    if (rt.resource === 'namespaces')
      return { obj: this.namespaces.terminate(old) };
    if (old.metadata.finalizers?.length) {
      if (old.metadata.deletionTimestamp) return { obj: old };
      const next = clone(old);
      next.metadata.deletionTimestamp = now();
      next.metadata.deletionGracePeriodSeconds = 0;
      return { obj: this.store.put(rt, next).obj };
    }
    this.removeNow(rt, old);
    if (
      rt.crdName ||
      rt.resource === 'pods' ||
      rt.resource === 'customresourcedefinitions'
    )
      return { obj: old };
    return {
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: {
          name,
          group: rt.group || undefined,
          kind: rt.resource,
          uid: old.metadata.uid,
        },
      },
    };
  }

  /** An Update operation (PUT or patch) from the desired full object. */
  private update(
    rt: ResourceType,
    version: string,
    old: KubeObject,
    desired: KubeObject,
    opts: WriteOptions,
  ): WriteResult {
    const next = nextVersion(rt, version, old, desired, opts.subresource);
    recordUpdate(
      rt,
      old,
      next,
      opts.fieldManager ?? defaultManager(opts.userAgent),
      opts.subresource === 'status' ? 'status' : undefined,
    );
    const v = validateWrite(rt, version, next, opts, old);
    return this.commit(rt, old, v.obj, opts, v.warnings);
  }

  private commit(
    rt: ResourceType,
    old: KubeObject,
    next: KubeObject,
    opts: WriteOptions,
    warnings: string[],
  ): WriteResult {
    if (rt.resource === 'customresourcedefinitions') setCrdStatus(next);
    if (sameObject(old, next)) return { obj: old, warnings, created: false };
    if (opts.dryRun) return { obj: next, warnings, created: false };
    if (next.metadata.deletionTimestamp && !next.metadata.finalizers?.length) {
      this.removeNow(rt, old);
      return { obj: next, warnings, created: false };
    }
    const entry = this.store.put(rt, next);
    return { obj: entry.obj, warnings, created: false };
  }

  private removeNow(rt: ResourceType, obj: KubeObject) {
    this.store.remove(rt, obj.metadata.namespace ?? '', obj.metadata.name);
  }
}
