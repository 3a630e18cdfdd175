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
  ISOLATION_MODES,
  rayServiceApi,
} from '@ray-service/plugin-ray-service-common';
import { parseRouteInput } from '../lib/routeInput';
import { callerOf } from './caller';
import { tenantNameInput, tenantOutput } from './schemas';
import { ActionRegistration } from './types';

/**
 * `create-tenant`: a tenant for one of the caller's groups, like
 * `POST /tenants`; answers at once (phase Pending), `get-tenant` follows it.
 */
export const registerCreateTenant: ActionRegistration = (registry, deps) =>
  registry.register({
    name: 'create-tenant',
    title: 'Create a Ray tenant',
    description:
      'Creates a Ray tenant (a vcluster or namespace with a KubeRay operator, quota and Volcano queue) owned by one of your groups, with a published compute profile and template version shared with that group. Answers the tenant in phase Pending; follow it with get-tenant until Ready.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          name: tenantNameInput,
          owner: z
            .string()
            .describe(
              'The owning group, one of yours: group:default/ml-team-alpha or ml-team-alpha',
            ),
          profile: z
            .string()
            .describe('A compute profile name (list-profiles)'),
          templateVersion: z
            .string()
            .describe(
              'A tenant template version as name@version (list-template-versions)',
            ),
          isolation: z
            .enum(ISOLATION_MODES)
            .optional()
            .describe(
              "vcluster or namespace; the version's first mode unless given",
            ),
          hostCluster: z
            .string()
            .optional()
            .describe('The host cluster; picked by free capacity unless given'),
        }),
      output: z => z.object({ tenant: tenantOutput }),
    },
    action: async ({ input, credentials }) => ({
      output: {
        tenant: await deps.tenants.create(
          callerOf(credentials),
          parseRouteInput(rayServiceApi.createTenant, { body: input }).body,
        ),
      },
    }),
  });
