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

interface Delayed {
  at: number;
  timer: NodeJS.Timeout;
}

/**
 * A deduplicating queue of keys worked off in batches, like client-go's workqueue without rate
 * limits. `add` collects keys; one `setImmediate` later the handler gets every pending key once,
 * in the order they were first added. A key added while a batch runs goes into the next batch.
 * `addAfter` adds a key once a delay has passed; of several delays for one key the earliest
 * deadline wins.
 */
export class KeyedWorkQueue {
  private readonly pending = new Set<string>();
  private readonly delayed = new Map<string, Delayed>();
  private scheduled = false;
  private stopped = false;

  /** `handle` must not throw: an exception would drop the rest of its batch. */
  constructor(private readonly handle: (key: string) => void) {}

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.processBatch());
  }

  addAfter(key: string, delayMs: number): void {
    if (this.stopped) return;
    const ms = Math.max(0, delayMs);
    const at = Date.now() + ms;
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      this.delayed.delete(key);
      this.add(key);
    }, ms);
    timer.unref?.();
    this.delayed.set(key, { at, timer });
  }

  /** Drops a delayed add of the key (a pending one still runs). */
  cancelDelayed(key: string): void {
    const existing = this.delayed.get(key);
    if (!existing) return;
    clearTimeout(existing.timer);
    this.delayed.delete(key);
  }

  /** Drops pending and delayed keys; later adds are ignored. */
  stop(): void {
    this.stopped = true;
    for (const d of this.delayed.values()) clearTimeout(d.timer);
    this.delayed.clear();
    this.pending.clear();
  }

  private processBatch() {
    this.scheduled = false;
    if (this.stopped) return;
    const keys = [...this.pending];
    this.pending.clear();
    for (const key of keys) this.handle(key);
  }
}
