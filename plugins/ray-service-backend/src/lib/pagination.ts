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

import { z } from 'zod';
import { FieldNotFoundError } from './validation';

/** Which page to return: `limit` items after the position `cursor` names. */
export interface PageRequest {
  limit: number;
  /** Opaque, from the `nextCursor` of the previous page. */
  cursor?: string;
}

/** One page of a list and where the next one starts. */
export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  nextCursor?: string;
  totalCount: number;
}

/**
 * Cursors are the sort key of the last item of a page, as base64url JSON:
 * opaque to clients, and stable while items are added or removed (keyset
 * pagination).
 */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The sort key a cursor carries. A cursor is an opaque name of a position in
 * one list, like an id in a path: one that names no position of this list is
 * a 404 on the `cursor` field.
 */
export function decodeCursor<S extends z.ZodType>(
  cursor: string,
  keySchema: S,
): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const result = keySchema.safeParse(json);
  if (!result.success) {
    throw FieldNotFoundError.of(
      ['cursor'],
      'is not a cursor of this list; pass the nextCursor of a previous page',
    );
  }
  return result.data;
}

/**
 * A page from items fetched in list order, one more than `limit` when there
 * is a next page.
 */
export function pageOf<T>(
  items: T[],
  options: { limit: number; totalCount: number; keyOf: (item: T) => unknown },
): Page<T> {
  const pageItems = items.slice(0, options.limit);
  const hasMore = items.length > options.limit;
  return {
    items: pageItems,
    ...(hasMore && {
      nextCursor: encodeCursor(options.keyOf(pageItems[pageItems.length - 1])),
    }),
    totalCount: options.totalCount,
  };
}

const nameKeySchema = z.tuple([z.string()]);

/** A page of an in-memory list of uniquely named items, in list order. */
export function pageOfNamedItems<T extends { name: string }>(
  items: T[],
  request: PageRequest,
): Page<T> {
  let start = 0;
  if (request.cursor) {
    const [after] = decodeCursor(request.cursor, nameKeySchema);
    start = items.findIndex(item => item.name === after) + 1;
    if (start === 0) {
      throw FieldNotFoundError.of(
        ['cursor'],
        `points at "${after}", which is no longer in the list; start again without a cursor`,
      );
    }
  }
  return pageOf(items.slice(start, start + request.limit + 1), {
    limit: request.limit,
    totalCount: items.length,
    keyOf: item => [item.name],
  });
}
