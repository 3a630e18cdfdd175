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

import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CustomErrorBase } from '@backstage/errors';
import {
  expressPath,
  parseBoundedYaml,
  RouteDefinition,
  RouteRequest,
  RouteResponse,
} from '@ray-service/plugin-ray-service-common';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { Caller } from '../access/callers';
import { parseRouteInput } from '../lib/routeInput';
import { ValidationError } from '../lib/validation';

/** A body in a content type the route does not read (415). */
export class UnsupportedMediaTypeError extends CustomErrorBase {
  name = 'UnsupportedMediaTypeError' as const;
}

/** Content types of YAML bodies (routes with `yamlBody`). */
export const YAML_CONTENT_TYPES = [
  'application/yaml',
  'text/yaml',
  'application/x-yaml',
];

/** What a route's handler gets: the parsed request and who calls. */
export type HandlerRequest<R extends RouteDefinition> = RouteRequest<R> & {
  credentials: R['public'] extends true ? undefined : Caller;
};

/** Serves one route: the domain call, nothing else. */
export type RouteHandler<R extends RouteDefinition> = (
  request: HandlerRequest<R>,
) => Promise<RouteResponse<R>>;

/** A handler for each route of a contract. */
export type Handlers<C extends Record<string, RouteDefinition>> = {
  [K in keyof C]: RouteHandler<C[K]>;
};

/** The body of a route that reads YAML too: YAML text, or what express parsed as JSON. */
function documentOf(req: Request): unknown {
  if (typeof req.body !== 'string') {
    return req.body;
  }
  const parsed = parseBoundedYaml(req.body);
  if ('error' in parsed) {
    throw ValidationError.of([], `the body ${parsed.error}`);
  }
  return parsed.value;
}

/**
 * Parses what the route reads (path, query and body, every invalid field of
 * all three in one 400), then, unless the route is public, who calls (401
 * without a valid token).
 */
async function requestOf(
  definition: RouteDefinition,
  req: Request,
  httpAuth: HttpAuthService,
) {
  const { params, query, body } = parseRouteInput(definition, {
    params: req.params,
    query: req.query,
    body: definition.yamlBody ? documentOf(req) : req.body,
  });
  const credentials = definition.public
    ? undefined
    : await httpAuth.credentials(req, { allow: ['user', 'service'] });
  return { params, query, body, credentials };
}

/**
 * Answers to writes up to this size go out uncompressed. They are small and
 * decided in milliseconds; the root router's compression would hand their
 * bytes to zlib's thread pool, where in a burst of creates they wait for the
 * event loop to come round (bench:pool, warm-pool claims on SQLite: p50
 * 130 → 30 ms). Larger answers, such as dry runs' plans, stay compressed.
 */
const UNCOMPRESSED_WRITE_ANSWER_BYTES = 8 * 1024;

function respond(definition: RouteDefinition, res: Response, result: unknown) {
  const { status, contentType } = definition.response;
  res.status(status);
  if (status === 204) {
    res.end();
  } else if (contentType && contentType !== 'application/json') {
    res.type(contentType).send(result);
  } else {
    const body = JSON.stringify(result);
    if (
      definition.method !== 'get' &&
      Buffer.byteLength(body) <= UNCOMPRESSED_WRITE_ANSWER_BYTES
    ) {
      res.set('Cache-Control', 'no-store, no-transform');
    }
    res.type('application/json').send(body);
  }
}

/** The content types a route's body may come as. */
function bodyTypes(definition: RouteDefinition): string[] {
  return definition.yamlBody
    ? ['application/json', ...YAML_CONTENT_TYPES]
    : ['application/json'];
}

/**
 * 415 for a body in a content type the route does not read, before
 * anything else: a JSON route sent text would otherwise see no fields.
 */
function requireBodyType(definition: RouteDefinition, req: Request) {
  const types = bodyTypes(definition);
  if (definition.body && req.is(types) === false) {
    throw new UnsupportedMediaTypeError(
      `the body must be ${types.join(' or ')}, not ${req.headers[
        'content-type'
      ]?.slice(0, 100)}`,
    );
  }
}

/** Paths with fewer parameters first, so that `/tenants/plan` wins over `/tenants/{name}`. */
function byParameterCount(a: string, b: string): number {
  return a.split('{').length - b.split('{').length;
}

/**
 * 405 with `Allow` for every method a path of the contract does not declare.
 * Registered before the routes, most literal paths first: `GET /tenants/plan`
 * is a 405 (only POST is declared there), not `GET /tenants/{name}` with an
 * invalid name. A request whose method a path declares goes on to the routes.
 */
function methodNotAllowed(
  router: express.Router,
  contract: Record<string, RouteDefinition>,
) {
  const methodsByPath = new Map<string, Set<string>>();
  for (const { path, method } of Object.values(contract)) {
    methodsByPath.set(path, (methodsByPath.get(path) ?? new Set()).add(method));
  }
  for (const path of [...methodsByPath.keys()].sort(byParameterCount)) {
    const allow = [...methodsByPath.get(path)!]
      .map(method => method.toUpperCase())
      .join(', ');
    const methods = methodsByPath.get(path)!;
    router.all(
      expressPath(path),
      (req: Request, res: Response, next: express.NextFunction) => {
        const method = req.method === 'HEAD' ? 'get' : req.method.toLowerCase();
        if (res.locals.declaredRoute || methods.has(method)) {
          res.locals.declaredRoute = true;
          next();
          return;
        }
        res
          .status(405)
          .set('Allow', allow)
          .json({
            error: {
              name: 'MethodNotAllowedError',
              message: `${req.method} is not allowed here; use ${allow}`,
            },
            request: { method: req.method, url: req.originalUrl },
            response: { statusCode: 405 },
          });
      },
    );
  }
}

/**
 * The routes of a contract, each validating its input with the contract's
 * schemas and answering with the contract's status: routers hold no rules.
 */
export function contractRouter<C extends Record<string, RouteDefinition>>(
  contract: C,
  handlers: Handlers<C>,
  httpAuth: HttpAuthService,
): express.Router {
  const router = Router();
  methodNotAllowed(router, contract);
  for (const [operation, definition] of Object.entries(contract)) {
    const handler = handlers[operation] as (
      request: unknown,
    ) => Promise<unknown>;
    const readers = definition.yamlBody
      ? [express.text({ type: YAML_CONTENT_TYPES, limit: '1mb' })]
      : [];
    router[definition.method](
      expressPath(definition.path),
      ...readers,
      async (req: Request, res: Response) => {
        requireBodyType(definition, req);
        const request = await requestOf(definition, req, httpAuth);
        respond(definition, res, await handler(request));
      },
    );
  }
  return router;
}
