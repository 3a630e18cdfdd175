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
  fixtureJobHistoryEntry,
  fixtureJobLogs,
  fixtureRayCluster,
  fixtureRayClusterStatus,
  fixtureRayJob,
  fixtureRayNodes,
  fixtureRayService,
  fixtureTenant,
  fixtureUsage,
} from '@ray-service/plugin-ray-service-common/testUtils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ReactElement } from 'react';
import { testBaseUrl } from './renderAdmin';
import { renderEntityContent, tenantEntity } from './renderEntity';

/**
 * A tenant's routes in msw: the tenant, its usage, one RayCluster, two
 * RayJobs (one running), a RayService, the job history, logs and Ray data.
 * Records every request as `METHOD path` and the JSON bodies.
 */
export function serveTenantWorkloads(
  server: ReturnType<typeof setupServer>,
  tenant: string,
) {
  const requests: string[] = [];
  const bodies: Record<string, unknown[]> = {};
  const at = (path: string) => `${testBaseUrl}/tenants/${tenant}${path}`;
  const record = async (request: Request) => {
    const key = `${request.method} ${new URL(request.url).pathname.replace(
      '/api/ray-service',
      '',
    )}`;
    requests.push(key);
    const text = await request.clone().text();
    if (text) (bodies[key] ??= []).push(JSON.parse(text));
  };
  const json =
    (body: unknown, status = 200) =>
    async ({ request }: { request: Request }) => {
      await record(request);
      return status === 204
        ? new HttpResponse(null, { status })
        : HttpResponse.json(body as object, { status });
    };
  const jobs = [
    fixtureRayJob(tenant, 'train-1'),
    fixtureRayJob(tenant, 'train-2', {
      phase: 'Running',
      jobStatus: 'RUNNING',
      endTime: undefined,
    }),
  ];
  server.use(
    http.get(`${testBaseUrl}/tenants/${tenant}`, json(fixtureTenant(tenant))),
    http.get(at('/usage'), json(fixtureUsage(tenant))),
    http.get(
      at('/rayclusters'),
      json({ items: [fixtureRayCluster(tenant, 'interactive')] }),
    ),
    http.get(at('/rayjobs'), json({ items: jobs })),
    http.get(
      at('/rayservices'),
      json({ items: [fixtureRayService(tenant, 'hello')] }),
    ),
    http.get(
      at('/job-history'),
      json({ items: [fixtureJobHistoryEntry(tenant, 'old-run')] }),
    ),
    http.get(
      at('/rayjobs/:name/logs'),
      json(
        fixtureJobLogs('epoch 1\nepoch 2\n\u001b[32mtraining done\u001b[0m\n'),
      ),
    ),
    http.get(
      at('/rayclusters/:name/ray/nodes'),
      json({ items: fixtureRayNodes() }),
    ),
    http.get(
      at('/rayclusters/:name/ray/status'),
      json(fixtureRayClusterStatus()),
    ),
    http.get(
      at('/rayclusters/:name/ray/serve'),
      json({ items: fixtureRayService(tenant, 'hello').applications }),
    ),
    http.post(
      at('/rayjobs'),
      json(fixtureRayJob(tenant, 'submitted', { phase: 'Pending' }), 201),
    ),
    http.post(at('/rayjobs/:name/stop'), json(jobs[1])),
    http.delete(at('/rayclusters/:name'), json(null, 204)),
    http.patch(
      at('/rayclusters/:name'),
      json(fixtureRayCluster(tenant, 'interactive')),
    ),
  );
  return { requests, bodies };
}

/**
 * Serves tenant alpha's workloads ({@link serveTenantWorkloads}) and renders
 * `element` on its entity, with the permissions in `allowed` (all by default).
 */
export async function renderTenantWorkloads(
  server: ReturnType<typeof setupServer>,
  element: ReactElement,
  allowed?: (permission: string) => boolean,
) {
  const api = serveTenantWorkloads(server, 'alpha');
  const user = await renderEntityContent(
    element,
    tenantEntity('alpha'),
    allowed,
  );
  return { api, user };
}
