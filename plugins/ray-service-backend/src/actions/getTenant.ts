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
import { tenantNameInput, tenantOutput } from './schemas';
import { ActionRegistration } from './types';

/** `get-tenant`: one tenant with its phase and conditions, like `GET /tenants/{name}`. */
export const registerGetTenant: ActionRegistration = (registry, deps) =>
  registry.register({
    name: 'get-tenant',
    title: 'Get a Ray tenant',
    description:
      'One Ray tenant with its phase and conditions (why it is not Ready yet). Not found when the caller may not read it.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({ name: tenantNameInput }),
      output: z => z.object({ tenant: tenantOutput }),
    },
    action: async ({ input, credentials }) => {
      const { params } = parseRouteInput(rayServiceApi.getTenant, {
        params: input,
      });
      return {
        output: {
          tenant: await deps.tenants.get(callerOf(credentials), params.name),
        },
      };
    },
  });
