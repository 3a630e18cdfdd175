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
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { describeKubernetesError } from './errors';

/** The API server does not serve a kind (its CRD is not installed). */
export class KindNotServedError extends NotFoundError {}

/** The HTTP status of a client-node `ApiException`, if the error is one. */
export function httpStatusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** By name: the DOMException of an aborted fetch may come from another realm. */
function isTimeout(error: unknown): boolean {
  for (
    let e = error as { name?: unknown; cause?: unknown } | undefined;
    e && typeof e === 'object';
    e = e.cause as typeof e
  ) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
      return true;
    }
  }
  return false;
}

/**
 * Turns a failed request into an error of @backstage/errors, so that a router
 * answers with a fitting status: the API server's 400/422 are an `InputError`
 * (the object is invalid), 403 `NotAllowedError`, 404 `NotFoundError`, 409
 * `ConflictError`; everything else (401, 429, 5xx, timeouts, the network)
 * means the cluster is not usable right now. The message names the request
 * and the server's own words, never a header or credential.
 */
export function kubernetesRequestError(
  error: unknown,
  what: string,
  timeoutMs: number,
): Error {
  if (isTimeout(error)) {
    return new ServiceUnavailableError(
      `${what}: timed out after ${timeoutMs} ms`,
    );
  }
  const message = `${what}: ${describeKubernetesError(error)}`;
  switch (httpStatusOf(error)) {
    case 400:
    case 422:
      return new InputError(message);
    case 403:
      return new NotAllowedError(message);
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ConflictError(message);
    default:
      return new ServiceUnavailableError(message);
  }
}
