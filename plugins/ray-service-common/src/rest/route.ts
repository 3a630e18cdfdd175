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

import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The error statuses a route can answer, described once for the OpenAPI document. */
export const ERROR_STATUSES = {
  400: 'The request is invalid; `details` names each field and reason',
  401: 'No valid Backstage token',
  403: 'The caller may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state; the message says why',
  413: 'The body is larger than allowed',
  415: 'The body has a content type the route does not read',
  422: 'Well-formed fields that cannot be processed together, such as `minReplicas` above `maxReplicas`, a Serve config without applications or a GPU model partitioned that no resource group uses; `details` names each field and reason',
  431: 'The request line or headers are longer than the server reads (16 KiB)',
  502: "A Ray dashboard answered with an error; the message gives Ray's reason",
  503: "A host cluster, a tenant's vcluster or a Ray dashboard did not answer; the message says why and how to fix it",
} as const;

export type ErrorStatus = keyof typeof ERROR_STATUSES;

/**
 * One operation of the REST API: its method and path (OpenAPI notation,
 * `/profiles/{name}`), what it reads and what it answers. The contract
 * (`rayServiceApi`) is the one description of the API: the backend's router
 * validates requests with these schemas, the OpenAPI document is generated
 * from them and the typed client is derived from them.
 */
export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** Path parameters. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The JSON body. */
  body?: z.ZodType;
  /** The body may also come as YAML text (`application/yaml`, `text/yaml`). */
  yamlBody?: boolean;
  response: {
    status: 200 | 201 | 202 | 204;
    description: string;
    /** Absent for 204. */
    schema?: z.ZodType;
    /**
     * Default `application/json`. `text/plain` for text in a format the
     * document cannot describe, such as a stream of several YAML documents.
     */
    contentType?: 'application/json' | 'application/yaml' | 'text/plain';
  };
  /**
   * The error statuses beyond those implied: 400 when the route reads any
   * input, 401 unless `public`, 404 when its path names an object or it
   * pages with a cursor, 413 and 415 when it reads a body.
   */
  errors?: readonly ErrorStatus[];
  /** Needs no token (`/health`). */
  public?: boolean;
}

/** Declares a route; the literal types are kept for the typed client and handlers. */
export function route<const R extends RouteDefinition>(definition: R): R {
  return definition;
}

/** Every error status a route can answer. */
export function errorStatusesOf(definition: RouteDefinition): ErrorStatus[] {
  const statuses = new Set<ErrorStatus>(definition.errors ?? []);
  if (definition.params || definition.query || definition.body) {
    statuses.add(400);
  }
  if (definition.body) {
    statuses.add(413);
    statuses.add(415);
  }
  if (definition.params || definition.query) {
    statuses.add(431);
  }
  if (!definition.public) {
    statuses.add(401);
  }
  if (definition.params || definition.query?.shape.cursor) {
    statuses.add(404);
  }
  return [...statuses].sort((a, b) => a - b);
}

type Output<S> = S extends z.ZodType ? z.output<S> : never;

/** What a route's handler gets, parsed and with defaults applied. */
export type RouteRequest<R extends RouteDefinition> = {
  params: R['params'] extends z.ZodType ? Output<R['params']> : {};
  query: R['query'] extends z.ZodType ? Output<R['query']> : {};
  body: R['body'] extends z.ZodType ? Output<R['body']> : undefined;
};

/** What a route answers with its success status. */
export type RouteResponse<R extends RouteDefinition> =
  R['response']['schema'] extends z.ZodType
    ? z.output<R['response']['schema']>
    : void;

type Present<K extends string, T> = T extends undefined ? {} : { [P in K]: T };

/** What a client sends: path parameters, query (as the server reads it) and body. */
export type RouteInput<R extends RouteDefinition> = Present<
  'path',
  R['params'] extends z.ZodType ? z.input<R['params']> : undefined
> &
  (R['query'] extends z.ZodType
    ? { query?: Partial<z.output<R['query']>> }
    : {}) &
  Present<
    'body',
    R['body'] extends z.ZodType
      ? R['yamlBody'] extends true
        ? z.input<R['body']> | string
        : z.input<R['body']>
      : undefined
  >;

/** The express form of a path: `/templates/{name}@{version}` → `/templates/:name@:version`. */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** A path with its parameters filled in, each URL-encoded. */
export function fillPath(
  path: string,
  params: Record<string, unknown> = {},
): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(params[name])),
  );
}
