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
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeSim, startKubeSim } from '@ray-service/kube-sim';
import request from 'supertest';
import { rayServicePlugin } from './plugin';
import { freeLoopbackPort } from './__testUtils__/ports';

jest.setTimeout(30_000);

const SIM_TOKEN = 'sim-token-that-must-never-leak';

function hostClustersConfig(sim: KubeSim, unreachablePort: number) {
  return {
    rayService: {
      hostClusters: [
        {
          name: 'sim',
          title: 'Simulated',
          url: sim.url,
          caData: sim.caData,
          auth: { type: 'serviceAccountToken', token: SIM_TOKEN },
        },
        {
          name: 'gone',
          url: `https://127.0.0.1:${unreachablePort}`,
          skipTLSVerify: true,
          auth: { type: 'serviceAccountToken', token: 'other-secret-token' },
        },
      ],
    },
  };
}

describe('ray-service backend plugin', () => {
  let sim: KubeSim;
  let unreachablePort: number;

  beforeAll(async () => {
    sim = await startKubeSim({
      token: SIM_TOKEN,
      kubernetesVersion: 'v1.31.4',
    });
    unreachablePort = await freeLoopbackPort();
  });
  afterAll(async () => {
    await sim.stop();
  });

  async function start(
    permission:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ) {
    const { server } = await startTestBackend({
      features: [
        rayServicePlugin,
        mockServices.rootConfig.factory({
          data: hostClustersConfig(sim, unreachablePort),
        }),
        mockServices.permissions.factory({ result: permission }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    return server;
  }

  it('answers /health without authentication', async () => {
    const server = await start();
    const response = await request(server).get('/api/ray-service/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('lists host clusters with reachability and never a credential', async () => {
    const server = await start();
    const response = await request(server)
      .get('/api/ray-service/host-clusters')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    const [reachable, unreachable] = response.body.items;
    expect(reachable).toMatchObject({
      name: 'sim',
      title: 'Simulated',
      url: sim.url,
      authType: 'serviceAccountToken',
      reachability: { reachable: true, kubernetesVersion: 'v1.31.4' },
    });
    expect(unreachable).toMatchObject({
      name: 'gone',
      title: 'gone',
      reachability: { reachable: false },
    });
    expect(unreachable.reachability.error).toMatch(/ECONNREFUSED|connect/i);

    const body = JSON.stringify(response.body);
    expect(body).not.toContain(SIM_TOKEN);
    expect(body).not.toContain('other-secret-token');
    expect(body).not.toContain(sim.caData);
  });

  it('reports a cluster that rejects the token as unreachable with the reason', async () => {
    const { server } = await startTestBackend({
      features: [
        rayServicePlugin,
        mockServices.rootConfig.factory({
          data: {
            rayService: {
              hostClusters: [
                {
                  name: 'sim',
                  url: sim.url,
                  caData: sim.caData,
                  auth: { type: 'serviceAccountToken', token: 'wrong-token' },
                },
              ],
            },
          },
        }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    const response = await request(server)
      .get('/api/ray-service/host-clusters/sim')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body.reachability).toMatchObject({ reachable: false });
    expect(response.body.reachability.error).toContain('401');
    expect(JSON.stringify(response.body)).not.toContain('wrong-token');
  });

  it('answers 503 for an unreachable cluster as one warn line, not an error with a stack', async () => {
    const logger = mockServices.logger.mock();
    const { server } = await startTestBackend({
      features: [
        rayServicePlugin,
        mockServices.rootConfig.factory({
          data: hostClustersConfig(sim, unreachablePort),
        }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        logger.factory,
      ],
    });
    const response = await request(server)
      .get('/api/ray-service/host-clusters/gone/capacity')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(503);
    expect(response.body.error.message).toMatch(/ECONNREFUSED/);
    const warnings = logger.warn.mock.calls.filter(([line]) =>
      String(line).includes('/host-clusters/gone/capacity'),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toHaveLength(1);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('rejects anonymous callers with 401', async () => {
    const server = await start();
    const response = await request(server).get(
      '/api/ray-service/host-clusters',
    );
    expect(response.status).toBe(401);
  });

  it('rejects callers without the admin permission with 403', async () => {
    const server = await start(AuthorizeResult.DENY);
    const response = await request(server)
      .get('/api/ray-service/host-clusters')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(403);
  });

  it('answers 404 for a host cluster that is not configured', async () => {
    const server = await start();
    const response = await request(server)
      .get('/api/ray-service/host-clusters/nope')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain('nope');
  });
});
