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

import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  FieldRefusal,
  formatZodIssues,
  isUnprocessable,
  UNPROCESSABLE,
} from '@ray-service/plugin-ray-service-common';
import { z } from 'zod';

export type ValidationIssue = z.core.$ZodIssue;

function issue(path: PropertyKey[], message: string): ValidationIssue {
  return { code: 'custom', path, message };
}

/**
 * Invalid input, field by field. A 400 whose body lists each field and
 * reason (`validationErrorBody` from common), or a 422 when every issue is
 * one the OpenAPI document cannot state (`UNPROCESSABLE`); being an
 * InputError, it is a 400 wherever else it surfaces.
 */
export class ValidationError extends InputError {
  readonly issues: ValidationIssue[];
  readonly refusal: FieldRefusal;

  constructor(issues: ValidationIssue[]) {
    super(formatZodIssues({ issues }).message);
    this.issues = issues;
    this.refusal = issues.every(isUnprocessable)
      ? { status: 422, name: 'UnprocessableInputError' }
      : { status: 400, name: 'InputError' };
  }

  /** One invalid field, e.g. `ValidationError.of(['limit'], 'must be at least 1')`. */
  static of(path: PropertyKey[], message: string): ValidationError {
    return new ValidationError([issue(path, message)]);
  }

  /** One field that is well formed but cannot be acted on (422), such as a reference to nothing. */
  static unprocessable(path: PropertyKey[], message: string): ValidationError {
    return new ValidationError([
      { ...issue(path, message), params: UNPROCESSABLE } as ValidationIssue,
    ]);
  }
}

/**
 * A field names something that is not there, such as an owner group missing
 * from the catalog or a cursor of no page: a 404 whose body names the field
 * like a 400's.
 */
export class FieldNotFoundError extends NotFoundError {
  readonly issues: ValidationIssue[];
  readonly refusal: FieldRefusal = { status: 404, name: 'NotFoundError' };

  constructor(issues: ValidationIssue[]) {
    super(formatZodIssues({ issues }).message);
    this.issues = issues;
  }

  static of(path: PropertyKey[], message: string): FieldNotFoundError {
    return new FieldNotFoundError([issue(path, message)]);
  }
}

/**
 * A field conflicts with the current state of what the request changes, such
 * as an upgrade to another template than the tenant's: a 409 whose body names
 * the field like a 400's.
 */
export class FieldConflictError extends ConflictError {
  readonly issues: ValidationIssue[];
  readonly refusal: FieldRefusal = { status: 409, name: 'ConflictError' };

  constructor(issues: ValidationIssue[]) {
    super(formatZodIssues({ issues }).message);
    this.issues = issues;
  }

  static of(path: PropertyKey[], message: string): FieldConflictError {
    return new FieldConflictError([issue(path, message)]);
  }
}

/** A refusal that names fields, with the status that fits it. */
export type FieldError =
  | ValidationError
  | FieldNotFoundError
  | FieldConflictError;

export function isFieldError(error: unknown): error is FieldError {
  return (
    error instanceof ValidationError ||
    error instanceof FieldNotFoundError ||
    error instanceof FieldConflictError
  );
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
