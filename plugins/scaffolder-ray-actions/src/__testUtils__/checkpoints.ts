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

import { JsonValue } from '@backstage/types';

/**
 * Checkpoints as the scaffolder's workflow runner keeps them in a task's
 * state: a key whose `fn` succeeded returns the stored value on every later
 * run of the task (a retry, a recovery); a failed `fn` stores nothing.
 */
export function taskCheckpoints() {
  const state = new Map<string, JsonValue>();
  return {
    state,
    async checkpoint<T extends JsonValue | void>(opts: {
      key: string;
      fn: () => Promise<T> | T;
    }): Promise<T> {
      if (state.has(opts.key)) {
        return state.get(opts.key) as T;
      }
      const value = await opts.fn();
      state.set(opts.key, (value ?? {}) as JsonValue);
      return value;
    },
  };
}
