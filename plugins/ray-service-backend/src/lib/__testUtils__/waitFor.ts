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
 * How long a test waits for a condition before it gives up: far longer than
 * any condition takes even on a busy machine, so that only a condition that
 * never comes fails a test.
 */
export const PATIENCE_MS = 60_000;

/**
 * Checks `check` until it answers a value other than undefined (or false)
 * and resolves with it; fails with `what` (a function: asked then, e.g. for
 * the last answer seen) after {@link PATIENCE_MS}.
 */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string | (() => string) = 'the condition',
  options: { intervalMs?: number; timeoutMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? PATIENCE_MS);
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `gave up waiting for ${typeof what === 'function' ? what() : what}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, options.intervalMs ?? 20));
  }
}
