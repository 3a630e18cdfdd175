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
import { pageInput, pageOutput, tenantOutput } from './schemas';
import { ActionRegistration } from './types';

/** `list-tenants`: the tenants the caller may read, like `GET /tenants`. */
export const registerListTenants: ActionRegistration = (registry, deps) =>
  registry.register({
    name: 'list-tenants',
    title: 'List Ray tenants',
    description:
      'The Ray tenants the caller may read (by default those owned by their groups), or those of one owner group, ordered by name, with their phase and conditions. Pages with limit and cursor.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          ...pageInput,
          owner: z
            .string()
            .optional()
            .describe(
              'Only the tenants of this group, e.g. "group:default/ml-team-alpha" or "ml-team-alpha"',
            ),
        }),
      output: () => pageOutput(tenantOutput, 'The tenants'),
    },
    action: async ({ input, credentials }) => ({
      output: await deps.tenants.list(
        callerOf(credentials),
        parseRouteInput(rayServiceApi.listTenants, { query: input }).query,
      ),
    }),
  });
