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
import { KubeSim, startKubeSim } from '@ray-service/kube-sim';
import Ajv, { ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { Server } from 'node:http';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse, stringify } from 'yaml';
import {
  MLFLOW_ADDON,
  profileInput,
  templateDocument,
} from './__testUtils__/fixtures';
import { registeredRoutes } from './__testUtils__/routes';
import { openapiYaml } from './router/openapiYaml';
import {
  Api,
  inPhase,
  pollTenant,
  startTestSim,
  tenantRequest,
} from './__testUtils__/tenantApi';
import { startTenantBackend } from './__testUtils__/tenantBackend';
import {
  CallerName,
  callers,
  startRayServiceTestBackend,
} from './__testUtils__/testBackend';

type Response = {
  $ref?: string;
  content?: Record<string, { schema: { $ref?: string } }>;
};

interface Operation {
  responses: Record<string, Response>;
  parameters?: unknown[];
  requestBody?: unknown;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const openapi = parse(
  readFileSync(resolve(__dirname, '../openapi.yaml'), 'utf8'),
);

const operations = Object.entries(
  openapi.paths as Record<string, Record<string, Operation>>,
).flatMap(([path, item]) =>
  METHODS.filter(method => item[method]).map(method => ({
    route: `${method.toUpperCase()} ${path}`,
    operation: item[method],
  })),
);

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(openapi, 'openapi');

/** A JSON pointer token: `~` and `/` escaped. */
const pointer = (token: string) =>
  token.replace(/~/g, '~0').replace(/\//g, '~1');

/** The validator of the JSON body openapi.yaml documents for a route and status. */
function responseValidator(route: string, status: number): ValidateFunction {
  const [method, path] = route.split(' ');
  const operation = operations.find(o => o.route === route)?.operation;
  if (!operation?.responses[String(status)]?.content?.['application/json']) {
    throw new Error(`openapi.yaml documents no JSON ${status} for ${route}`);
  }
  return ajv.compile({
    $ref: `openapi#/paths/${pointer(
      path,
    )}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`,
  });
}

/** The responses that do not match openapi.yaml, with ajv's reasons. */
function undocumented(
  responses: Array<[route: string, response: request.Response]>,
) {
  return responses.flatMap(([route, response]) => {
    const validate = responseValidator(route, response.status);
    return validate(response.body)
      ? []
      : [{ route, status: response.status, errors: validate.errors }];
  });
}

describe('openapi.yaml', () => {
  it('is what the REST contract generates (yarn build:openapi)', () => {
    expect(readFileSync(resolve(__dirname, '../openapi.yaml'), 'utf8')).toEqual(
      openapiYaml(rayServiceApi),
    );
  });

  it('describes exactly the routes the router serves', () => {
    expect(operations.map(o => o.route).sort()).toEqual(registeredRoutes());
  });

  it('documents 400, 401, 403 and 404 wherever they can happen', () => {
    const documented = operations
      .filter(o => o.route !== 'GET /health')
      .map(({ route, operation }) => ({
        route,
        statuses: ['400', '401', '403', '404'].filter(
          status => operation.responses[status],
        ),
      }));
    const expected = operations
      .filter(o => o.route !== 'GET /health')
      .map(({ route, operation }) => {
        // Reading answers 404 for what the caller may not see, never 403.
        const readableByAll =
          /^GET \/(profiles|templates|tenants|pools\/availability)/.test(route);
        // 404 also for a cursor of no page and for a new tenant's
        // references (owner group, profile, template version) that do not
        // exist. (A profile's warm-pool version that does not exist is a
        // 422: on PUT a 404 would say the profile is missing.)
        const namesAnObject =
          route.includes('{') ||
          operation.parameters?.some(
            p => (p as { name?: string }).name === 'cursor',
          ) ||
          /^POST \/tenants(\/plan)?$/.test(route);
        const takesInput = Boolean(
          operation.parameters?.length || operation.requestBody,
        );
        return {
          route,
          statuses: [
            ...(takesInput ? ['400'] : []),
            '401',
            ...(readableByAll ? [] : ['403']),
            ...(namesAnObject ? ['404'] : []),
          ],
        };
      });
    expect(documented).toEqual(expected);
  });

  it('has schemas that reject what does not match', () => {
    const validate = responseValidator('GET /profiles/{name}', 200);
    expect(validate({ name: 'small' })).toBe(false);
    expect(responseValidator('GET /audit', 400)({ error: {} })).toBe(false);
  });

  describe('matches real responses', () => {
    let sim: KubeSim;
    let server: Server;

    beforeAll(async () => {
      sim = await startKubeSim({ token: 't' });
      ({ server } = await startRayServiceTestBackend({
        config: {
          rayService: {
            hostClusters: [
              {
                name: 'sim',
                url: sim.url,
                caData: sim.caData,
                auth: { type: 'serviceAccountToken', token: 't' },
              },
              {
                name: 'gone',
                url: 'https://127.0.0.1:9',
                skipTLSVerify: true,
                auth: { type: 'serviceAccountToken', token: 't' },
              },
            ],
          },
        },
      }));
    });
    afterAll(async () => {
      await sim.stop();
    });

    function as(authorization?: string) {
      const send = (method: 'get' | 'post' | 'patch', path: string) => {
        const test = request(server)[method](`/api/ray-service${path}`);
        return authorization ? test.set('Authorization', authorization) : test;
      };
      return {
        get: (path: string) => send('get', path),
        post: (path: string) => send('post', path),
        patch: (path: string) => send('patch', path),
      };
    }
    const admin = as(callers.admin);

    it('for profiles', async () => {
      const gpuProfile = profileInput({
        resources: [
          {
            cpu: '8',
            memory: '64Gi',
            storage: '100Gi',
            gpuModel: 'A100-40GB',
            gpuCount: 1,
          },
        ],
        partitioning: { 'A100-40GB': { mode: 'mig', profile: '1g.5gb' } },
        allocation: {
          strategy: 'warmPool',
          desiredCapacity: 1,
          timezone: 'Europe/Berlin',
          windows: [
            { days: ['sat'], from: '00:00', to: '24:00', desiredCapacity: 0 },
          ],
        },
        visibleTo: ['ml-teams'],
      });
      const created = await admin.post('/profiles').send(gpuProfile);
      expect(created.status).toBe(201);
      expect(
        undocumented([
          ['POST /profiles', created],
          ['GET /profiles', await admin.get('/profiles?limit=1')],
          [
            'GET /profiles/{name}',
            await as(callers.alpha).get('/profiles/small'),
          ],
          ['POST /profiles', await admin.post('/profiles').send(gpuProfile)],
          ['POST /profiles', await admin.post('/profiles').send({ name: 'X' })],
        ]),
      ).toEqual([]);
    });

    it('for templates', async () => {
      const document = templateDocument({
        spec: {
          addons: [{ ...MLFLOW_ADDON, values: { replicas: 1 } }],
          sharedWith: ['ml-teams'],
        },
      });
      const imported = await admin
        .post('/templates')
        .set('Content-Type', 'application/yaml')
        .send(stringify(document));
      expect(imported.status).toBe(201);
      const publish = 'POST /templates/{name}@{version}/publish';
      expect(
        undocumented([
          ['POST /templates', imported],
          [publish, await admin.post('/templates/kuberay@1.0.0/publish')],
          [publish, await admin.post('/templates/kuberay@1.0.0/publish')],
          ['GET /templates', await as(callers.alpha).get('/templates')],
          [
            'GET /templates/{name}@{version}',
            await as(callers.bravo).get('/templates/kuberay@9.0.0'),
          ],
        ]),
      ).toEqual([]);
    });

    it('for host clusters, the audit log and refusals', async () => {
      const patched = await admin.patch('/host-clusters/sim').send({
        infrastructure: {
          type: 'dataCenter',
          infrastructure: 'bareMetal',
          operatingSystem: 'Ubuntu 24.04',
          gpuTypes: ['A100-40GB'],
        },
        labels: { 'topology.kubernetes.io/region': 'dc-1' },
      });
      expect(patched.status).toBe(200);
      expect(
        undocumented([
          ['GET /host-clusters', await admin.get('/host-clusters')],
          ['PATCH /host-clusters/{name}', patched],
          ['GET /audit', await admin.get('/audit')],
          ['GET /audit', await as().get('/audit')],
          ['GET /audit', await as(callers.bravo).get('/audit')],
          ['GET /audit', await admin.get('/audit?limit=0')],
        ]),
      ).toEqual([]);
    });
  });

  describe('matches real tenant responses', () => {
    let sim: KubeSim;
    let api: (caller: CallerName) => Api;

    beforeAll(async () => {
      sim = await startTestSim();
      ({ api } = await startTenantBackend({ sim }));
    });
    afterAll(async () => {
      await sim.stop();
    });

    it('for tenants and host cluster operations', async () => {
      const admin = api('admin');
      const alpha = api('alpha');
      const created = await alpha.post('/tenants').send(tenantRequest('doc'));
      expect(created.status).toBe(201);
      const ready = await pollTenant(alpha, 'doc', inPhase('Ready'));
      const responses: Array<[string, request.Response]> = [
        ['POST /tenants', created],
        ['GET /tenants/{name}', ready],
        [
          'POST /tenants',
          await alpha.post('/tenants').send(tenantRequest('doc')),
        ],
        ['POST /tenants', await alpha.post('/tenants').send({ name: 'X' })],
        [
          'POST /tenants',
          await api('bravo').post('/tenants').send(tenantRequest('b')),
        ],
        [
          'POST /tenants/plan',
          await alpha.post('/tenants/plan').send(tenantRequest('doc2')),
        ],
        ['GET /tenants', await alpha.get('/tenants?limit=1')],
        ['GET /tenants/{name}', await api('bravo').get('/tenants/doc')],
        [
          'POST /tenants/{name}/upgrade',
          await alpha
            .post('/tenants/doc/upgrade')
            .send({ templateVersion: 'kuberay@1.1.0' }),
        ],
        ['DELETE /tenants/{name}', await alpha.delete('/tenants/doc')],
        [
          'GET /host-clusters/{name}/preflight',
          await admin.get('/host-clusters/sim/preflight'),
        ],
        [
          'GET /host-clusters/{name}/capacity',
          await admin.get('/host-clusters/sim/capacity'),
        ],
        [
          'GET /host-clusters/{name}/capacity',
          await admin.get('/host-clusters/nope/capacity'),
        ],
        ['GET /audit', await admin.get('/audit')],
      ];
      expect(
        responses.map(([route, response]) => [route, response.status]),
      ).toEqual([
        ['POST /tenants', 201],
        ['GET /tenants/{name}', 200],
        ['POST /tenants', 409],
        ['POST /tenants', 400],
        ['POST /tenants', 403],
        ['POST /tenants/plan', 200],
        ['GET /tenants', 200],
        ['GET /tenants/{name}', 404],
        ['POST /tenants/{name}/upgrade', 200],
        ['DELETE /tenants/{name}', 202],
        ['GET /host-clusters/{name}/preflight', 200],
        ['GET /host-clusters/{name}/capacity', 200],
        ['GET /host-clusters/{name}/capacity', 404],
        ['GET /audit', 200],
      ]);
      expect(undocumented(responses)).toEqual([]);
    });
  });
});
