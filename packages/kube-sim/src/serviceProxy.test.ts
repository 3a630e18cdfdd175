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

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { vclusterHostName } from './index';
import type { KubeSim } from './index';
import { eventually, raw, RawResponse } from './__testUtils__/helpers';
import {
  authToken,
  createRay,
  gpuWorkers,
  rayClusterSpec,
  rayObject,
  rayStatus,
  readyRayCluster,
  startRaySim,
  withRaySim,
  withUnreadyRaySim,
} from './__testUtils__/ray';
import { startVCluster } from './__testUtils__/vcluster';

jest.setTimeout(30_000);

const proxyPath = (ns: string, id: string, rest = '') =>
  `/api/v1/namespaces/${ns}/services/${id}/proxy${rest}`;

describe('the service proxy subresource', () => {
  let sim: KubeSim;
  let head: any;
  const get = (
    id: string,
    rest: string,
    headers: Record<string, string> = {},
  ) => raw(sim, 'GET', proxyPath('team', id, rest), { headers });

  beforeAll(async () => {
    sim = await startRaySim('team', { token: 'kube-token' });
    await readyRayCluster(sim, 'team', 'rc', rayClusterSpec([gpuWorkers(1)]));
    head = sim.objects.list('v1', 'Pod', {
      namespace: 'team',
      labelSelector: 'ray.io/cluster=rc,ray.io/node-type=head',
    })[0];
  });
  afterAll(() => sim.stop());

  it.each([
    'rc-head-svc:dashboard',
    'rc-head-svc:8265',
    'http:rc-head-svc:dashboard',
  ])('reaches the head dashboard through %s', async id => {
    const res = await get(id, '/api/version');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ version: '4', ray_version: '2.60.0' });
  });

  it('needs the Service port: a bare name only matches an unnamed port', async () => {
    const bare = await get('rc-head-svc', '/api/version');
    expect(bare.status).toBe(503);
    expect(bare.json).toMatchObject({
      kind: 'Status',
      reason: 'ServiceUnavailable',
      message: 'no endpoints available for service "rc-head-svc"',
      code: 503,
    });
    sim.objects.put({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'plain', namespace: 'team' },
      spec: {
        selector: { 'ray.io/cluster': 'rc', 'ray.io/node-type': 'head' },
        ports: [{ port: 80, targetPort: 8265 }],
      },
    });
    expect((await get('plain', '/api/version')).status).toBe(200);
  });

  it('answers as kube-apiserver for missing Services, ports and listeners', async () => {
    const missing = await get('nope:dashboard', '/api/version');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({
      reason: 'NotFound',
      message: 'endpoints "nope" not found',
    });
    const missingByNumber = await get('nope:8265', '/api/version');
    expect(missingByNumber.json.message).toBe('services "nope" not found');
    const noPort = await get('rc-head-svc:1234', '/api/version');
    expect(noPort.status).toBe(503);
    expect(noPort.json.message).toBe(
      'no service port 1234 found for service "rc-head-svc"',
    );
    const metrics = await get('rc-head-svc:metrics', '/metrics');
    expect(metrics.status).toBe(503);
    expect(metrics.json.message).toBe(
      `error trying to reach service: dial tcp ${head.status.podIP}:8080: connect: connection refused`,
    );
    expect((await get('a:b:c:d', '/')).status).toBe(400);
  });

  it('redirects GET …/proxy to …/proxy/ and keeps the query', async () => {
    const res = await get('rc-head-svc:dashboard', '?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(
      `${proxyPath('team', 'rc-head-svc:dashboard')}/?x=1`,
    );
  });

  it('needs the kube token, and records the request like any other', async () => {
    const before = sim.stats.count({
      resource: 'services',
      subresource: 'proxy',
    });
    const anonymous = await raw(
      sim,
      'GET',
      proxyPath('team', 'rc-head-svc:dashboard', '/api/version'),
      { token: null },
    );
    expect(anonymous.status).toBe(401);
    await get('rc-head-svc:dashboard', '/api/version');
    expect(
      sim.stats.count({
        verb: 'get',
        resource: 'services',
        subresource: 'proxy',
        namespace: 'team',
        name: 'rc-head-svc:dashboard',
      }),
    ).toBeGreaterThan(0);
    expect(
      sim.stats.count({ resource: 'services', subresource: 'proxy' }),
    ).toBe(before + 2);
  });

  it("strips Authorization (the API server's) and passes X-Ray-Authorization to Ray", async () => {
    await readyRayCluster(
      sim,
      'team',
      'secure',
      rayClusterSpec([], { authOptions: { mode: 'token' } }),
    );
    const token = authToken(sim, 'team', 'secure');
    const call = (headers: Record<string, string> = {}) =>
      get('secure-head-svc:dashboard', '/api/version', headers);
    // the kube token in Authorization is not Ray's, and it does not reach Ray anyway
    expect(await call()).toMatchObject({
      status: 401,
      text: 'Unauthorized: Missing authentication token',
    });
    expect(await call({ 'X-Ray-Authorization': 'Bearer wrong' })).toMatchObject(
      {
        status: 403,
        text: 'Forbidden: Invalid authentication token',
      },
    );
    expect(
      (await call({ 'X-Ray-Authorization': `Bearer ${token}` })).status,
    ).toBe(200);
    // the public health check needs no token
    const health = await get('secure-head-svc:dashboard', '/api/gcs_healthz');
    expect(health).toMatchObject({ status: 200, text: 'success' });
  });

  it("shows the cluster's running pods as Ray nodes, and Ray's browser rule through the proxy", async () => {
    const nodes = await get('rc-head-svc:dashboard', '/api/v0/nodes?detail=1');
    const items = nodes.json.data.result.result;
    expect(items.map((n: any) => n.is_head_node).sort()).toEqual([false, true]);
    const worker = items.find((n: any) => !n.is_head_node);
    expect(worker.resources_total).toMatchObject({ CPU: 2, GPU: 1 });
    expect(worker.node_ip).toBe(
      sim.objects.list('v1', 'Pod', {
        namespace: 'team',
        labelSelector: 'ray.io/cluster=rc,ray.io/node-type=worker',
      })[0].status.podIP,
    );
    // Origin passes the API server: Ray refuses the write as a browser's
    const write = await raw(
      sim,
      'POST',
      proxyPath('team', 'rc-head-svc:dashboard', '/api/jobs/'),
      { body: { entrypoint: 'echo' }, headers: { Origin: 'https://portal' } },
    );
    expect(write).toMatchObject({
      status: 405,
      text: "'POST' method not allowed for browser traffic.",
    });
    expect(write.headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});

describe('the service proxy to a head whose pods are not ready', () => {
  it('answers 503: no endpoints', async () => {
    await withUnreadyRaySim('team', async sim => {
      await createRay(sim, 'team', 'RayCluster', 'rc', rayClusterSpec());
      await eventually(() =>
        sim.objects.get('v1', 'Service', 'team', 'rc-head-svc'),
      );
      const res = await raw(
        sim,
        'GET',
        proxyPath('team', 'rc-head-svc:dashboard', '/api/version'),
      );
      expect(res.status).toBe(503);
      expect(res.json.message).toBe(
        'no endpoints available for service "rc-head-svc"',
      );
    });
  });
});

describe('the service proxy to a RayCluster inside a vcluster', () => {
  it('reaches its head through the Service vcluster syncs to the host, and inside the vcluster', async () => {
    await withRaySim('tenant-v', {}, async sim => {
      const vc = await startVCluster(sim, 'vc', 'tenant-v');
      const inside = { url: vc.url, caData: sim.caData, token: vc.token };
      await raw(
        inside,
        'POST',
        '/apis/ray.io/v1/namespaces/default/rayclusters',
        {
          body: rayObject('RayCluster', 'rc', rayClusterSpec()),
        },
      );
      await eventually(
        () =>
          vc.objects.get('ray.io/v1', 'RayCluster', 'default', 'rc')?.status
            ?.state === 'ready',
        10_000,
      );
      const hostSvc = vclusterHostName('rc-head-svc', 'default', 'vc');
      const viaHost = await eventually(async () => {
        const res = await raw(
          sim,
          'GET',
          proxyPath('tenant-v', `${hostSvc}:dashboard`, '/api/jobs/'),
        );
        return res.status === 200 ? res : undefined;
      });
      expect(viaHost.json).toEqual([]);
      const viaVcluster = await raw(
        inside,
        'GET',
        proxyPath('default', 'rc-head-svc:dashboard', '/api/jobs/'),
      );
      expect(viaVcluster.status).toBe(200);
      // one head: a job submitted one way is seen the other way
      await raw(
        inside,
        'POST',
        proxyPath('default', 'rc-head-svc:dashboard', '/api/jobs/'),
        {
          body: { entrypoint: 'echo hi', submission_id: 'one' },
        },
      );
      const listed = await raw(
        sim,
        'GET',
        proxyPath('tenant-v', `${hostSvc}:dashboard`, '/api/jobs/'),
      );
      expect(listed.json.map((j: any) => j.submission_id)).toEqual(['one']);
    });
  });
});

/**
 * A stand-in for a real Ray head: records what reaches it and answers a few Jobs API calls;
 * its jobs stay PENDING for ten GETs, then succeed.
 */
function fakeRayHead() {
  const seen: Array<{
    method: string;
    url: string;
    headers: http.IncomingHttpHeaders;
    body: string;
  }> = [];
  const jobs = new Map<string, any>();
  const polls = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body,
      });
      const reply = (status: number, value: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const path = new URL(req.url!, 'http://ray').pathname;
      const id = /^\/api\/jobs\/([^/]+)$/.exec(path)?.[1];
      if (req.method === 'POST' && path === '/api/jobs/') {
        const job = JSON.parse(body);
        jobs.set(job.submission_id, {
          submission_id: job.submission_id,
          status: 'PENDING',
          message: 'Job has not started yet.',
          start_time: 1,
          end_time: null,
        });
        polls.set(job.submission_id, 0);
        reply(200, {
          job_id: job.submission_id,
          submission_id: job.submission_id,
        });
      } else if (req.method === 'GET' && id && jobs.has(id)) {
        // PENDING for a good many polls (nothing changes meanwhile), then SUCCEEDED
        const job = jobs.get(id);
        polls.set(id, polls.get(id)! + 1);
        if (polls.get(id)! > 10)
          Object.assign(job, {
            status: 'SUCCEEDED',
            message: 'Job finished successfully.',
            end_time: 2,
          });
        reply(200, job);
      } else reply(404, 'nope');
    });
  });
  return { server, seen };
}

describe('kube-sim in front of a real Ray head (rayDashboard)', () => {
  let sim: KubeSim;
  const fake = fakeRayHead();

  beforeAll(async () => {
    await new Promise<void>(resolve =>
      fake.server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = fake.server.address() as AddressInfo;
    sim = await startRaySim('team', {
      rayDashboard: {
        url: `http://127.0.0.1:${port}`,
        token: 'real-head-token',
        pollMs: 20,
      },
    });
  });
  afterAll(async () => {
    await sim.stop();
    await new Promise(resolve => fake.server.close(resolve));
  });

  it('forwards method, path, query, body and headers but Authorization', async () => {
    await readyRayCluster(
      sim,
      'team',
      'rc',
      rayClusterSpec([], { authOptions: { mode: 'token' } }),
    );
    // every auth Secret holds the real head's token
    expect(authToken(sim, 'team', 'rc')).toBe('real-head-token');

    const res: RawResponse = await raw(
      sim,
      'POST',
      proxyPath('team', 'rc-head-svc:dashboard', '/api/jobs/?a=1&b=2'),
      {
        body: { entrypoint: 'echo hi', submission_id: 'direct' },
        headers: {
          'X-Ray-Authorization': 'Bearer real-head-token',
          Origin: 'http://portal',
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ job_id: 'direct', submission_id: 'direct' });
    const request = fake.seen.find(r => r.body.includes('"direct"'))!;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/api/jobs/?a=1&b=2',
    });
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers).toMatchObject({
      'x-ray-authorization': 'Bearer real-head-token',
      origin: 'http://portal',
      'x-forwarded-uri': proxyPath(
        'team',
        'rc-head-svc:dashboard',
        '/api/jobs/',
      ),
    });
  });

  it('runs RayJobs on it: KubeRay submits with X-Ray-Authorization and mirrors the job', async () => {
    await createRay(sim, 'team', 'RayJob', 'job', {
      entrypoint: 'python train.py',
      submissionMode: 'HTTPMode',
      rayClusterSpec: rayClusterSpec(),
    });
    const done = await rayStatus(
      sim.objects,
      'team',
      'RayJob',
      'job',
      s => s.jobDeploymentStatus === 'Complete',
    );
    expect(done.status.jobStatus).toBe('SUCCEEDED');
    const submit = fake.seen.find(
      r => r.method === 'POST' && r.body.includes('python train.py'),
    )!;
    expect(JSON.parse(submit.body)).toMatchObject({
      entrypoint: 'python train.py',
      submission_id: done.status.jobId,
    });
    expect(submit.headers['x-ray-authorization']).toBe(
      'Bearer real-head-token',
    );
    expect(submit.headers['sec-fetch-mode']).toBeUndefined();
  });
});
