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

import { ErrorResponseBody, isError } from '@backstage/errors';
import { z } from 'zod';

/** One invalid field: its dotted path (`resources.0.cpu`) and the reason. */
export interface ValidationErrorDetail {
  field: string;
  message: string;
}

/**
 * The body of our refusals that name fields (400, and the 404, 409 and 422
 * of a field naming something absent, conflicting or contradictory):
 * Backstage's error body, whose message names every field and reason, plus
 * the same as structured `details` for forms.
 */
export type ValidationErrorResponseBody = ErrorResponseBody & {
  error: { name: string; message: string };
  details: ValidationErrorDetail[];
};

/** A status that refuses fields, and the error name Backstage gives it. */
export interface FieldRefusal {
  status: 400 | 404 | 409 | 422;
  name: string;
}

type ZodIssues = Pick<z.ZodError, 'issues'>;

/** `['resources', 0, 'cpu']` → `resources.0.cpu`; the root is `''`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function detailsOf(issue: z.core.$ZodIssue): ValidationErrorDetail[] {
  // Reported on the object; forms want each unknown field by name.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(key => ({
      field: fieldPath([...issue.path, key]),
      message: 'is not a known field',
    }));
  }
  return [{ field: fieldPath(issue.path), message: issue.message }];
}

/** Fields and reasons an error body lists at most; the rest are counted. */
const MAX_DETAILS = 50;
/** Characters of a field or reason: a hostile input is never echoed whole. */
const MAX_DETAIL_LENGTH = 300;

function shortened(text: string): string {
  return text.length > MAX_DETAIL_LENGTH
    ? `${text.slice(0, MAX_DETAIL_LENGTH - 1)}…`
    : text;
}

/**
 * Turns a failed parse into a message naming each field and reason,
 * `resources.0.cpu: invalid quantity "abc"; name: ...`, and the same as
 * details.
 */
export function formatZodIssues(error: ZodIssues): {
  message: string;
  details: ValidationErrorDetail[];
} {
  const all = error.issues.flatMap(detailsOf);
  const details = all.slice(0, MAX_DETAILS).map(detail => ({
    field: shortened(detail.field),
    message: shortened(detail.message),
  }));
  if (all.length > MAX_DETAILS) {
    details.push({
      field: '',
      message: `and ${all.length - MAX_DETAILS} more problems`,
    });
  }
  const message = details
    .map(({ field, message: reason }) =>
      field ? `${field}: ${reason}` : reason,
    )
    .join('; ');
  return { message, details };
}

/** The first reason per field path, for showing errors beside form fields. */
export function fieldErrors(error: ZodIssues): Record<string, string> {
  return detailsToFieldErrors(formatZodIssues(error).details);
}

/** The first reason per field path of server-side details. */
export function detailsToFieldErrors(
  details: ValidationErrorDetail[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of details) {
    errors[field] ??= message;
  }
  return errors;
}

/**
 * Marks a refinement's issue as one the OpenAPI document cannot state about
 * a request it describes: fields each well formed that contradict each other
 * (`minReplicas` above `maxReplicas`), or a document carried in a string (a
 * Serve config's YAML) that is not what it must be. The backend answers 422
 * Unprocessable Content when every issue of a request is one.
 */
export const UNPROCESSABLE = { unprocessable: true } as const;

/** Whether an issue was raised with {@link UNPROCESSABLE}. */
export function isUnprocessable(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && issue.params?.unprocessable === true;
}

/** The body for refused fields: by default the 400 of a failed parse. */
export function validationErrorBody(
  error: ZodIssues,
  request?: { method: string; url: string },
  refusal: FieldRefusal = { status: 400, name: 'InputError' },
): ValidationErrorResponseBody {
  const { message, details } = formatZodIssues(error);
  return {
    error: { name: refusal.name, message },
    ...(request && { request }),
    response: { statusCode: refusal.status },
    details,
  };
}

/**
 * The field details of a client error from a 400, 404, 409 or 422 response (a `ResponseError`
 * whose body is a {@link ValidationErrorResponseBody}); empty otherwise.
 */
export function validationDetailsOf(error: unknown): ValidationErrorDetail[] {
  const details = (error as { body?: { details?: unknown } } | undefined)?.body
    ?.details;
  return Array.isArray(details)
    ? details.filter(
        (detail): detail is ValidationErrorDetail =>
          typeof detail?.field === 'string' &&
          typeof detail?.message === 'string',
      )
    : [];
}

/**
 * What went wrong, in the server's words when it answered with an error body
 * (a 409's reason, say) rather than the client's "Request failed with 409".
 */
export function reasonOf(error: unknown): string {
  if (!isError(error)) {
    return String(error);
  }
  const body = (error as { body?: { error?: { message?: unknown } } }).body;
  const serverMessage = body?.error?.message;
  return typeof serverMessage === 'string' && serverMessage
    ? serverMessage
    : error.message;
}
