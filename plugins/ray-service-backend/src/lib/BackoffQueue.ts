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

export interface BackoffQueueOptions {
  /** The first retry's delay; each further retry in a row doubles it. */
  baseMs: number;
  /** The longest delay. */
  maxMs: number;
  /**
   * Up to this fraction of a retry's delay is taken off at random (default
   * 0.2), so that keys that failed together do not retry together.
   */
  jitter?: number;
  /** Milliseconds since some epoch; default `Date.now`. */
  now?: () => number;
  /** A number in [0, 1); default `Math.random`. */
  random?: () => number;
}

/**
 * Keys waiting to be worked on, each due at a time of its own, like
 * client-go's rate-limited work queue: `add` makes a key due (at once or
 * after a delay), `retry` makes it due after a delay that doubles with each
 * retry in a row (with jitter, up to `maxMs`) until `forget` resets it, and
 * `take` hands out the keys that are due. A key is queued once, at its
 * earliest due time. No timers: the caller asks {@link nextDueAt} and wakes
 * itself.
 */
export class BackoffQueue {
  private readonly due = new Map<string, number>();
  private readonly retries = new Map<string, number>();
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: BackoffQueueOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Makes `key` due in `delayMs` (default now), unless it is due sooner. */
  add(key: string, delayMs = 0): void {
    const at = this.now() + delayMs;
    const queued = this.due.get(key);
    if (queued === undefined || at < queued) {
      this.due.set(key, at);
    }
  }

  /** Queues `key` again after its next backoff delay; answers the delay. */
  retry(key: string): number {
    const retries = this.retries.get(key) ?? 0;
    this.retries.set(key, retries + 1);
    const { baseMs, maxMs, jitter = 0.2 } = this.options;
    const full = Math.min(maxMs, baseMs * 2 ** retries);
    const delay = Math.round(full * (1 - jitter * this.random()));
    this.add(key, delay);
    return delay;
  }

  /** The next retry of `key` waits the base delay again. */
  forget(key: string): void {
    this.retries.delete(key);
  }

  /** How many retries in a row `key` had since it was last forgotten. */
  retriesOf(key: string): number {
    return this.retries.get(key) ?? 0;
  }

  /** Removes and answers the keys that are due now. */
  take(): string[] {
    const now = this.now();
    const due: string[] = [];
    for (const [key, at] of this.due) {
      if (at <= now) {
        due.push(key);
        this.due.delete(key);
      }
    }
    return due;
  }

  /** Removes `key` from the queue (its retry count stays). */
  remove(key: string): void {
    this.due.delete(key);
  }

  /** When the earliest key is due, or undefined when none is queued. */
  nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const at of this.due.values()) {
      if (next === undefined || at < next) {
        next = at;
      }
    }
    return next;
  }

  /** Forgets every key and retry count. */
  clear(): void {
    this.due.clear();
    this.retries.clear();
  }
}
