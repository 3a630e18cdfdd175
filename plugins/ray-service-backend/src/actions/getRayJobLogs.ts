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

/** `get-ray-job-logs`: like `GET /tenants/{tenant}/rayjobs/{name}/logs`. */
export const registerGetRayJobLogs: ActionRegistration = (registry, deps) =>
  registry.register({
    name: 'get-ray-job-logs',
    title: "Read a Ray job's log",
    description:
      "The end of a RayJob's log (ANSI colours kept): from the cluster's Ray dashboard while it runs, from the job history once it finished and its cluster is gone.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          tenant: tenantNameInput,
          name: z.string().describe('The RayJob'),
          tail: z
            .number()
            .int()
            .optional()
            .describe('How many of the last lines, 1 to 10000 (default 1000)'),
        }),
      output: z =>
        z.object({
          logs: z.string(),
          truncated: z.boolean().describe('Only the last lines are here'),
          source: z
            .enum(['dashboard', 'history'])
            .describe("The cluster's Ray dashboard, or the job history"),
        }),
    },
    action: async ({ input: { tail, ...params }, credentials }) => {
      const request = parseRouteInput(rayServiceApi.getRayJobLogs, {
        params,
        query: { tail },
      });
      return {
        output: await deps.rayJobs.logs(
          callerOf(credentials),
          request.params.tenant,
          request.params.name,
          request.query.tail,
        ),
      };
    },
  });
