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

import { KubeSim, startKubeSim } from '@ray-service/kube-sim';
import { Server } from 'node:http';
import request from 'supertest';
import {
  callers,
  startRayServiceTestBackend,
} from '../__testUtils__/testBackend';

const BASE = '/api/ray-service/host-clusters';
const TOKEN = 'sim-token';

describe('/host-clusters', () => {
  let sim: KubeSim;
  let server: Server;

  beforeAll(async () => {
    sim = await startKubeSim({ token: TOKEN, kubernetesVersion: 'v1.31.4' });
  });
  afterAll(async () => {
    await sim.stop();
  });

  beforeEach(async () => {
    const cluster = (name: string) => ({
      name,
      url: sim.url,
      caData: sim.caData,
      auth: { type: 'serviceAccountToken', token: TOKEN },
    });
    ({ server } = await startRayServiceTestBackend({
      config: {
        rayService: {
          hostClusters: [cluster('east'), cluster('west')],
          kubernetesSupport: { minVersion: '1.29', maxVersion: '1.30' },
        },
      },
    }));
  });

  const patch = (name: string, body: object) =>
    request(server)
      .patch(`${BASE}/${name}`)
      .set('Authorization', callers.admin)
      .send(body);

  it('reports the version support of each reachable cluster', async () => {
    const response = await request(server)
      .get(`${BASE}/east`)
      .set('Authorization', callers.admin);
    expect(response.status).toBe(200);
    expect(response.body.versionSupport).toEqual({
      supported: false,
      range: '1.29–1.30',
      reason: 'v1.31.4 is newer than 1.30, the newest supported version',
    });
    expect(response.body).not.toHaveProperty('facts');
  });

  it('records facts field by field (PATCH) and shows them', async () => {
    const labels = await patch('east', { labels: { region: 'eu-west-1' } });
    expect(labels.status).toBe(200);
    const infrastructure = {
      type: 'publicCloud',
      provider: 'aws',
      region: 'eu-west-1',
      instanceTypes: ['p4d.24xlarge'],
    };
    const both = await patch('east', { infrastructure });
    expect(both.body.facts).toEqual({
      labels: { region: 'eu-west-1' },
      infrastructure,
    });

    const list = await request(server)
      .get(BASE)
      .set('Authorization', callers.admin);
    expect(list.body.items.map((c: { facts?: object }) => c.facts)).toEqual([
      { labels: { region: 'eu-west-1' }, infrastructure },
      undefined,
    ]);
  });

  it('answers 400 for invalid facts and 404 for unknown clusters', async () => {
    const invalid = await patch('east', { labels: { 'bad key!': 'x' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details[0].field).toBe('labels.bad key!');

    expect((await patch('north', { labels: {} })).status).toBe(404);
  });

  it('pages the clusters in config order', async () => {
    const first = await request(server)
      .get(BASE)
      .query({ limit: 1 })
      .set('Authorization', callers.admin);
    expect(first.body.items.map((c: { name: string }) => c.name)).toEqual([
      'east',
    ]);
    expect(first.body.totalCount).toBe(2);
    const second = await request(server)
      .get(BASE)
      .query({ limit: 1, cursor: first.body.nextCursor })
      .set('Authorization', callers.admin);
    expect(second.body.items.map((c: { name: string }) => c.name)).toEqual([
      'west',
    ]);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('reuses a reachability check for a while', async () => {
    const get = () =>
      request(server).get(`${BASE}/east`).set('Authorization', callers.admin);
    const first = await get();
    const second = await get();
    expect(second.body.reachability.checkedAt).toBe(
      first.body.reachability.checkedAt,
    );
  });
});
