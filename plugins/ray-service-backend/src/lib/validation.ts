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

import { InputError } from '@backstage/errors';
import { formatZodIssues } from '@ray-service/plugin-ray-service-common';
import { z } from 'zod';

export type ValidationIssue = z.core.$ZodIssue;

/**
 * Invalid input, field by field. A 400 whose body lists each field and
 * reason (`validationErrorBody` from common); being an InputError, it is a 400
 * wherever it surfaces.
 */
export class ValidationError extends InputError {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    super(formatZodIssues({ issues }).message);
    this.issues = issues;
  }

  /** One invalid field, e.g. `ValidationError.of(['cursor'], 'is not a cursor of this list')`. */
  static of(path: PropertyKey[], message: string): ValidationError {
    return new ValidationError([{ code: 'custom', path, message }]);
  }
}

/** Parses `value` with `schema` or throws a {@link ValidationError}. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ValidationError(result.error.issues);
  }
  return result.data;
}
