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
  RouteDefinition,
  RouteRequest,
} from '@ray-service/plugin-ray-service-common';
import { z } from 'zod';
import { ValidationError, ValidationIssue } from './validation';

/** What a route reads, as it came: path parameters, query and body. */
export interface RawRouteInput {
  params?: unknown;
  query?: unknown;
  body?: unknown;
}

/** The issues of `value` against `schema` and its output (the value itself without a schema). */
function check(
  schema: z.ZodType | undefined,
  value: unknown,
  issues: ValidationIssue[],
): unknown {
  if (!schema) {
    return value;
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    issues.push(...result.error.issues);
    return undefined;
  }
  return result.data;
}

/**
 * Numbers and booleans as a query string carries them (`limit: 2` →
 * `'2'`), so that a caller passing values, such as an action, meets the
 * same query rules as HTTP.
 */
function asQueryString(query: unknown): unknown {
  if (!query || typeof query !== 'object' || Array.isArray(query)) {
    return query;
  }
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => [
      key,
      typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : value,
    ]),
  );
}

/**
 * Parses what a contract route reads with the contract's schemas, with
 * defaults applied; every invalid field of all three in one
 * {@link ValidationError} (a 400). The REST router and the registry actions
 * both read their input through it, so an agent's input obeys the REST rules.
 */
export function parseRouteInput<R extends RouteDefinition>(
  definition: R,
  input: RawRouteInput,
): RouteRequest<R> {
  const issues: ValidationIssue[] = [];
  const params = check(definition.params, input.params, issues) ?? {};
  const query =
    check(definition.query, asQueryString(input.query ?? {}), issues) ?? {};
  const body = definition.body
    ? check(definition.body, input.body, issues)
    : undefined;
  if (issues.length) {
    throw new ValidationError(issues);
  }
  return { params, query, body } as RouteRequest<R>;
}
