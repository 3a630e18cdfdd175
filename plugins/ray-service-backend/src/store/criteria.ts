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
import { Knex } from 'knex';

/**
 * Restricts `query` to the rows `criteria` lets through: permission
 * criteria (allOf, anyOf, not) as SQL, each leaf by `applyLeaf`.
 */
export function applyCriteria<TLeaf>(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<TLeaf>,
  applyLeaf: (query: Knex.QueryBuilder, leaf: TLeaf) => void,
): void {
  if (isAndCriteria(criteria)) {
    for (const criterion of criteria.allOf) {
      query.andWhere(inner => applyCriteria(inner, criterion, applyLeaf));
    }
  } else if (isOrCriteria(criteria)) {
    query.andWhere(inner => {
      for (const criterion of criteria.anyOf) {
        inner.orWhere(branch => applyCriteria(branch, criterion, applyLeaf));
      }
    });
  } else if (isNotCriteria(criteria)) {
    query.whereNot(inner => applyCriteria(inner, criteria.not, applyLeaf));
  } else {
    query.andWhere(inner => applyLeaf(inner, criteria));
  }
}
