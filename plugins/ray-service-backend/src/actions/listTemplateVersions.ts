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

import { rayServiceApi } from '@ray-service/plugin-ray-service-common';
import { parseRouteInput } from '../lib/routeInput';
import { callerOf } from './caller';
import { pageInput, pageOutput } from './schemas';
import { ActionRegistration } from './types';

/** `list-template-versions`: the tenant template versions the caller may use, like `GET /templates`. */
export const registerListTemplateVersions: ActionRegistration = (
  registry,
  deps,
) =>
  registry.register({
    name: 'list-template-versions',
    title: 'List tenant template versions',
    description:
      'The tenant template versions the caller may read (by default published and deprecated versions shared with their groups): KubeRay, Ray and vcluster versions, isolation modes, state. A new tenant takes a published one as name@version.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object(pageInput),
      output: z =>
        pageOutput(
          z.object({ name: z.string(), version: z.string() }).passthrough(),
          'The template versions',
        ),
    },
    action: async ({ input, credentials }) => ({
      output: await deps.templates.list(
        callerOf(credentials),
        parseRouteInput(rayServiceApi.listTemplateVersions, { query: input })
          .query,
      ),
    }),
  });
