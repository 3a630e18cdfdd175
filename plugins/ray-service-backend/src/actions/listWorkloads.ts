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
import {
  pageInput,
  pageOutput,
  tenantNameInput,
  workloadOutput,
} from './schemas';
import { ActionRegistration, ActionsDeps } from './types';

/** A tenant's workloads of one kind, a page at a time, like their REST list route. */
function registerListWorkloads(options: {
  name: string;
  title: string;
  description: string;
  item: string;
  route:
    | typeof rayServiceApi.listRayClusters
    | typeof rayServiceApi.listRayJobs;
  service: (deps: ActionsDeps) => ActionsDeps['rayClusters' | 'rayJobs'];
}): ActionRegistration {
  const { route, service, item, ...action } = options;
  return (registry, deps) =>
    registry.register({
      ...action,
      attributes: { readOnly: true, idempotent: true },
      schema: {
        input: z => z.object({ tenant: tenantNameInput, ...pageInput }),
        output: () => pageOutput(workloadOutput(`A ${item}`), `The ${item}s`),
      },
      action: async ({ input: { tenant, ...page }, credentials }) => {
        const { params, query } = parseRouteInput(route, {
          params: { tenant },
          query: page,
        });
        return {
          output: await service(deps).list(
            callerOf(credentials),
            params.tenant,
            query,
          ),
        };
      },
    });
}

/** `list-ray-clusters`: like `GET /tenants/{tenant}/rayclusters`. */
export const registerListRayClusters = registerListWorkloads({
  name: 'list-ray-clusters',
  title: "List a Ray tenant's clusters",
  description:
    'The RayClusters of a Ray tenant the caller may read, by name: phase, conditions, head and worker groups (desired and ready workers), image.',
  item: 'RayCluster',
  route: rayServiceApi.listRayClusters,
  service: deps => deps.rayClusters,
});

/** `list-ray-jobs`: like `GET /tenants/{tenant}/rayjobs`. */
export const registerListRayJobs = registerListWorkloads({
  name: 'list-ray-jobs',
  title: "List a Ray tenant's jobs",
  description:
    "The RayJobs of a Ray tenant the caller may read, by name: entrypoint, Ray's job status, the cluster it runs on, start and end. Environment variables appear by name only.",
  item: 'RayJob',
  route: rayServiceApi.listRayJobs,
  service: deps => deps.rayJobs,
});
