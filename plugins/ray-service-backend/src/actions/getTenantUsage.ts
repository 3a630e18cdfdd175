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
import { tenantNameInput } from './schemas';
import { ActionRegistration } from './types';

/** `get-tenant-usage`: like `GET /tenants/{tenant}/usage`. */
export const registerGetTenantUsage: ActionRegistration = (registry, deps) =>
  registry.register({
    name: 'get-tenant-usage',
    title: "Get a Ray tenant's quota use",
    description:
      "How much of its quota a Ray tenant uses: used and hard per resource (CPU, memory, GPUs and MIG slices), from the tenant's ResourceQuota.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({ tenant: tenantNameInput }),
      output: z =>
        z.object({
          tenant: z.string(),
          namespace: z.string(),
          resources: z
            .array(
              z.object({
                resource: z.string(),
                hard: z.string(),
                used: z.string(),
              }),
            )
            .describe('Per resource, e.g. requests.nvidia.com/gpu'),
          checkedAt: z.string().describe('When the quota was read'),
        }),
    },
    action: async ({ input, credentials }) => {
      const { params } = parseRouteInput(rayServiceApi.getTenantUsage, {
        params: input,
      });
      return {
        output: await deps.usage.get(callerOf(credentials), params.tenant),
      };
    },
  });
