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

import { KubeSim } from '@ray-service/kube-sim';
import request from 'supertest';
import { profileInput, templateDocument } from '../__testUtils__/fixtures';
import { registeredRoutes } from '../__testUtils__/routes';
import {
  Api,
  inPhase,
  poll,
  pollTenant,
  startTestSim,
  tenantRequest,
} from '../__testUtils__/tenantApi';
import { startTenantBackend } from '../__testUtils__/tenantBackend';
import { CallerName } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const CALLERS: CallerName[] = [
  'anonymous',
  'bravo',
  'alpha',
  'admin',
  'service',
];

const SEEDED_PROFILES = ['alpha-only', 'hidden', 'ml', 'open'];
const SEEDED_TEMPLATES = ['kuberay@0.9.0', 'kuberay@1.0.0', 'kuberay@1.1.0'];
const SEEDED_TENANTS = ['seeded'];
const TENANT = { profile: 'open', templateVersion: 'kuberay@1.0.0' };

/** What each caller gets: 401 for anonymous, 403 for non-admins, `ok` for admins. */
function adminOnly(ok: number): Record<CallerName, number> {
  return { anonymous: 401, bravo: 403, alpha: 403, admin: ok, service: ok };
}

function readable(
  forAlpha: number,
  forBravo: number,
): Record<CallerName, number> {
  return {
    anonymous: 401,
    bravo: forBravo,
    alpha: forAlpha,
    admin: 200,
    service: 200,
  };
}

/**
 * What each caller gets for a tenant of ml-team-alpha: 401 for anonymous,
 * 404 for a member of another team (the tenant does not exist for them),
 * `ok` for its owners, admins and services.
 */
function ownedByAlpha(ok: number): Record<CallerName, number> {
  return { anonymous: 401, bravo: 404, alpha: ok, admin: ok, service: ok };
}

/** Tenant requests for ml-team-alpha: bravo may not create them. */
function creatingForAlpha(ok: number): Record<CallerName, number> {
  return { ...ownedByAlpha(ok), bravo: 403 };
}

interface MatrixRow {
  route: string;
  status: Record<CallerName, number>;
  /** Names of the list's items each caller sees. */
  items?: Partial<Record<CallerName, string[]>>;
  /** Per-caller object names keep admin changes from interfering. */
  send: (api: Api, caller: CallerName) => request.Test;
}

/** A small Ray cluster: the matrix makes many of them in one tenant's quota. */
const SMALL_CLUSTER = {
  head: { cpu: '250m', memory: '512Mi' },
  workerGroups: [],
};
const SERVE_CONFIG = 'applications:\n  - name: app\n    import_path: app:app\n';
const AT = '/tenants/seeded';
/** Found once the seeded RayJob ran: the Ray data rows ask for it. */
const seededJob = { submissionId: '' };

/** Each collection's requests; RayClusters, RayJobs and RayServices share names, so each has its prefix. */
const workloadRequests = {
  rayclusters: (name: string) => ({ name: `rc-${name}`, spec: SMALL_CLUSTER }),
  rayjobs: (name: string) => ({
    name: `job-${name}`,
    entrypoint: 'echo hello',
    cluster: { existing: 'rc-seed' },
  }),
  rayservices: (name: string) => ({
    name: `svc-${name}`,
    serveConfig: SERVE_CONFIG,
    cluster: SMALL_CLUSTER,
  }),
};
type WorkloadCollection = keyof typeof workloadRequests;
const nameIn = (collection: WorkloadCollection, name: string) =>
  workloadRequests[collection](name).name;

/**
 * Workloads in ml-team-alpha's tenant `seeded`: what its owners, admins and
 * services may do, bravo gets 404 (the tenant does not exist for them).
 * Each collection has `<prefix>-seed` and, per caller, `<prefix>-del-<caller>`
 * to delete.
 */
function workloadRows(): MatrixRow[] {
  const collections = Object.keys(workloadRequests) as WorkloadCollection[];
  const rayData = ['jobs', 'nodes', 'status', 'serve'];
  return [
    {
      route: 'GET /tenants/{tenant}/usage',
      status: ownedByAlpha(200),
      send: api => api.get(`${AT}/usage`),
    },
    {
      route: 'GET /tenants/{tenant}/job-history',
      status: ownedByAlpha(200),
      send: api => api.get(`${AT}/job-history`),
    },
    ...collections.flatMap((collection): MatrixRow[] => [
      {
        route: `GET /tenants/{tenant}/${collection}`,
        status: ownedByAlpha(200),
        send: api => api.get(`${AT}/${collection}`),
      },
      {
        route: `GET /tenants/{tenant}/${collection}/{name}`,
        status: ownedByAlpha(200),
        send: api =>
          api.get(`${AT}/${collection}/${nameIn(collection, 'seed')}`),
      },
      {
        route: `POST /tenants/{tenant}/${collection}/plan`,
        status: ownedByAlpha(200),
        send: (api, caller) =>
          api
            .post(`${AT}/${collection}/plan`)
            .send(workloadRequests[collection](`plan-${caller}`)),
      },
      {
        route: `POST /tenants/{tenant}/${collection}`,
        status: ownedByAlpha(201),
        send: (api, caller) =>
          api
            .post(`${AT}/${collection}`)
            .send(workloadRequests[collection](`new-${caller}`)),
      },
      {
        route: `DELETE /tenants/{tenant}/${collection}/{name}`,
        status: ownedByAlpha(204),
        send: (api, caller) =>
          api.delete(
            `${AT}/${collection}/${nameIn(collection, `del-${caller}`)}`,
          ),
      },
    ]),
    {
      route: 'PATCH /tenants/{tenant}/rayclusters/{name}',
      status: ownedByAlpha(200),
      send: api =>
        api.patch(`${AT}/rayclusters/rc-seed`).send({ suspend: false }),
    },
    {
      route: 'PUT /tenants/{tenant}/rayservices/{name}',
      status: ownedByAlpha(200),
      send: api =>
        api
          .put(`${AT}/rayservices/svc-seed`)
          .send({ serveConfig: SERVE_CONFIG, cluster: SMALL_CLUSTER }),
    },
    {
      route: 'POST /tenants/{tenant}/rayjobs/{name}/stop',
      status: ownedByAlpha(200),
      send: api => api.post(`${AT}/rayjobs/job-seed/stop`),
    },
    {
      route: 'GET /tenants/{tenant}/rayjobs/{name}/logs',
      status: ownedByAlpha(200),
      send: api => api.get(`${AT}/rayjobs/job-seed/logs`),
    },
    ...rayData.map(data => ({
      route: `GET /tenants/{tenant}/rayclusters/{name}/ray/${data}`,
      status: ownedByAlpha(200),
      send: (api: Api) => api.get(`${AT}/rayclusters/rc-seed/ray/${data}`),
    })),
    ...['', '/logs'].map(rest => ({
      route: `GET /tenants/{tenant}/rayclusters/{name}/ray/jobs/{submissionId}${rest}`,
      status: ownedByAlpha(200),
      send: (api: Api) =>
        api.get(
          `${AT}/rayclusters/rc-seed/ray/jobs/${seededJob.submissionId}${rest}`,
        ),
    })),
  ];
}

/** Seeds the workloads the rows act on, once `seeded` is Ready. */
async function seedWorkloads(admin: Api) {
  await pollTenant(admin, 'seeded', inPhase('Ready'));
  for (const collection of Object.keys(
    workloadRequests,
  ) as WorkloadCollection[]) {
    for (const name of ['seed', ...CALLERS.map(caller => `del-${caller}`)]) {
      const response = await admin
        .post(`${AT}/${collection}`)
        .send(workloadRequests[collection](name));
      if (response.status !== 201) {
        throw new Error(`seeding ${collection}/${name}: ${response.text}`);
      }
    }
    if (collection === 'rayclusters') {
      await poll(admin, `${AT}/rayclusters/rc-seed`, inPhase('Ready'));
    }
  }
  const job = await poll(
    admin,
    `${AT}/rayjobs/job-seed`,
    response => response.body.submissionId !== undefined,
  );
  seededJob.submissionId = job.body.submissionId;
}

// Rows run in order: templates go through publish, deprecate, retire.
const MATRIX: MatrixRow[] = [
  {
    route: 'GET /health',
    status: {
      anonymous: 200,
      bravo: 200,
      alpha: 200,
      admin: 200,
      service: 200,
    },
    send: api => api.get('/health'),
  },
  {
    route: 'GET /profiles',
    status: readable(200, 200),
    items: {
      bravo: ['ml', 'open'],
      alpha: ['alpha-only', 'ml', 'open'],
      admin: SEEDED_PROFILES,
      service: SEEDED_PROFILES,
    },
    send: api => api.get('/profiles'),
  },
  {
    route: 'GET /profiles/{name}',
    status: readable(200, 404),
    send: api => api.get('/profiles/alpha-only'),
  },
  {
    route: 'POST /profiles',
    status: adminOnly(201),
    send: (api, caller) =>
      api.post('/profiles').send(profileInput({ name: `new-${caller}` })),
  },
  {
    route: 'PUT /profiles/{name}',
    status: adminOnly(200),
    send: api => api.put('/profiles/open').send(profileInput({ name: 'open' })),
  },
  {
    route: 'DELETE /profiles/{name}',
    status: adminOnly(204),
    send: (api, caller) => api.delete(`/profiles/delete-${caller}`),
  },
  {
    route: 'GET /templates',
    status: readable(200, 200),
    items: {
      bravo: ['kuberay@1.0.0'],
      alpha: ['kuberay@1.0.0', 'kuberay@1.1.0'],
      admin: SEEDED_TEMPLATES,
      service: SEEDED_TEMPLATES,
    },
    send: api => api.get('/templates'),
  },
  {
    route: 'GET /templates/{name}@{version}',
    status: readable(200, 404),
    send: api => api.get('/templates/kuberay@1.1.0'),
  },
  {
    route: 'POST /templates',
    status: adminOnly(201),
    send: (api, caller) =>
      api.post('/templates').send(templateDocument({ name: `new-${caller}` })),
  },
  ...['publish', 'deprecate', 'retire'].map(action => ({
    route: `POST /templates/{name}@{version}/${action}`,
    status: adminOnly(200),
    send: (api: Api, caller: CallerName) =>
      api.post(`/templates/flow-${caller}@1.0.0/${action}`),
  })),
  {
    route: 'PUT /templates/{name}@{version}/sharing',
    status: adminOnly(200),
    send: (api, caller) =>
      api
        .put(`/templates/flow-${caller}@1.0.0/sharing`)
        .send({ sharedWith: ['ml-teams'] }),
  },
  {
    route: 'DELETE /templates/{name}@{version}',
    status: adminOnly(204),
    send: (api, caller) => api.delete(`/templates/draft-${caller}@1.0.0`),
  },
  {
    route: 'GET /host-clusters',
    status: adminOnly(200),
    send: api => api.get('/host-clusters'),
  },
  {
    route: 'GET /host-clusters/{name}',
    status: adminOnly(200),
    send: api => api.get('/host-clusters/local'),
  },
  {
    route: 'PATCH /host-clusters/{name}',
    status: adminOnly(200),
    send: api =>
      api.patch('/host-clusters/local').send({ labels: { zone: 'a' } }),
  },
  ...['preflight', 'capacity', 'rbac'].map(operation => ({
    route: `GET /host-clusters/{name}/${operation}`,
    status: adminOnly(200),
    send: (api: Api) => api.get(`/host-clusters/local/${operation}`),
  })),
  {
    route: 'POST /tenants/plan',
    status: creatingForAlpha(200),
    send: api =>
      api.post('/tenants/plan').send(tenantRequest('planned', TENANT)),
  },
  {
    route: 'POST /tenants',
    status: creatingForAlpha(201),
    send: (api, caller) =>
      api.post('/tenants').send(tenantRequest(`new-${caller}`, TENANT)),
  },
  {
    route: 'GET /tenants',
    status: readable(200, 200),
    items: {
      bravo: [],
      alpha: SEEDED_TENANTS,
      admin: SEEDED_TENANTS,
      service: SEEDED_TENANTS,
    },
    send: api => api.get('/tenants'),
  },
  {
    route: 'GET /tenants/{name}',
    status: ownedByAlpha(200),
    send: api => api.get('/tenants/seeded'),
  },
  {
    route: 'POST /tenants/{name}/upgrade',
    status: ownedByAlpha(200),
    send: api =>
      api
        .post('/tenants/seeded/upgrade')
        .send({ templateVersion: 'kuberay@1.1.0' }),
  },
  {
    route: 'DELETE /tenants/{name}',
    status: ownedByAlpha(202),
    send: (api, caller) => api.delete(`/tenants/delete-${caller}`),
  },
  ...workloadRows(),
  {
    route: 'GET /audit',
    status: adminOnly(200),
    send: api => api.get('/audit'),
  },
  {
    route: 'GET /pools',
    status: adminOnly(200),
    send: api => api.get('/pools'),
  },
  {
    // `open` is an on-demand profile: it has no pool.
    route: 'GET /pools/{name}/history',
    status: adminOnly(404),
    send: api => api.get('/pools/open/history'),
  },
  {
    route: 'GET /pools/availability',
    status: readable(200, 200),
    send: api => api.get('/pools/availability'),
  },
];

/** The names of listed items, leaving out those the matrix creates for itself. */
function seededItemNames(body: {
  items: Array<{ name: string; version?: string }>;
}): string[] {
  return body.items
    .map(item => (item.version ? `${item.name}@${item.version}` : item.name))
    .filter(name => !/^(new|delete|del|flow|draft)-/.test(name));
}

describe('authorization matrix', () => {
  let sim: KubeSim;
  let api: (caller: CallerName) => Api;

  beforeAll(async () => {
    sim = await startTestSim();
    // The matrix seeds a catalog of its own.
    ({ api } = await startTenantBackend(
      { local: sim },
      { seedCatalog: false },
    ));
    const admin = api('admin');
    const seed = async (test: request.Test) => {
      const response = await test;
      expect(response.status).toBeLessThan(300);
    };
    const profiles = [
      profileInput({ name: 'open' }),
      profileInput({ name: 'alpha-only', visibleTo: ['ml-team-alpha'] }),
      profileInput({ name: 'ml', visibleTo: ['ml-teams'] }),
      profileInput({ name: 'hidden', published: false }),
      ...CALLERS.map(caller => profileInput({ name: `delete-${caller}` })),
    ];
    for (const profile of profiles) {
      await seed(admin.post('/profiles').send(profile));
    }
    const versions = [
      templateDocument({ version: '0.9.0' }),
      templateDocument({
        version: '1.0.0',
        spec: { state: 'published', sharedWith: ['ml-teams'] },
      }),
      templateDocument({
        version: '1.1.0',
        spec: { state: 'published', sharedWith: ['ml-team-alpha'] },
      }),
      ...CALLERS.flatMap(caller => [
        templateDocument({ name: `flow-${caller}` }),
        templateDocument({ name: `draft-${caller}` }),
      ]),
    ];
    for (const document of versions) {
      await seed(admin.post('/templates').send(document));
    }
    // Tenants of ml-team-alpha on the open profile and a version shared with ml-teams.
    const tenants = ['seeded', ...CALLERS.map(caller => `delete-${caller}`)];
    for (const name of tenants) {
      await seed(admin.post('/tenants').send(tenantRequest(name, TENANT)));
    }
    await seedWorkloads(admin);
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('covers every route of the router', () => {
    expect(MATRIX.map(row => row.route).sort()).toEqual(registeredRoutes());
  });

  describe.each(MATRIX)('$route', row => {
    it.each(CALLERS)('as %s', async caller => {
      const response = await row.send(api(caller), caller);
      const expectedItems = row.items?.[caller];
      expect({
        status: response.status,
        items: expectedItems && seededItemNames(response.body),
      }).toEqual({ status: row.status[caller], items: expectedItems });
    });
  });
});
