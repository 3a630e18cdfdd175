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

import { ApiError } from '../errors';

export interface SimResponse {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A JSON response; a string body is sent as it is (already serialized). */
export function json(
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): SimResponse {
  return {
    status,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers,
  };
}

export function errorResponse(e: unknown): SimResponse {
  if (e instanceof ApiError)
    return json(
      e.code,
      e.toStatus(),
      Object.keys(e.headers).length ? e.headers : undefined,
    );
  const message = e instanceof Error ? e.message : String(e);
  return json(
    500,
    new ApiError(500, `Internal error occurred: ${message}`).toStatus(),
  );
}
