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

import { ResponseError } from '@backstage/errors';
import { rayServiceApi, RayServiceApiContract } from './contract';
import { fillPath, RouteDefinition, RouteInput, RouteResponse } from './route';

/** The parts of Backstage's discovery API the client needs. */
export interface RayServiceDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** The parts of Backstage's fetch API the client needs. */
export interface RayServiceFetch {
  fetch: typeof fetch;
}

/**
 * Per-call options: `token` is a Backstage token for server-side callers,
 * `signal` aborts the request (a cancelled scaffolder task, say).
 */
export interface RequestOptions {
  token?: string;
  signal?: AbortSignal;
}

type Call<R extends RouteDefinition> = {} extends RouteInput<R>
  ? (
      input?: RouteInput<R>,
      options?: RequestOptions,
    ) => Promise<RouteResponse<R>>
  : (
      input: RouteInput<R>,
      options?: RequestOptions,
    ) => Promise<RouteResponse<R>>;

/**
 * One method per operation of the contract, e.g.
 * `getProfile({ path: { name: 'small' } })`,
 * `listTenants({ query: { limit: 20 } })`,
 * `createTenant({ body: request })`.
 */
export type RayServiceApi = {
  [K in keyof RayServiceApiContract]: Call<RayServiceApiContract[K]>;
};

interface AnyInput {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

function queryString(query: Record<string, unknown> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function encodeBody(
  definition: RouteDefinition,
  body: unknown,
): { contentType: string; text: string } | undefined {
  if (!definition.body) {
    return undefined;
  }
  return definition.yamlBody && typeof body === 'string'
    ? { contentType: 'application/yaml', text: body }
    : { contentType: 'application/json', text: JSON.stringify(body) };
}

/**
 * Typed client of the ray-service REST API, derived from its contract
 * (`rayServiceApi`), usable from the browser (with the frontend's fetchApi)
 * and from other backend plugins (with a plugin token).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class RayServiceClient {
  private readonly discoveryApi: RayServiceDiscovery;
  private readonly fetchApi: RayServiceFetch;

  constructor(options: {
    discoveryApi: RayServiceDiscovery;
    fetchApi?: RayServiceFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    // Wrapped: browsers refuse a fetch called with another `this` than window.
    this.fetchApi = options.fetchApi ?? {
      fetch: (input, init) => globalThis.fetch(input, init),
    };
    for (const [operation, definition] of Object.entries(rayServiceApi)) {
      Object.defineProperty(this, operation, {
        value: (input?: AnyInput, requestOptions?: RequestOptions) =>
          this.call(definition, input, requestOptions),
      });
    }
  }

  private async call(
    definition: RouteDefinition,
    input: AnyInput = {},
    options?: RequestOptions,
  ): Promise<unknown> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ray-service');
    const url = `${baseUrl}${fillPath(
      definition.path,
      input.path,
    )}${queryString(input.query)}`;
    const body = encodeBody(definition, input.body);
    const headers: Record<string, string> = {};
    if (body) {
      headers['Content-Type'] = body.contentType;
    }
    if (options?.token) {
      headers.Authorization = `Bearer ${options.token}`;
    }
    const response = await this.fetchApi.fetch(url, {
      method: definition.method.toUpperCase(),
      headers,
      body: body?.text,
      signal: options?.signal,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined;
    }
    return (definition.response.contentType ?? 'application/json') ===
      'application/json'
      ? response.json()
      : response.text();
  }
}

// The operations are added per instance from the contract.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface RayServiceClient extends RayServiceApi {}
