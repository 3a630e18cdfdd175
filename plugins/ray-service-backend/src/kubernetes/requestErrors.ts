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

/**
 * The request got no HTTP answer: the connection could not be made (refused,
 * no route, DNS, TLS) or the server did not answer in time. Unlike an
 * answer (401, 403, 5xx, …) it says nothing about the server, only that it
 * could not be reached from here. Still a `ServiceUnavailableError` (and so
 * named) for callers and the router's error handler.
 */
export class ClusterUnreachableError extends ServiceUnavailableError {}

/**
 * What a Service (or the API server in front of it) answered through the
 * service proxy when it was not a 2xx: its status and text, for the caller
 * to read (a Ray dashboard's errors are plain text or JSON of its own).
 */
export class ProxiedAnswerError extends Error {
  constructor(readonly status: number, readonly text: string) {
    super(`answered ${status}`);
    this.name = 'ProxiedAnswerError';
  }
}

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
 * A failure of the connection rather than an answer: no HTTP status, and
 * somewhere in the cause chain a system or network error code (`ECONNREFUSED`,
 * `ENOTFOUND`, `UND_ERR_SOCKET`, a TLS code, …) or undici's `fetch failed`.
 */
function isConnectionFailure(error: unknown): boolean {
  if (httpStatusOf(error) !== undefined) {
    return false;
  }
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown };
    e && typeof e === 'object';
    e = e.cause as typeof e
  ) {
    if (typeof e.code === 'string' || e.message === 'fetch failed') {
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
 * means the cluster is not usable right now: a `ServiceUnavailableError`, a
 * {@link ClusterUnreachableError} when there was no answer at all. The
 * message names the request and the server's own words, never a header or
 * credential.
 */
export function kubernetesRequestError(
  error: unknown,
  what: string,
  timeoutMs: number,
): Error {
  if (isTimeout(error)) {
    return new ClusterUnreachableError(
      `${what}: timed out after ${timeoutMs} ms`,
    );
  }
  const message = `${what}: ${describeKubernetesError(error)}`;
  if (isConnectionFailure(error)) {
    return new ClusterUnreachableError(message);
  }
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
