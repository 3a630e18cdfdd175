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

import { LRUCache } from 'lru-cache';
import { ObservedObject } from '../../kubernetes/ObjectClient';
import { RayWorkloadKind } from '../../vocabulary';

/** At most this many lists (a tenant's objects of one kind) are kept. */
const MAX_LISTS = 200;

/**
 * A tenant's RayClusters, RayJobs or RayServices as one LIST answered them,
 * sorted by name and reused for a short while: walking the pages of a list,
 * or several people watching the same tab, costs one LIST of the kind, not
 * one per page. This backend's own changes to a kind forget its list at once;
 * changes by others (KubeRay's status updates) show within the TTL.
 */
export class WorkloadLists {
  private readonly lists?: LRUCache<string, ObservedObject[]>;
  private readonly loading = new Map<string, Promise<ObservedObject[]>>();

  /** A TTL of 0 keeps no answer: every list request after the last one answered LISTs. */
  constructor(ttlMs: number, now: () => number = () => performance.now()) {
    if (ttlMs > 0) {
      this.lists = new LRUCache({
        max: MAX_LISTS,
        ttl: ttlMs,
        ttlResolution: 0,
        perf: { now },
      });
    }
  }

  /** The kind's objects in the tenant, sorted by name; one `load` at a time per list. */
  async get(
    tenant: string,
    kind: RayWorkloadKind,
    load: () => Promise<ObservedObject[]>,
  ): Promise<ObservedObject[]> {
    const key = `${tenant}/${kind}`;
    const cached = this.lists?.get(key);
    if (cached) {
      return cached;
    }
    const pending = this.loading.get(key);
    if (pending) {
      return pending;
    }
    const loaded = load()
      .then(objects => {
        const sorted = objects.sort((a, b) =>
          a.metadata.name.localeCompare(b.metadata.name),
        );
        // a change made while this LIST was under way forgot the key; keep
        // nothing that might predate it
        if (this.loading.get(key) === loaded) {
          this.lists?.set(key, sorted);
        }
        return sorted;
      })
      .finally(() => {
        if (this.loading.get(key) === loaded) {
          this.loading.delete(key);
        }
      });
    this.loading.set(key, loaded);
    return loaded;
  }

  /** Forgets a list after this backend changed one of its objects. */
  forget(tenant: string, kind: RayWorkloadKind): void {
    const key = `${tenant}/${kind}`;
    this.lists?.delete(key);
    this.loading.delete(key);
  }
}
