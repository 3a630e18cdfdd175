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

/** Messages per dotted field path, e.g. `resources.0.cpu`. */
export type FieldErrors = Record<string, string>;

export { reasonOf } from '@ray-service/plugin-ray-service-common';

/**
 * The errors below `prefix`, relative to it, for a part of a form:
 * `errorsAt({ 'allocation.timezone': 'x' }, 'allocation')` is
 * `{ timezone: 'x' }`.
 */
export function errorsAt(errors: FieldErrors, prefix: string): FieldErrors {
  const start = `${prefix}.`;
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith(start))
      .map(([path, message]) => [path.slice(start.length), message]),
  );
}

/** The first error at `path` or below it, for fields that edit a whole list. */
export function errorAtOrBelow(
  errors: FieldErrors,
  path: string,
): string | undefined {
  return errors[path] ?? Object.values(errorsAt(errors, path))[0];
}
