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

import http, { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';

export interface Exchange {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One HTTP(S) request with the body buffered both ways, through `node:http` (which, unlike
 * `fetch`, sends no `Sec-Fetch-*` header: Ray would take it for a browser).
 */
export function httpExchange(
  url: URL,
  method: string,
  headers: OutgoingHttpHeaders,
  body?: Buffer,
  timeoutMs = 30_000,
): Promise<Exchange> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      { method, headers, timeout: timeoutMs },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`timeout after ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    if (body?.length) req.write(body);
    req.end();
  });
}
