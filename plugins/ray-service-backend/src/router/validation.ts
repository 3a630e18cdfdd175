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
import { ErrorRequestHandler } from 'express';
import { ValidationError } from '../lib/validation';

// body-parser's errors for bodies it cannot read, e.g. malformed JSON.
function isUnreadableBody(error: unknown): error is Error {
  return (error as { type?: unknown })?.type === 'entity.parse.failed';
}

/**
 * Answers invalid input with the 400 body of common
 * (`validationErrorBody`): every field and reason, also in `details`.
 */
export const validationErrorHandler: ErrorRequestHandler = (
  error,
  req,
  res,
  next,
) => {
  const validationError = isUnreadableBody(error)
    ? ValidationError.of([], `the body is not valid JSON: ${error.message}`)
    : error;
  if (!(validationError instanceof ValidationError)) {
    next(error);
    return;
  }
  res.status(400).json(
    validationErrorBody(validationError, {
      method: req.method,
      url: req.originalUrl,
    }),
  );
};
