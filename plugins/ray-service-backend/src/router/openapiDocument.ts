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
  ERROR_STATUSES,
  errorStatusesOf,
  RouteDefinition,
} from '@ray-service/plugin-ray-service-common';
import { z } from 'zod';
import { createDocument, oas31, ZodOpenApiOperationObject } from 'zod-openapi';
import { YAML_CONTENT_TYPES } from './contractRouter';

const errorSchema = z
  .object({
    error: z.object({ name: z.string(), message: z.string() }),
    request: z.object({ method: z.string(), url: z.string() }).optional(),
    response: z.object({ statusCode: z.number().int() }),
    details: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({
        description:
          'On 400: each invalid field (dotted path, empty for the whole body) and why',
      }),
  })
  .meta({ id: 'Error', description: "Backstage's error body" });

const DESCRIPTION = `REST API of the Ray service backend plugin, mounted at \`/api/ray-service\`.

Every route but \`/health\` needs a Backstage token (a user's, another backend's or an automation token): without one the answer is 401. Admins hold the \`ray-service.admin\` permission; service principals (automation tokens, other backends) are admins unless their token restricts them. What everyone else may read and change is the permission policy's (resource permissions \`ray-service.profile.read\`, \`ray-service.template.read\`, \`ray-service.tenant.read|update|delete\`; see the permission kit \`@ray-service/plugin-ray-service-node\`): whatever they may not read answers 404.

Lists answer \`{ items, nextCursor?, totalCount }\` and page with \`limit\` (1..500, default 50) and the opaque \`cursor\` of the previous page.

This document is generated from the contract in \`@ray-service/plugin-ray-service-common\` (\`rayServiceApi\`): \`yarn workspace @ray-service/plugin-ray-service-backend build:openapi\`.`;

function operationOf(definition: RouteDefinition): ZodOpenApiOperationObject {
  const { response } = definition;
  const jsonBody = definition.body && { schema: definition.body };
  return {
    tags: [definition.tag],
    summary: definition.summary,
    ...(definition.description && { description: definition.description }),
    ...(definition.public && { security: [] }),
    ...((definition.params || definition.query) && {
      requestParams: {
        ...(definition.params && { path: definition.params }),
        ...(definition.query && { query: definition.query }),
      },
    }),
    ...(jsonBody && {
      requestBody: {
        required: true,
        content: {
          'application/json': jsonBody,
          ...(definition.yamlBody &&
            Object.fromEntries(
              YAML_CONTENT_TYPES.map(type => [type, jsonBody]),
            )),
        },
      },
    }),
    responses: {
      [response.status]: {
        description: response.description,
        ...(response.schema && {
          content: {
            [response.contentType ?? 'application/json']: {
              schema: response.schema,
            },
          },
        }),
      },
      ...Object.fromEntries(
        errorStatusesOf(definition).map(status => [
          status,
          {
            description: ERROR_STATUSES[status],
            content: { 'application/json': { schema: errorSchema } },
          },
        ]),
      ),
    },
  };
}

/** The OpenAPI document of a contract. */
export function openapiDocument(
  contract: Record<string, RouteDefinition>,
  info: { title: string; version: string },
): oas31.OpenAPIObject {
  const paths: Record<string, Record<string, ZodOpenApiOperationObject>> = {};
  for (const [operationId, definition] of Object.entries(contract)) {
    paths[definition.path] = {
      ...paths[definition.path],
      [definition.method]: { operationId, ...operationOf(definition) },
    };
  }
  const document = createDocument({
    openapi: '3.1.0',
    info: {
      ...info,
      description: DESCRIPTION,
      license: {
        name: 'Apache-2.0',
        url: 'http://www.apache.org/licenses/LICENSE-2.0',
      },
    },
    servers: [{ url: '/api/ray-service' }],
    security: [{ backstageToken: [] }],
    components: {
      securitySchemes: {
        backstageToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A Backstage user, service or automation (external access) token.',
        },
      },
    },
    paths,
  });
  return document as oas31.OpenAPIObject;
}
