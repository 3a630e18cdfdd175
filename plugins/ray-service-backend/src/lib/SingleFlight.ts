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
 * Reads that share one call while it is under way: a read of a key that
 * is being read already gets that call's answer instead of starting
 * another. Nothing is kept once a call settles, so no answer is older than
 * the call it joined. In a burst of creates, fifty reads of one profile
 * become one query.
 */
export class SingleFlight<T> {
  private readonly underWay = new Map<string, Promise<T>>();

  run(key: string, read: () => Promise<T>): Promise<T> {
    const joined = this.underWay.get(key);
    if (joined) {
      return joined;
    }
    const call = read().finally(() => this.underWay.delete(key));
    this.underWay.set(key, call);
    return call;
  }
}
