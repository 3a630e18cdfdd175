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

/** A `status.conditions[]` entry as controllers write it. */
export interface ObjectCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  observedGeneration?: number;
}

/** The condition of `type` in an object's `status.conditions`, if any. */
export function findCondition(
  object: object | undefined,
  type: string,
): ObjectCondition | undefined {
  const status = (object as { status?: { conditions?: unknown } } | undefined)
    ?.status;
  const conditions = status?.conditions;
  if (!Array.isArray(conditions)) {
    return undefined;
  }
  return conditions.find(
    (condition): condition is ObjectCondition =>
      typeof condition === 'object' &&
      condition !== null &&
      (condition as ObjectCondition).type === type,
  );
}
