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

import { badRequest, forbidden, notFound } from '../errors';
import type { Registry, ResourceType } from '../registry';
import type { ObjectStore } from '../store';
import { clone, KubeObject, now } from '../util';

/**
 * Namespace lifecycle: a deleted namespace is Terminating (no new content) for
 * `finalizeDelayMs`, then its content and the namespace itself are removed, as the namespace
 * controller does.
 */
export class NamespaceLifecycle {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly registry: Registry,
    private readonly store: ObjectStore,
    private readonly finalizeDelayMs: number,
  ) {}

  stop() {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /** A namespaced write needs its namespace; new content is forbidden while it terminates. */
  requireNamespace(
    rt: ResourceType,
    ns: string | undefined,
    name: string,
    forCreate: boolean,
  ) {
    if (!rt.namespaced) return;
    if (!ns) throw badRequest('the namespace of the object must be set');
    const nsObj = this.store.get(this.nsType(), '', ns);
    if (!nsObj) throw notFound('namespaces', ns);
    if (forCreate && nsObj.obj.metadata.deletionTimestamp) {
      throw forbidden(
        rt.resource,
        name,
        rt.group,
        `unable to create new content in namespace ${ns} because it is being terminated`,
        [
          {
            reason: 'NamespaceTerminating',
            message: `namespace ${ns} is being terminated`,
            field: 'metadata.namespace',
          },
        ],
      );
    }
  }

  /** An API delete of a namespace: Terminating now, finalized after the delay. */
  terminate(nsObj: KubeObject): KubeObject {
    const name = nsObj.metadata.name;
    let current = nsObj;
    if (!nsObj.metadata.deletionTimestamp) {
      const next = clone(nsObj);
      next.metadata.deletionTimestamp = now();
      next.status = { ...(next.status ?? {}), phase: 'Terminating' };
      current = this.store.put(this.nsType(), next).obj;
    }
    if (!this.timers.has(name)) {
      const t = setTimeout(() => {
        this.timers.delete(name);
        this.finalize(name);
      }, this.finalizeDelayMs);
      t.unref?.();
      this.timers.set(name, t);
    }
    return current;
  }

  /** Finalizes a namespace at once, whether it is terminating or not. */
  finalizeNow(name: string) {
    const timer = this.timers.get(name);
    if (timer) clearTimeout(timer);
    this.timers.delete(name);
    this.finalize(name);
  }

  /** The namespace exists and is not terminating. */
  isActive(ns: string): boolean {
    const e = this.store.get(this.nsType(), '', ns);
    return Boolean(e && !e.obj.metadata.deletionTimestamp);
  }

  /** Removes every object in the namespace, then the namespace. */
  private finalize(name: string) {
    if (this.stopped) return;
    for (const t of this.store.typesWithObjectsIn(name)) {
      for (const n of this.store.namesIn(t, name))
        this.store.remove(t, name, n);
    }
    if (this.store.get(this.nsType(), '', name))
      this.store.remove(this.nsType(), '', name);
  }

  private nsType(): ResourceType {
    return this.registry.getByResource('', 'namespaces')!;
  }
}
