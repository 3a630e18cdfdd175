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
  HttpLibrary,
  ResponseContext,
  SelfDecodingBody,
  wrapHttpLibrary,
} from '@kubernetes/client-node';
import { Dispatcher, request } from 'undici';

/**
 * client-node's transport on `undici.request` instead of `fetch()`. A
 * fetch() always sends `Sec-Fetch-Mode: cors`; the API server's service
 * proxy passes it on, and a Ray dashboard takes the request for a browser's:
 * it refuses writes (405) and redacts what it shows.
 */
export const undiciHttpLibrary: HttpLibrary = wrapHttpLibrary({
  async send(context) {
    const response = await request(context.getUrl(), {
      method: context.getHttpMethod() as Dispatcher.HttpMethod,
      headers: context.getHeaders(),
      body: context.getBody() as string | undefined,
      signal: context.getSignal(),
      dispatcher: context.getDispatcher() as Dispatcher | undefined,
    });
    const headers = Object.fromEntries(
      Object.entries(response.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : String(value ?? ''),
      ]),
    );
    const body = response.body.arrayBuffer().then(data => Buffer.from(data));
    body.catch(() => undefined); // read, and its failure seen, by the caller
    return new ResponseContext(
      response.statusCode,
      headers,
      new SelfDecodingBody(body),
    );
  },
});
