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

import type { Registry } from '../registry';
import type { ObjectStore } from '../store';
import { KubeObject, splitApiVersion } from '../util';
import { KeyedWorkQueue } from '../workQueue';

/**
 * The garbage collector: when an object goes, its dependents (objects with an ownerReference
 * to its uid) are checked on the next turn of the event loop, and those whose owners are all
 * gone are removed (which in turn checks their own dependents).
 */
export class GarbageCollector {
  private readonly queue = new KeyedWorkQueue(key => this.collect(key));

  constructor(
    private readonly registry: Registry,
    private readonly store: ObjectStore,
  ) {
    store.onEvent(ev => {
      if (ev.type !== 'DELETED' || !ev.obj.metadata?.uid) return;
      for (const d of store.dependentsOf(ev.obj.metadata.uid))
        this.queue.add(`${d.group}|${d.resource}|${d.ns}|${d.name}`);
    });
  }

  stop() {
    this.queue.stop();
  }

  private collect(key: string) {
    const [group, resource, ns, name] = key.split('|');
    const t = this.registry.getByResource(group, resource) ?? {
      group,
      resource,
    };
    const e = this.store.get(t, ns, name);
    if (!e) return;
    const refs: KubeObject[] = e.obj.metadata.ownerReferences ?? [];
    if (!refs.some(ref => this.ownerExists(ref, ns)))
      this.store.remove(t, ns, name);
  }

  private ownerExists(ref: KubeObject, ns: string): boolean {
    const { group } = splitApiVersion(String(ref.apiVersion ?? ''));
    const ot = this.registry.getByKind(
      String(ref.apiVersion),
      String(ref.kind),
    );
    if (!ot) return false;
    const owner = this.store.get(
      { group, resource: ot.resource },
      ot.namespaced ? ns : '',
      ref.name,
    );
    return owner?.obj.metadata.uid === ref.uid;
  }
}
