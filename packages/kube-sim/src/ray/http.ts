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

/** A request to a (simulated) Ray dashboard, as the service proxy hands it over. */
export interface RayRequest {
  method: string;
  /** The path below the dashboard's root, e.g. `/api/jobs/`. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface RayResponse {
  status: number;
  /** Undefined: no Content-Type at all (Ray's answer to a Serve PUT). */
  contentType?: string;
  body: string;
  headers?: Record<string, string>;
}

const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** A plain-text answer, the only error format of Ray's dashboard. */
export function text(status: number, body: string): RayResponse {
  return { status, contentType: TEXT, body };
}

export function json(status: number, body: unknown): RayResponse {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(body) };
}

/** An error a handler throws; answered as plain text. */
export class RayHttpError extends Error {
  constructor(readonly status: number, readonly body: string) {
    super(body);
  }

  toResponse(): RayResponse {
    return text(this.status, this.body);
  }
}

export function headerValue(
  req: Pick<RayRequest, 'headers'>,
  name: string,
): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
