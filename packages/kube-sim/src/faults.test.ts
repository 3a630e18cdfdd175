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

import * as k8s from '@kubernetes/client-node';
import { startKubeSim } from './index';
import type { KubeSim } from './index';
import {
  errorBody,
  kubeConfigFor,
  raw,
  statusOf,
} from './__testUtils__/helpers';

describe('fault injection', () => {
  let sim: KubeSim;
  let core: k8s.CoreV1Api;
  beforeAll(async () => {
    sim = await startKubeSim({ token: 't' });
    core = kubeConfigFor(sim).makeApiClient(k8s.CoreV1Api);
  });
  afterAll(() => sim.stop());
  afterEach(() => {
    sim.faults.clear();
    sim.stats.reset();
  });

  it('answers 500 with an InternalError Status and does not perform the operation', async () => {
    sim.faults.add({ verb: 'create', resource: 'configmaps', status: 500 });
    const body = await errorBody(
      core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'f1' } },
      }),
    );
    expect(body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      code: 500,
      reason: 'InternalError',
    });
    expect(sim.objects.get('v1', 'ConfigMap', 'default', 'f1')).toBeUndefined();
    // other verbs and resources are unaffected
    expect(
      (await core.listNamespacedConfigMap({ namespace: 'default' })).items,
    ).toEqual([]);
    expect(
      await statusOf(
        core.createNamespacedSecret({
          namespace: 'default',
          body: { metadata: { name: 's' } },
        }),
      ),
    ).toBe(200);
  });

  it('answers 429 with Retry-After and a TooManyRequests Status', async () => {
    sim.faults.add({ verb: 'list', resource: 'namespaces', status: 429 });
    const r = await raw(sim, 'GET', '/api/v1/namespaces');
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('1');
    expect(r.json).toMatchObject({
      reason: 'TooManyRequests',
      code: 429,
      details: { retryAfterSeconds: 1 },
    });
    expect(await statusOf(core.listNamespace())).toBe(429);
  });

  it('answers 409 Conflict for an update without applying it', async () => {
    const cm = await core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'f409' }, data: { a: '1' } },
    });
    sim.faults.add({
      verb: 'update',
      resource: 'configmaps',
      name: 'f409',
      status: 409,
    });
    const body = await errorBody(
      core.replaceNamespacedConfigMap({
        name: 'f409',
        namespace: 'default',
        body: { ...cm, data: { a: '2' } },
      }),
    );
    expect(body).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(sim.objects.get('v1', 'ConfigMap', 'default', 'f409')?.data).toEqual(
      { a: '1' },
    );
  });

  it('applies to the next N matching requests only (times)', async () => {
    sim.faults.add({
      verb: 'get',
      resource: 'namespaces',
      status: 503,
      times: 2,
    });
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push(await statusOf(core.readNamespace({ name: 'default' })));
    expect(codes).toEqual([503, 503, 200, 200]);
    expect(sim.faults.list()).toEqual([]);
  });

  it('matches by group, namespace and SSA verb', async () => {
    sim.faults.add({
      verb: 'apply',
      group: '',
      namespace: 'kube-system',
      status: 500,
    });
    const objects = k8s.KubernetesObjectApi.makeApiClient(kubeConfigFor(sim));
    const cm = (ns: string) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'ssa', namespace: ns },
      data: { a: '1' },
    });
    expect(
      await statusOf(
        objects.patch(
          cm('kube-system'),
          undefined,
          undefined,
          'm',
          true,
          k8s.PatchStrategy.ServerSideApply,
        ),
      ),
    ).toBe(500);
    expect(
      await statusOf(
        objects.patch(
          cm('default'),
          undefined,
          undefined,
          'm',
          true,
          k8s.PatchStrategy.ServerSideApply,
        ),
      ),
    ).toBe(200);
    expect(sim.stats.count({ verb: 'apply' })).toBe(2);
  });

  it('adds latency', async () => {
    sim.faults.add({ verb: 'get', resource: 'namespaces', latencyMs: 200 });
    const t0 = Date.now();
    await core.readNamespace({ name: 'default' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
  });

  it('hangs a request until the client times out; other requests still work', async () => {
    sim.faults.add({ verb: 'list', resource: 'pods', hang: true });
    const hung = await raw(sim, 'GET', '/api/v1/namespaces/default/pods', {
      timeoutMs: 300,
    }).then(
      () => 'answered',
      e => String(e.message),
    );
    expect(hung).toBe('timeout');
    expect(
      (await raw(sim, 'GET', '/api/v1/namespaces/default/configmaps')).status,
    ).toBe(200);
    expect(sim.stats.count({ verb: 'list', resource: 'pods' })).toBe(1);
  });

  it('applies a rule with probability 0 never', async () => {
    sim.faults.add({ status: 500, probability: 0 });
    for (let i = 0; i < 5; i++)
      expect(await statusOf(core.readNamespace({ name: 'default' }))).toBe(200);
  });

  it('is controllable over HTTP from loopback: POST and DELETE /_sim/faults', async () => {
    const added = await raw(sim, 'POST', '/_sim/faults', {
      body: { verb: 'discovery', status: 500 },
      token: null,
    });
    expect(added.status).toBe(201);
    expect(added.json.id).toEqual(expect.any(String));
    expect((await raw(sim, 'GET', '/version')).status).toBe(500);
    expect(
      (await raw(sim, 'GET', '/_sim/faults', { token: null })).json.rules,
    ).toHaveLength(1);
    expect(
      (await raw(sim, 'DELETE', '/_sim/faults', { token: null })).status,
    ).toBe(200);
    expect((await raw(sim, 'GET', '/version')).status).toBe(200);
    const one = (
      await raw(sim, 'POST', '/_sim/faults', {
        body: { verb: 'get', status: 500 },
        token: null,
      })
    ).json.id;
    await raw(sim, 'DELETE', `/_sim/faults/${one}`, { token: null });
    expect(sim.faults.list()).toEqual([]);
  });

  it('records stats per request', async () => {
    await core.listNamespace();
    await core.readNamespace({ name: 'default' });
    await statusOf(core.readNamespace({ name: 'missing' }));
    await raw(sim, 'GET', '/apis');
    expect(sim.stats.count({ verb: 'list', resource: 'namespaces' })).toBe(1);
    expect(sim.stats.count({ verb: 'get' })).toBe(2);
    expect(sim.stats.count({ verb: 'discovery' })).toBe(1);
    expect(sim.stats.requests.find(r => r.name === 'missing')).toMatchObject({
      verb: 'get',
      resource: 'namespaces',
      group: '',
      status: 404,
    });
    sim.stats.reset();
    expect(sim.stats.count()).toBe(0);
  });
});
