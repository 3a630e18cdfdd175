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

import { isError, ResponseError } from '@backstage/errors';
import {
  reasonOf,
  validationDetailsOf,
} from '@ray-service/plugin-ray-service-common';

/**
 * A failure a person can act on. The scaffolder writes a failed step's
 * `stack` to the task log, so it is the message alone: the reason, never a
 * trace through our code.
 */
export class RayActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RayActionError';
    this.stack = message;
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof ResponseError ||
    (isError(error) && error.name === 'ResponseError')
    ? (error as ResponseError).response.status
    : undefined;
}

/** What the backend's answer means for the person running the template. */
function explainStatus(status: number, error: unknown): string {
  const reason = reasonOf(error);
  switch (status) {
    case 400:
    case 422: {
      const details = validationDetailsOf(error);
      return `the Ray service found invalid input: ${
        details.length
          ? details
              .map(({ field, message }) => `${field}: ${message}`)
              .join('; ')
          : reason
      }`;
    }
    case 401:
      return `not signed in to the Ray service (${reason})`;
    case 403:
      return `not allowed: ${reason}`;
    case 404:
      return `not found: ${reason}`;
    case 409:
      return reason;
    default:
      return `the Ray service answered ${status}: ${reason}`;
  }
}

/**
 * Turns what a call to the backend threw into a {@link RayActionError} that
 * says what could not be done and why: a 400's field details, a 403's or
 * 404's reason, a 409's (e.g. "not enough capacity (…)"), an unreachable
 * backend, a cancelled task. `doing` completes "Cannot …", e.g.
 * `create tenant "demo"`.
 */
export function explain(
  error: unknown,
  doing: string,
  signal?: AbortSignal,
): RayActionError {
  if (error instanceof RayActionError) {
    return error;
  }
  if (signal?.aborted) {
    return new RayActionError(`Cancelled: did not ${doing}`);
  }
  const status = statusOf(error);
  if (status !== undefined) {
    return new RayActionError(
      `Cannot ${doing}: ${explainStatus(status, error)}`,
    );
  }
  // fetch's network errors: undici's "fetch failed" (the cause says why), a browser's "Failed to fetch".
  if (error instanceof TypeError && /fetch/i.test(error.message)) {
    const cause = (error as { cause?: unknown }).cause;
    return new RayActionError(
      `Cannot ${doing}: the Ray service could not be reached (${reasonOf(
        cause ?? error,
      )})`,
    );
  }
  return new RayActionError(`Cannot ${doing}: ${reasonOf(error)}`);
}

/** Runs `fn`, turning a failure into a {@link RayActionError} about `doing`. */
export async function explained<T>(
  doing: string,
  signal: AbortSignal | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw explain(error, doing, signal);
  }
}
