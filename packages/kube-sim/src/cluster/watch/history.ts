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

import { ApiError } from '../../errors';
import type { ObjectStore, StoreEvent } from '../../store';
import type { KubeObject } from '../../util';

/** A change as a watch replays it: its resourceVersion, and the object before (if any). */
export interface WatchEvent {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  group: string;
  resource: string;
  obj: KubeObject;
  old?: KubeObject;
}

/**
 * The changes of one cluster kept for watches that resume from a resourceVersion, like the
 * API server's watch cache: the last `capacity` events. A watch from before the oldest kept
 * one gets `410 Expired` (`too old resource version: X (Y)`, Y the newest forgotten version),
 * as kube-apiserver answers (staging/src/k8s.io/apiserver/pkg/storage/cacher/watch_cache.go).
 */
export class WatchHistory {
  private readonly events: WatchEvent[] = [];
  /** The resourceVersion before the oldest kept event: watches from it or later can resume. */
  private floor: number;
  private readonly listeners = new Set<(e: WatchEvent) => void>();

  constructor(
    private readonly store: ObjectStore,
    private readonly capacity: number,
  ) {
    this.floor = Number(store.resourceVersion);
    store.onEvent(ev => this.record(ev));
  }

  /** Forgets every kept event: only watches from now on can resume. */
  compact(): void {
    this.events.length = 0;
    this.floor = Number(this.store.resourceVersion);
  }

  /** The kept events after `rv`, or the 410 for an `rv` older than the history. */
  since(rv: number): WatchEvent[] {
    if (rv < this.floor) {
      throw new ApiError(
        410,
        `too old resource version: ${rv} (${this.floor})`,
        {
          reason: 'Expired',
        },
      );
    }
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events[mid].rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.events.slice(lo);
  }

  /** Calls the listener with every change from now on; returns the unsubscribe function. */
  subscribe(listener: (e: WatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(ev: StoreEvent) {
    // a deletion is the store's newest version; the deleted object carries it, as a watch shows it
    const rv = Number(
      ev.type === 'DELETED'
        ? this.store.resourceVersion
        : ev.obj.metadata.resourceVersion,
    );
    const obj =
      ev.type === 'DELETED'
        ? {
            ...ev.obj,
            metadata: { ...ev.obj.metadata, resourceVersion: String(rv) },
          }
        : ev.obj;
    const event: WatchEvent = {
      rv,
      type: ev.type,
      group: ev.group,
      resource: ev.resource,
      obj,
      old: ev.old,
    };
    this.events.push(event);
    if (this.events.length > this.capacity)
      this.floor = this.events.shift()!.rv;
    for (const l of this.listeners) l(event);
  }
}
