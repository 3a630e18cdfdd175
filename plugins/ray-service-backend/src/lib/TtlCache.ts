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

interface Entry<V> {
  value?: { data: V; loadedAt: number };
  pending?: Promise<V>;
}

/**
 * A small read-through cache. A fresh value is returned as it is; a stale one
 * is returned too while one background load refreshes it, so that callers
 * never wait for a refresh; only the first load of a key is awaited.
 * Failed loads are not cached.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key) ?? {};
    this.entries.set(key, entry);
    if (entry.value) {
      if (this.now() - entry.value.loadedAt > this.maxAgeMs) {
        this.refresh(entry, load).catch(() => {});
      }
      return entry.value.data;
    }
    return this.refresh(entry, load);
  }

  /** Stores a value loaded elsewhere, e.g. by an explicit refresh. */
  set(key: string, data: V): void {
    const entry = this.entries.get(key) ?? {};
    entry.value = { data, loadedAt: this.now() };
    this.entries.set(key, entry);
  }

  /** Forgets a key, so that the next get loads it again. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  private refresh(entry: Entry<V>, load: () => Promise<V>): Promise<V> {
    entry.pending ??= load()
      .then(data => {
        entry.value = { data, loadedAt: this.now() };
        return data;
      })
      .finally(() => {
        entry.pending = undefined;
      });
    return entry.pending;
  }
}
