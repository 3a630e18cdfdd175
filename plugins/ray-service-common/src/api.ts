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
import { groupRefListSchema } from './groups';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;

const limitSchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_PAGE_LIMIT, `must be at most ${MAX_PAGE_LIMIT}`);

/** Which page of a list to return; the cursor comes from `nextCursor`. */
export const pageParamsSchema = z.object({
  limit: limitSchema.optional(),
  cursor: z.string().min(1).max(2048).optional(),
});

export type PageParams = z.infer<typeof pageParamsSchema>;

/** Page params as the backend reads them from a query string, defaults applied. */
export const pageQuerySchema = z.object({
  // Decimal digits only: no `0x10`, `1e2`, `5.0` or ` 5`.
  limit: z
    .string()
    .regex(
      /^([1-9]\d?|[1-4]\d\d|500)$/,
      `must be a whole number from 1 to ${MAX_PAGE_LIMIT}`,
    )
    .transform(Number)
    .pipe(limitSchema)
    .default(DEFAULT_PAGE_LIMIT),
  cursor: z.string().min(1).max(2048).optional().meta({
    description:
      'The `nextCursor` of the previous page; one that names no position of this list is a 404',
  }),
});

/** The body of `PUT /templates/{name}@{version}/sharing`. */
export const templateSharingRequestSchema = z.object({
  sharedWith: groupRefListSchema,
});

export type TemplateSharingRequest = z.infer<
  typeof templateSharingRequestSchema
>;

/** How `POST /templates` tells YAML documents from JSON ones. */
export const TEMPLATE_VERSION_YAML_CONTENT_TYPE = 'application/yaml';
