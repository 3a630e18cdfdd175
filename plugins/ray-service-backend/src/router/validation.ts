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

import { validationErrorBody } from '@ray-service/plugin-ray-service-common';
import { ErrorRequestHandler, Request } from 'express';
import { isFieldError, ValidationError } from '../lib/validation';
import { UnsupportedMediaTypeError } from './contractRouter';

// body-parser's errors for bodies it cannot read, e.g. malformed JSON.
function isUnreadableBody(error: unknown): error is Error {
  return (error as { type?: unknown })?.type === 'entity.parse.failed';
}

// Express's error for a path parameter that is not valid percent-encoding.
function isUndecodablePath(error: unknown): error is URIError {
  return error instanceof URIError;
}

/** body-parser's other refusals: 413 too large, 415 unsupported charset or encoding. */
function bodyRefusalStatus(error: unknown): number | undefined {
  const { type, status } = (error ?? {}) as {
    type?: unknown;
    status?: unknown;
  };
  return typeof type === 'string' &&
    typeof status === 'number' &&
    [413, 415].includes(status)
    ? status
    : undefined;
}

function errorBody(
  req: Request,
  status: number,
  name: string,
  message: string,
) {
  return {
    error: { name, message },
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: status },
  };
}

/**
 * Answers refused fields (invalid input 400, a field naming something absent
 * 404, conflicting 409, contradictory 422) with the body of common
 * (`validationErrorBody`): every field and reason, also in `details`; a
 * body too large with 413 and one of a type the route does not read with
 * 415, in Backstage's error body.
 */
export const validationErrorHandler: ErrorRequestHandler = (
  error,
  req,
  res,
  next,
) => {
  const bodyRefusal =
    error instanceof UnsupportedMediaTypeError ? 415 : bodyRefusalStatus(error);
  if (bodyRefusal) {
    res
      .status(bodyRefusal)
      .json(errorBody(req, bodyRefusal, error.name, String(error.message)));
    return;
  }
  let validationError = error;
  if (isUnreadableBody(error)) {
    validationError = ValidationError.of(
      [],
      `the body is not valid JSON: ${error.message.slice(0, 200)}`,
    );
  } else if (isUndecodablePath(error)) {
    validationError = ValidationError.of(
      ['path'],
      'is not valid percent-encoding (RFC 3986)',
    );
  }
  if (!isFieldError(validationError)) {
    next(error);
    return;
  }
  const { refusal } = validationError;
  res
    .status(refusal.status)
    .json(
      validationErrorBody(
        validationError,
        { method: req.method, url: req.originalUrl },
        refusal,
      ),
    );
};
