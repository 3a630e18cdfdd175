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
import type { Registry, ResourceType } from '../registry';
import type { ObjectStore } from '../store';
import { clone, deepEqual, KubeObject, now, randomSuffix, uid } from '../util';
import { setCrdStatus } from './crds';
import type { NamespaceLifecycle } from './namespaces';

/**
 * A cluster's objects as controllers, seeds and the test view use them: no validation, no
 * admission, no field management. Writes still bump resourceVersion and reach every store
 * listener (controllers, garbage collection, CRD types).
 */
export class ClusterObjects {
  constructor(
    /** 'host' or 'vcluster:<namespace>/<name>'. */
    readonly clusterName: string,
    readonly registry: Registry,
    readonly store: ObjectStore,
    private readonly namespaces: NamespaceLifecycle,
  ) {}

  typeFor(apiVersion: string, kind: string): ResourceType {
    const t = this.registry.getByKind(apiVersion, kind);
    if (!t)
      throw new Error(
        `kube-sim: no resource serves ${apiVersion} ${kind} in ${this.clusterName}`,
      );
    return t;
  }

  getObject(
    apiVersion: string,
    kind: string,
    ns: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const t = this.registry.getByKind(apiVersion, kind);
    if (!t) return undefined;
    return this.store.get(t, t.namespaced ? ns ?? '' : '', name)?.obj;
  }

  /** Create-or-replace; keeps uid/creationTimestamp of an existing object. */
  putObject(input: KubeObject): KubeObject {
    const t = this.typeFor(input.apiVersion, input.kind);
    const obj = clone(input);
    obj.metadata = obj.metadata ?? {};
    const ns = t.namespaced ? obj.metadata.namespace ?? 'default' : undefined;
    if (ns === undefined) delete obj.metadata.namespace;
    else obj.metadata.namespace = ns;
    if (!obj.metadata.name && obj.metadata.generateName)
      obj.metadata.name = `${obj.metadata.generateName}${randomSuffix()}`;
    if (!obj.metadata.name)
      throw new Error('kube-sim: metadata.name is required');
    const old = this.store.get(t, ns ?? '', obj.metadata.name)?.obj;
    if (old) {
      obj.metadata.uid = obj.metadata.uid ?? old.metadata.uid;
      obj.metadata.creationTimestamp =
        obj.metadata.creationTimestamp ?? old.metadata.creationTimestamp;
      const specOf = (o: KubeObject) => {
        const c = { ...o };
        delete c.metadata;
        delete c.status;
        return c;
      };
      obj.metadata.generation = deepEqual(specOf(old), specOf(obj))
        ? old.metadata.generation ?? 1
        : (old.metadata.generation ?? 1) + 1;
      if (
        obj.metadata.managedFields === undefined &&
        old.metadata.managedFields
      )
        obj.metadata.managedFields = old.metadata.managedFields;
    } else {
      obj.metadata.uid = obj.metadata.uid ?? uid();
      obj.metadata.creationTimestamp = obj.metadata.creationTimestamp ?? now();
      obj.metadata.generation = obj.metadata.generation ?? 1;
    }
    defaultBuiltin(t, obj, old);
    if (t.resource === 'customresourcedefinitions') setCrdStatus(obj);
    return this.store.put(t, obj).obj;
  }

  /** Creates an object only if it does not exist yet. */
  ensureObject(input: KubeObject): KubeObject {
    const existing = this.getObject(
      input.apiVersion,
      input.kind,
      input.metadata?.namespace,
      input.metadata?.name,
    );
    return existing ?? this.putObject(input);
  }

  /** Deletes immediately (no finalizers); a namespace is emptied first. */
  deleteObject(
    apiVersion: string,
    kind: string,
    ns: string | undefined,
    name: string,
  ): boolean {
    const t = this.registry.getByKind(apiVersion, kind);
    if (!t) return false;
    const e = this.store.get(t, t.namespaced ? ns ?? '' : '', name);
    if (!e) return false;
    if (t.resource === 'namespaces' && t.group === '') {
      this.namespaces.finalizeNow(name);
      return true;
    }
    this.store.remove(t, e.obj.metadata.namespace ?? '', e.obj.metadata.name);
    return true;
  }

  /** Writes a new status if the mutator changes it; returns the stored object. */
  updateStatus(
    apiVersion: string,
    kind: string,
    ns: string | undefined,
    name: string,
    mutate: (status: KubeObject, obj: KubeObject) => KubeObject | void,
  ): KubeObject | undefined {
    const t = this.registry.getByKind(apiVersion, kind);
    if (!t) return undefined;
    const e = this.store.get(t, t.namespaced ? ns ?? '' : '', name);
    if (!e) return undefined;
    const status = clone(e.obj.status ?? {});
    const result = mutate(status, e.obj) ?? status;
    if (deepEqual(result, e.obj.status ?? {})) return e.obj;
    return this.store.put(t, {
      ...e.obj,
      metadata: { ...e.obj.metadata },
      status: result,
    }).obj;
  }

  /** The namespace exists and is not terminating. */
  namespaceExists(ns: string): boolean {
    return this.namespaces.isActive(ns);
  }
}
