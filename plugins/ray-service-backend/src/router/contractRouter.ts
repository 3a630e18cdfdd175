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
import {
  expressPath,
  RouteDefinition,
  RouteRequest,
  RouteResponse,
} from '@ray-service/plugin-ray-service-common';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { parse as parseYaml, YAMLError } from 'yaml';
import { Caller } from '../access/callers';
import { parseRouteInput } from '../lib/routeInput';
import { ValidationError } from '../lib/validation';

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
  try {
    return parseYaml(req.body);
  } catch (error) {
    if (error instanceof YAMLError) {
      throw ValidationError.of(
        [],
        `the body is not valid YAML: ${error.message}`,
      );
    }
    throw error;
  }
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

function respond(definition: RouteDefinition, res: Response, result: unknown) {
  const { status, contentType } = definition.response;
  res.status(status);
  if (status === 204) {
    res.end();
  } else if (contentType === 'application/yaml') {
    res.type(contentType).send(result);
  } else {
    res.json(result);
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
        const request = await requestOf(definition, req, httpAuth);
        respond(definition, res, await handler(request));
      },
    );
  }
  return router;
}
