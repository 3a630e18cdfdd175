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

import { Knex } from 'knex';
import { z } from 'zod';
import { decodeCursor, Page, PageRequest, pageOf } from '../lib/pagination';
import { countFromRow } from './columns';

/**
 * One page of `query` in the order of `orderBy`, starting after the key in
 * the request's cursor (keyset pagination: no offsets, stable while rows
 * come and go), with the total count of `query`.
 */
export async function keysetPage<K, R, T>(options: {
  /** The filtered rows, neither ordered nor limited. */
  query: Knex.QueryBuilder;
  page: PageRequest;
  keySchema: z.ZodType<K>;
  /** The columns of the key, in order; the last one makes it unique. */
  orderBy: Array<string | { column: string; order: 'asc' | 'desc' }>;
  /** Restricts `query` to rows after `key` in that order. */
  after: (query: Knex.QueryBuilder, key: K) => void;
  toItems: (rows: R[]) => T[] | Promise<T[]>;
  keyOf: (item: T) => K;
}): Promise<Page<T>> {
  const { query, page } = options;
  const after = page.cursor
    ? decodeCursor(page.cursor, options.keySchema)
    : undefined;
  const [rows, count] = await Promise.all([
    query
      .clone()
      .modify(pageQuery => {
        if (after !== undefined) {
          options.after(pageQuery, after);
        }
      })
      .orderBy(options.orderBy)
      .limit(page.limit + 1),
    query.clone().count({ count: '*' }).first(),
  ]);
  return pageOf(await options.toItems(rows), {
    limit: page.limit,
    totalCount: countFromRow(count),
    keyOf: options.keyOf,
  });
}
