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

import https from 'node:https';
import type { KubeObject } from '@ray-service/kube-sim';

export const FIELD_MANAGER = 'kube-control-plane';

export interface KubeResponse {
  status: number;
  body: string;
  /** The `Retry-After` header, in seconds, if the server sent one. */
  retryAfter?: string;
}

/** How often a request is sent in all when the server keeps asking to retry later. */
const MAX_ATTEMPTS = 10;
/** The longest one `Retry-After` is waited for. */
const MAX_RETRY_AFTER_MS = 5_000;

/** How long a 429 or 503 answer asks to wait before the request is sent again, if it does. */
function retryAfterMs(response: KubeResponse): number | undefined {
  if (response.status !== 429 && response.status !== 503) {
    return undefined;
  }
  const seconds = Number(response.retryAfter);
  return response.retryAfter !== undefined &&
    Number.isFinite(seconds) &&
    seconds >= 0
    ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS)
    : undefined;
}

/** A non-2xx answer of the API server; the message carries its Status message, never credentials. */
export class KubeRequestError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    body: string,
  ) {
    super(`${method} ${path}: HTTP ${status} ${statusMessage(body)}`);
    this.name = 'KubeRequestError';
  }
}

function statusMessage(body: string): string {
  try {
    return JSON.parse(body).message ?? body.slice(0, 500);
  } catch {
    return body.slice(0, 500);
  }
}

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

/**
 * A small HTTPS client for one API server with a bearer token. Objects stay plain JSON
 * (client-node's typed serializer drops fields it does not know), and server-side apply
 * finds each kind's resource through discovery.
 */
export class KubeHttpClient {
  private readonly agent: https.Agent;
  private readonly discovery = new Map<string, Promise<ApiResource[]>>();

  constructor(
    private readonly url: string,
    caPem: string,
    private readonly token: string,
  ) {
    this.agent = new https.Agent({ ca: caPem, keepAlive: true });
  }

  /**
   * Sends a request; resolves with any HTTP answer, rejects on network errors
   * and after `timeoutMs`. A 429 or 503 with a `Retry-After` (the API server
   * says so while a resource's storage (re)initializes, e.g. just after its
   * CRD is established) is sent again after that time, as client-go does.
   */
  async request(
    method: string,
    path: string,
    options: { body?: string; contentType?: string; timeoutMs?: number } = {},
  ): Promise<KubeResponse> {
    for (let attempt = 1; ; attempt++) {
      const response = await this.requestOnce(method, path, options);
      const waitMs = retryAfterMs(response);
      if (waitMs === undefined || attempt >= MAX_ATTEMPTS) {
        return response;
      }
      await new Promise(resolve => setTimeout(resolve, waitMs));
    }
  }

  private requestOnce(
    method: string,
    path: string,
    options: { body?: string; contentType?: string; timeoutMs?: number },
  ): Promise<KubeResponse> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        new URL(path, this.url),
        {
          method,
          agent: this.agent,
          timeout: options.timeoutMs ?? 30_000,
          headers: {
            Authorization: `Bearer ${this.token}`,
            Accept: 'application/json, */*',
            ...(options.body !== undefined
              ? { 'Content-Type': options.contentType ?? 'application/json' }
              : {}),
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              retryAfter: res.headers['retry-after'],
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`${method} ${path}: timed out`)),
      );
      req.on('error', reject);
      req.end(options.body);
    });
  }

  /** Like `request`, but a non-2xx answer is a KubeRequestError. */
  async send(
    method: string,
    path: string,
    options: { body?: string; contentType?: string } = {},
  ): Promise<string> {
    const response = await this.request(method, path, options);
    if (response.status < 200 || response.status > 299) {
      throw new KubeRequestError(method, path, response.status, response.body);
    }
    return response.body;
  }

  async getJson<T = KubeObject>(path: string): Promise<T> {
    return JSON.parse(await this.send('GET', path));
  }

  /** Server-side apply (forced) of a plain JSON object, or of its status through `/status`. */
  async apply(object: KubeObject, subresource?: 'status'): Promise<KubeObject> {
    const path = `${await this.objectPath(object)}${
      subresource ? `/${subresource}` : ''
    }`;
    const body = await this.send(
      'PATCH',
      `${path}?fieldManager=${FIELD_MANAGER}&force=true`,
      {
        body: JSON.stringify(object),
        contentType: 'application/apply-patch+yaml',
      },
    );
    return JSON.parse(body);
  }

  /** The REST path of an object, e.g. `/apis/ray.io/v1/namespaces/a/rayclusters/b`. */
  async objectPath(object: KubeObject): Promise<string> {
    const { apiVersion, kind, metadata } = object;
    const groupPath = apiVersion.includes('/')
      ? `/apis/${apiVersion}`
      : `/api/${apiVersion}`;
    const resource = (await this.resources(groupPath)).find(
      r => r.kind === kind && !r.name.includes('/'),
    );
    if (!resource) {
      throw new Error(`${apiVersion} ${kind} is not served`);
    }
    const namespace = resource.namespaced
      ? `/namespaces/${metadata?.namespace ?? 'default'}`
      : '';
    return `${groupPath}${namespace}/${resource.name}/${metadata?.name}`;
  }

  private resources(groupPath: string): Promise<ApiResource[]> {
    let cached = this.discovery.get(groupPath);
    if (!cached) {
      cached = this.getJson<{ resources: ApiResource[] }>(groupPath).then(
        list => list.resources,
      );
      // a kind not served yet (a CRD still being established) is looked up again next time
      cached.catch(() => this.discovery.delete(groupPath));
      this.discovery.set(groupPath, cached);
    }
    return cached;
  }

  close(): void {
    this.agent.destroy();
  }
}
