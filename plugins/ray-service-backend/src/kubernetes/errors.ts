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

/**
 * Turns an error from client-node or the network into a short message that is
 * safe to show: the HTTP status and the API server's own message, or the
 * network cause. Request headers (and so tokens) are never included.
 */
export function describeKubernetesError(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const apiError = error as Error & { code?: number; body?: unknown };
  if (typeof apiError.code === 'number') {
    const body = parseBody(apiError.body);
    const message = body?.message ?? 'request failed';
    return `HTTP ${apiError.code}: ${message}`;
  }
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause) {
    cause = cause.cause;
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return message || error.message;
}

function parseBody(body: unknown): { message?: string } | undefined {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body);
    } catch {
      return { message: body.slice(0, 200) };
    }
  }
  return body as { message?: string } | undefined;
}
