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

import type { LoggerService } from '@backstage/backend-plugin-api';
import { isError, serializeError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';

/**
 * Answers a `ServiceUnavailableError` (a host cluster that cannot be
 * reached or used right now) with 503 and Backstage's error body, logged as
 * one warn line. Backstage's own error handler would log every 5xx at error
 * level with a stack trace, which for a cluster being down is noise. Other
 * errors pass on. Mount it after the plugin's routes.
 */
export function serviceUnavailableHandler(
  logger: LoggerService,
): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (!isError(error) || error.name !== 'ServiceUnavailableError') {
      next(error);
      return;
    }
    logger.warn(`${req.method} ${req.originalUrl}: 503 ${error.message}`);
    res.status(503).json({
      error: serializeError(error),
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: 503 },
    });
  };
}
