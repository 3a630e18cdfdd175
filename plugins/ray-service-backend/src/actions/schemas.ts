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

import { z } from 'zod/v3';

/**
 * The registry's schemas are zod 3 (the actions registry renders them as
 * JSON Schema for MCP clients); the contract's zod 4 schemas then parse the
 * input, so every rule is the REST API's.
 */
export const pageInput = {
  limit: z.number().int().optional().describe('How many items at most'),
  cursor: z
    .string()
    .optional()
    .describe("The previous page's nextCursor, for the next page"),
};

/** A page of `item`s, as the REST API answers lists. */
export function pageOutput(item: z.ZodTypeAny, what: string) {
  return z.object({
    items: z.array(item).describe(what),
    nextCursor: z
      .string()
      .optional()
      .describe('Pass as cursor for the next page; absent on the last page'),
    totalCount: z.number().int().optional().describe('How many in all'),
  });
}

export const tenantNameInput = z
  .string()
  .describe('The tenant name, e.g. fraud-models');

/** A workload as the REST API shows it: name, phase, conditions and its kind's fields. */
export const workloadOutput = (what: string) =>
  z
    .object({ name: z.string(), tenant: z.string(), phase: z.string() })
    .passthrough()
    .describe(what);

/** A tenant as the REST API shows it (name, owner, phase, conditions, …). */
export const tenantOutput = z
  .object({
    name: z.string(),
    owner: z.string(),
    phase: z.string(),
    namespace: z.string(),
  })
  .passthrough()
  .describe(
    'The tenant: name, owner, profile, templateVersion, hostCluster, isolation, namespace, phase, conditions, generation, createdBy, createdAt',
  );
