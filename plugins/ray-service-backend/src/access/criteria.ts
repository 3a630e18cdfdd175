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

import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { PermissionCriteria } from '@backstage/plugin-permission-common';

/** The same criteria with every leaf replaced by `mapLeaf`'s answer. */
export async function mapCriteria<TFrom, TTo>(
  criteria: PermissionCriteria<TFrom>,
  mapLeaf: (leaf: TFrom) => Promise<TTo>,
): Promise<PermissionCriteria<TTo>> {
  if (isAndCriteria(criteria)) {
    return {
      allOf: await Promise.all(
        criteria.allOf.map(c => mapCriteria(c, mapLeaf)),
      ),
    } as PermissionCriteria<TTo>;
  }
  if (isOrCriteria(criteria)) {
    return {
      anyOf: await Promise.all(
        criteria.anyOf.map(c => mapCriteria(c, mapLeaf)),
      ),
    } as PermissionCriteria<TTo>;
  }
  if (isNotCriteria(criteria)) {
    return { not: await mapCriteria(criteria.not, mapLeaf) };
  }
  return mapLeaf(criteria);
}
