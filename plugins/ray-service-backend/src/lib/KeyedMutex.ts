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

/**
 * Runs async sections one at a time per key, in the order they asked. A
 * section holding several keys waits for every earlier holder of any of
 * them; all keys are queued for at once, so sections cannot deadlock.
 *
 * In-process only: it serializes what one backend instance does, not what
 * several replicas do.
 */
export class KeyedMutex {
  /** Per key, the section that holds or will next hold it, until it ends. */
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: readonly string[], section: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    let release!: () => void;
    const done = new Promise<void>(resolve => {
      release = resolve;
    });
    const earlier = unique.flatMap(key => {
      const tail = this.tails.get(key);
      this.tails.set(key, done);
      return tail ? [tail] : [];
    });
    try {
      await Promise.all(earlier);
      return await section();
    } finally {
      release();
      for (const key of unique) {
        if (this.tails.get(key) === done) {
          this.tails.delete(key);
        }
      }
    }
  }

  /** Keys held or waited for; empty when idle. */
  get busyKeys(): string[] {
    return [...this.tails.keys()];
  }
}
