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

import { NotFoundError } from '@backstage/errors';
import { ObjectClient, ProxyRequest } from '../kubernetes/ObjectClient';
import {
  ClusterUnreachableError,
  ProxiedAnswerError,
} from '../kubernetes/requestErrors';
import { BadGatewayError } from './errors';
import { RayDashboard } from './RayDashboard';
import { sample, sampleText } from './__testUtils__/samples';

const TOKEN = 'tok+en/with=base64';
const TARGET = { namespace: 'team-a', service: 'ray-1-head-svc' };

type Call = { target: unknown; request: ProxyRequest };

/**
 * A host API server that only proxies: it records each request and answers
 * from `answers`, by `METHOD /path?query` or else `METHOD /path`; an
 * Error there is thrown, a request without an answer fails the test.
 */
function dashboardWith(
  answers: Record<string, unknown>,
  { token }: { token?: string } = { token: TOKEN },
) {
  const calls: Call[] = [];
  const proxy = async (target: unknown, request: ProxyRequest) => {
    calls.push({ target, request });
    const route = `${request.method} ${request.path}`;
    const query = new URLSearchParams(request.query).toString();
    const answer = answers[`${route}?${query}`] ?? answers[route];
    if (answer === undefined) {
      throw new Error(`no answer for ${route}?${query}`);
    }
    if (answer instanceof Error) {
      throw answer;
    }
    return answer;
  };
  const dashboard = new RayDashboard({
    cluster: 'team-a/ray-1',
    host: { proxy } as unknown as ObjectClient,
    ...TARGET,
    ...(token && { token }),
  });
  const requested = () =>
    calls.map(({ request }) => `${request.method} ${request.path}`);
  return { dashboard, calls, requested };
}

const jobsList = () =>
  sample<Array<Record<string, unknown>>>('jobs-list-with-driver.json');
const V1_STATUS = {
  'GET /api/v0/nodes': sample('state-nodes-detail.json'),
  'GET /api/cluster_status': sample('cluster-status.json'),
  'GET /api/version': sample('version.json'),
};
const V2_STATUS = {
  ...V1_STATUS,
  'GET /api/cluster_status': sample('cluster-status-v2.json'),
  'GET /api/cluster_status?format=1': sample('cluster-status-v2-format1.json'),
  'GET /api/v0/tasks': sample('state-tasks-pending.json'),
  'GET /api/v0/actors': sample('state-actors-pending.json'),
};
const ALL_ANSWERS = {
  ...V2_STATUS,
  'GET /api/jobs/': jobsList(),
  'GET /api/jobs/color-job-2': jobsList()[2],
  'GET /api/jobs/color-job-2/logs': sample('job-logs-succeeded.json'),
  'POST /api/jobs/long-job-1/stop': { stopped: true },
  'GET /api/serve/applications/': sample('serve-apps-running.json'),
};

/** Every request the dashboard makes, once. */
async function callEverything(dashboard: RayDashboard) {
  await dashboard.jobs();
  await dashboard.job('color-job-2');
  await dashboard.jobLogs('color-job-2', 10);
  await dashboard.stopJob('long-job-1');
  await dashboard.nodes();
  await dashboard.status();
  await dashboard.serveApplications();
}

const pendingFilter = (state: string) => ({
  detail: '1',
  filter_keys: 'state',
  filter_predicates: '=',
  filter_values: state,
});

describe('RayDashboard', () => {
  it("sends every request to the head Service's dashboard port, the token only as X-Ray-Authorization: Bearer", async () => {
    const { dashboard, calls } = dashboardWith(ALL_ANSWERS);
    await callEverything(dashboard);
    expect(calls).toHaveLength(13);
    for (const { target, request } of calls) {
      expect(target).toEqual({ ...TARGET, port: 'dashboard' });
      // no Authorization (the API server consumes it), no browser headers (Ray refuses writes with them)
      expect(request.headers).toEqual({
        'X-Ray-Authorization': `Bearer ${TOKEN}`,
      });
      const { headers, ...rest } = request;
      expect(JSON.stringify(rest)).not.toContain(TOKEN);
    }
  });

  it('sends no headers at all to a cluster without token auth', async () => {
    const { dashboard, calls } = dashboardWith(ALL_ANSWERS, {});
    await callEverything(dashboard);
    for (const { request } of calls) {
      expect(request.headers).toBeUndefined();
    }
  });

  it('asks for exactly the paths Ray 2.60 serves, trailing slashes as it wants them', async () => {
    const { dashboard, calls } = dashboardWith(ALL_ANSWERS);
    await dashboard.jobs();
    await dashboard.serveApplications();
    await dashboard.jobLogs('color-job-2', 10);
    await dashboard.nodes();
    expect(calls.map(({ request }) => request)).toEqual(
      [
        { method: 'GET', path: '/api/jobs/' },
        { method: 'GET', path: '/api/serve/applications/' },
        { method: 'GET', path: '/api/jobs/color-job-2/logs' },
        {
          method: 'GET',
          path: '/api/v0/nodes',
          query: expect.objectContaining({ detail: '1' }),
        },
        { method: 'GET', path: '/api/cluster_status' },
      ].map(request => expect.objectContaining(request)),
    );
    expect(calls[0].request.query).toBeUndefined();
  });

  it('escapes a submission id in the path', async () => {
    const { dashboard, calls } = dashboardWith({
      'GET /api/jobs/a%2Fb%3Fc': jobsList()[2],
    });
    await dashboard.job('a/b?c');
    expect(calls[0].request.path).toBe('/api/jobs/a%2Fb%3Fc');
  });

  it('reads jobs, nodes, logs and Serve applications into the portal shapes', async () => {
    const { dashboard } = dashboardWith({ ...ALL_ANSWERS, ...V1_STATUS });
    expect((await dashboard.jobs()).map(job => job.submissionId)).toEqual([
      'bad-renv-1',
      'long-job-1',
      'fail-job-1',
      'color-job-2',
      'color-job-1',
    ]);
    expect(await dashboard.job('color-job-2')).toMatchObject({
      submissionId: 'color-job-2',
      status: 'SUCCEEDED',
    });
    expect(await dashboard.jobLogs('color-job-2', 2)).toEqual({
      logs: 'tick 4\ndone\n',
      truncated: true,
      source: 'dashboard',
    });
    expect(await dashboard.nodes()).toEqual([
      expect.objectContaining({
        isHead: true,
        resourcesAvailable: expect.objectContaining({ CPU: 1.5 }),
      }),
    ]);
    expect(await dashboard.serveApplications()).toEqual([
      expect.objectContaining({ name: 'hello', status: 'RUNNING' }),
    ]);
  });

  describe('status', () => {
    const v1Usage = [
      { resource: 'CPU', used: 0.5, total: 2 },
      { resource: 'memory', used: 0, total: 16453424333 },
      { resource: 'object_store_memory', used: 0, total: 7051467571 },
    ];
    const ray = {
      version: '2.60.0',
      commit: 'b7f4259e944bf6959f721b106adc366ddfa0c356',
    };

    it('reads use and demand from the cluster status alone under autoscaler v1', async () => {
      const { dashboard, requested } = dashboardWith(V1_STATUS);
      expect(await dashboard.status()).toEqual({
        ray,
        usage: v1Usage,
        pendingDemand: [{ resources: { CPU: 4 }, count: 1 }],
      });
      expect(requested().sort()).toEqual([
        'GET /api/cluster_status',
        'GET /api/v0/nodes',
        'GET /api/version',
      ]);
    });

    it('asks for the `ray status` text and the pending tasks and actors under autoscaler v2', async () => {
      const { dashboard, calls } = dashboardWith(V2_STATUS);
      const status = await dashboard.status();
      expect(status.ray).toEqual(ray);
      expect(status.usage.map(({ resource }) => resource)).toEqual([
        'CPU',
        'memory',
        'object_store_memory',
      ]);
      expect(status.usage[1]).toEqual({
        resource: 'memory',
        used: 0,
        total: 15.47 * 2 ** 30,
      });
      expect(status.pendingDemand).toEqual([
        { resources: { CPU: 4 }, count: 1 },
      ]);
      const extra = calls.slice(3).map(({ request }) => request);
      expect(extra).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: '/api/cluster_status',
            query: { format: '1' },
          }),
          expect.objectContaining({
            path: '/api/v0/tasks',
            query: expect.objectContaining(
              pendingFilter('PENDING_NODE_ASSIGNMENT'),
            ),
          }),
          expect.objectContaining({
            path: '/api/v0/actors',
            query: expect.objectContaining(pendingFilter('PENDING_CREATION')),
          }),
        ]),
      );
      expect(extra).toHaveLength(3);
    });
  });

  it('stops a job with a POST, true when Ray stopped it, false when it had ended', async () => {
    for (const stopped of [true, false]) {
      const { dashboard, calls } = dashboardWith({
        'POST /api/jobs/long-job-1/stop': { stopped },
      });
      await expect(dashboard.stopJob('long-job-1')).resolves.toBe(stopped);
      expect(calls.map(({ request }) => request)).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: '/api/jobs/long-job-1/stop',
        }),
      ]);
    }
  });

  it("turns Ray's 404 into a NotFoundError naming the request", async () => {
    const { dashboard } = dashboardWith({
      'GET /api/jobs/does-not-exist': new ProxiedAnswerError(
        404,
        sampleText('err-get-unknown.txt'),
      ),
    });
    const error = await dashboard.job('does-not-exist').catch(e => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('GET /api/jobs/does-not-exist');
    expect(error.message).toContain('Job does-not-exist does not exist');
  });

  it("turns Ray's refusal of the token into a 502 that does not carry the token", async () => {
    const { dashboard } = dashboardWith({
      'GET /api/jobs/': new ProxiedAnswerError(
        403,
        sampleText('auth-wrong.txt'),
      ),
    });
    const error = await dashboard.jobs().catch(e => e);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.statusCode).toBe(502);
    expect(error.message).toMatch(/refused the backend's token/);
    expect(error.message).not.toContain(TOKEN);
  });

  it('lets an unreachable host through as it is', async () => {
    const unreachable = new ClusterUnreachableError(
      'GET …: connect ECONNREFUSED',
    );
    const { dashboard } = dashboardWith({ 'GET /api/jobs/': unreachable });
    await expect(dashboard.jobs()).rejects.toBe(unreachable);
  });

  it('has no job for what is not a submission (a DRIVER job)', async () => {
    const driver = jobsList().find(job => job.type === 'DRIVER');
    const { dashboard } = dashboardWith({ 'GET /api/jobs/06000000': driver });
    const error = await dashboard.job('06000000').catch(e => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('job 06000000');
    expect(error.message).toContain('team-a/ray-1');
  });
});
