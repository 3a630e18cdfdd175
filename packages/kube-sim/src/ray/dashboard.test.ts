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

import { SimClock } from './clock';
import { handleDashboard } from './dashboard';
import { DEFAULT_RAY_TIMINGS } from './heads';
import { HeadConfig, SimRayHead } from './head';
import { rayNodeOfPod } from './nodes';

function bodyText(body: unknown): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/** A running Ray pod as the simulated KubeRay makes it. */
function rayPod(
  name: string,
  type: 'head' | 'worker',
  ip: string,
  limits: Record<string, string>,
) {
  return {
    metadata: {
      name,
      uid: `uid-${name}`,
      labels: { 'ray.io/node-type': type },
    },
    spec: { containers: [{ name: 'ray', resources: { limits } }] },
    status: { podIP: ip, startTime: '2026-12-03T07:00:00Z' },
  };
}

describe('the simulated Ray dashboard', () => {
  let clock: SimClock;
  let head: SimRayHead;
  const TOKEN = 'c2VjcmV0LXRva2VuLWZvci10ZXN0cy1vbmx5LTEyMzQ1Ng==';
  const start = (config: Partial<HeadConfig> = {}) => {
    head = new SimRayHead(
      clock,
      DEFAULT_RAY_TIMINGS,
      { rayVersion: '2.60.0', authToken: TOKEN, ...config },
      () => undefined,
    );
    head.setNodes([
      rayNodeOfPod(
        rayPod('rc-head-abcde', 'head', '10.244.0.2', {
          cpu: '2',
          memory: '8Gi',
        }),
        { 'num-cpus': '1' },
      ),
      rayNodeOfPod(
        rayPod('rc-gpu-worker-fghij', 'worker', '10.244.0.3', {
          cpu: '4',
          memory: '16Gi',
          'nvidia.com/gpu': '1',
        }),
      ),
    ]);
  };
  const call = (
    method: string,
    pathAndQuery: string,
    options: {
      headers?: Record<string, string>;
      body?: unknown;
      token?: string | null;
    } = {},
  ) => {
    const url = new URL(pathAndQuery, 'http://ray');
    const token = options.token === undefined ? TOKEN : options.token;
    const body = options.body;
    return handleDashboard(head, {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: {
        ...(token ? { 'x-ray-authorization': `Bearer ${token}` } : {}),
        ...Object.fromEntries(
          Object.entries(options.headers ?? {}).map(([k, v]) => [
            k.toLowerCase(),
            v,
          ]),
        ),
      },
      body: Buffer.from(bodyText(body)),
    });
  };
  const parsed = (r: { body: string }) => JSON.parse(r.body);

  beforeEach(() => {
    clock = SimClock.manual();
    start();
  });
  afterEach(() => clock.stop());

  it('has exact paths: trailing slashes as Ray has them, no redirects', () => {
    expect(call('GET', '/api/jobs/')).toMatchObject({
      status: 200,
      body: '[]',
    });
    for (const [method, path] of [
      ['GET', '/api/jobs'],
      ['POST', '/api/jobs'],
      ['GET', '//api/jobs/'],
      ['GET', '/api/serve/applications'],
      ['GET', '/api/v0/nodes/'],
      ['DELETE', '/api/jobs/x/'],
    ])
      expect(call(method, path)).toEqual({
        status: 404,
        contentType: 'text/plain; charset=utf-8',
        body: '404: Not Found',
      });
    expect(call('GET', '/api/jobs/x/stop')).toMatchObject({
      status: 405,
      body: '405: Method Not Allowed',
    });
  });

  it('checks the token: Authorization first, then X-Ray-Authorization, then the cookie', () => {
    const version = (headers: Record<string, string>) =>
      call('GET', '/api/version', { headers, token: null });
    expect(version({})).toMatchObject({
      status: 401,
      body: 'Unauthorized: Missing authentication token',
    });
    expect(version({ Authorization: 'Bearer wrong' })).toMatchObject({
      status: 403,
      body: 'Forbidden: Invalid authentication token',
    });
    expect(version({ 'X-Ray-Authorization': `Bearer ${TOKEN}` }).status).toBe(
      200,
    );
    expect(version({ Authorization: `Bearer ${TOKEN}` }).status).toBe(200);
    expect(version({ Authorization: `bearer ${TOKEN}` }).status).toBe(403);
    expect(version({ 'X-Ray-Authorization': TOKEN }).status).toBe(403);
    expect(
      version({
        Authorization: 'Basic Zm9vOmJhcg==',
        'X-Ray-Authorization': `Bearer ${TOKEN}`,
      }).status,
    ).toBe(403);
    expect(
      version({ Cookie: `ray-authentication-token=${TOKEN}` }).status,
    ).toBe(200);
    expect(call('GET', '/api/gcs_healthz', { token: null })).toEqual({
      status: 200,
      contentType: 'application/text; charset=utf-8',
      body: 'success',
    });
    expect(
      parsed(call('GET', '/api/authentication_mode', { token: null })),
    ).toEqual({
      authentication_mode: 'token',
    });
    const authenticated = call('POST', '/api/authenticate');
    expect(parsed(authenticated)).toEqual({
      status: 'authenticated',
      message: 'Token is valid',
    });
    expect(authenticated.headers?.['Set-Cookie']).toBe(
      `ray-authentication-token=${TOKEN}; HttpOnly; Max-Age=2592000; Path=/; SameSite=Strict`,
    );
    expect(call('POST', '/api/authenticate', { token: null }).status).toBe(401);
  });

  it('lets anyone in without token auth', () => {
    start({ authToken: undefined });
    expect(call('GET', '/api/version', { token: null }).status).toBe(200);
    expect(
      parsed(call('GET', '/api/authentication_mode', { token: null })),
    ).toEqual({
      authentication_mode: 'disabled',
    });
  });

  it("refuses browsers' writes (after auth) and redacts env vars for them", () => {
    const browserHeaders: Array<Record<string, string>> = [
      { Origin: 'http://localhost:3000' },
      { Referer: 'http://localhost:3000/' },
      { 'Sec-Fetch-Mode': 'cors' },
      { 'User-Agent': 'Mozilla/5.0 (X11)' },
    ];
    for (const header of browserHeaders)
      expect(
        call('POST', '/api/jobs/nonexistent/stop', { headers: header }),
      ).toMatchObject({
        status: 405,
        body: "'POST' method not allowed for browser traffic.",
      });
    expect(
      call('DELETE', '/api/jobs/x', { headers: { Origin: 'o' } }).body,
    ).toBe("'DELETE' method not allowed for browser traffic.");
    expect(
      call('PUT', '/api/serve/applications/', {
        headers: { Origin: 'o' },
        body: {},
      }).body,
    ).toBe("'PUT' method not allowed for browser traffic.");
    expect(
      call('POST', '/api/jobs/x/stop', {
        headers: { Origin: 'o' },
        token: null,
      }).status,
    ).toBe(401);
    expect(call('POST', '/api/jobs/nonexistent/stop')).toMatchObject({
      status: 404,
      body: 'Job nonexistent does not exist',
    });

    call('POST', '/api/jobs/', {
      body: {
        entrypoint: 'echo',
        submission_id: 'env',
        runtime_env: { env_vars: { SECRET: 'plain' } },
      },
    });
    expect(parsed(call('GET', '/api/jobs/env')).runtime_env.env_vars).toEqual({
      SECRET: 'plain',
    });
    expect(
      parsed(
        call('GET', '/api/jobs/env', { headers: { 'Sec-Fetch-Mode': 'cors' } }),
      ).runtime_env.env_vars,
    ).toEqual({
      SECRET: '<redacted>',
    });
  });

  it('serves the Jobs API as JSON with text errors', () => {
    const submitted = call('POST', '/api/jobs/', {
      body: {
        entrypoint: `python -c "import ray; ray.init(); print('hi')"`,
        submission_id: 'hi',
        entrypoint_num_cpus: 0.5,
      },
    });
    expect(submitted).toMatchObject({
      status: 200,
      contentType: 'application/json; charset=utf-8',
    });
    expect(parsed(submitted)).toEqual({ job_id: 'hi', submission_id: 'hi' });
    clock.advance(DEFAULT_RAY_TIMINGS.jobPendingMs);
    const running = parsed(call('GET', '/api/jobs/hi'));
    expect(running).toMatchObject({ status: 'RUNNING', job_id: '01000000' });
    expect(parsed(call('GET', '/api/jobs/01000000')).submission_id).toBe('hi');
    expect(
      parsed(call('GET', '/api/jobs/')).map((j: any) => j.submission_id),
    ).toEqual(['hi']);
    clock.advance(DEFAULT_RAY_TIMINGS.jobRunningMs);
    expect(parsed(call('GET', '/api/jobs/hi/logs')).logs).toMatch(/\nhi\n$/);
    expect(parsed(call('POST', '/api/jobs/hi/stop'))).toEqual({
      stopped: false,
    });
    expect(parsed(call('DELETE', '/api/jobs/hi'))).toEqual({ deleted: true });
    expect(call('GET', '/api/jobs/hi')).toMatchObject({
      status: 404,
      contentType: 'text/plain; charset=utf-8',
      body: 'Job hi does not exist',
    });
    expect(
      call('POST', '/api/jobs/', { body: '{"entrypoint": ' }),
    ).toMatchObject({
      status: 500,
      body: '500 Internal Server Error\n\nServer got itself in trouble',
    });
  });

  it('answers a Serve PUT with an empty body and no Content-Type', () => {
    expect(parsed(call('GET', '/api/serve/applications/'))).toEqual({
      controller_info: {},
      proxies: {},
      applications: {},
      target_capacity: null,
    });
    const put = call('PUT', '/api/serve/applications/', {
      body: {
        applications: [{ name: 'hello', import_path: 'hello_app:build' }],
      },
    });
    expect(put).toEqual({ status: 200, body: '' });
    const apps = parsed(call('GET', '/api/serve/applications/')).applications;
    expect(apps.hello.status).toBe('DEPLOYING');
    expect(
      Object.keys(parsed(call('GET', '/api/serve/applications/')).proxies),
    ).toHaveLength(2);
  });

  it('lists the nodes in the state API (totals only, with detail, limit and filters)', () => {
    const nodes = parsed(call('GET', '/api/v0/nodes'));
    expect(nodes).toMatchObject({
      result: true,
      msg: '',
      data: {
        result: {
          total: 2,
          num_after_truncation: 2,
          num_filtered: 2,
          partial_failure_warning: '',
          warnings: null,
        },
      },
    });
    const [headNode, worker] = nodes.data.result.result;
    expect(headNode).toEqual({
      node_id: expect.stringMatching(/^[0-9a-f]{56}$/),
      node_ip: '10.244.0.2',
      is_head_node: true,
      state: 'ALIVE',
      state_message: null,
      node_name: '10.244.0.2',
      resources_total: {
        CPU: 1, // rayStartParams num-cpus wins over the limit
        memory: Math.floor(8 * 2 ** 30 * 0.7),
        object_store_memory: Math.floor(8 * 2 ** 30 * 0.3),
        'node:10.244.0.2': 1,
        'node:__internal_head__': 1,
      },
      labels: { 'ray.io/node-id': headNode.node_id },
    });
    expect(worker.resources_total).toMatchObject({ CPU: 4, GPU: 1 });
    const detailed = parsed(call('GET', '/api/v0/nodes?detail=1&limit=1'));
    expect(detailed.data.result).toMatchObject({
      total: 2,
      num_after_truncation: 1,
    });
    expect(detailed.data.result.result[0]).toMatchObject({
      start_time_ms: Date.parse('2026-12-03T07:00:00Z'),
      end_time_ms: 0,
    });
    const workers = parsed(
      call(
        'GET',
        '/api/v0/nodes?filter_keys=is_head_node&filter_predicates=%3D&filter_values=False',
      ),
    );
    expect(workers.data.result.result.map((n: any) => n.node_ip)).toEqual([
      '10.244.0.3',
    ]);
    expect(call('GET', '/api/v0/nodes?limit=abc')).toMatchObject({
      status: 400,
      body: JSON.stringify({
        result: false,
        msg: "invalid literal for int() with base 10: 'abc'",
        data: { result: null },
      }),
    });
    expect(
      parsed(
        call(
          'GET',
          '/api/v0/nodes?filter_keys=nonsense&filter_predicates=%3D&filter_values=x',
        ),
      ).msg,
    ).toMatch(/^The given filter column nonsense is not supported/);
  });

  it('reports used resources: /nodes summary text and the camel-cased cluster status', () => {
    call('POST', '/api/jobs/', {
      body: {
        entrypoint: 'python train.py',
        submission_id: 'a',
        entrypoint_num_cpus: 0.5,
      },
    });
    call('POST', '/api/jobs/', {
      body: {
        entrypoint: 'python big.py',
        submission_id: 'b',
        entrypoint_num_cpus: 8,
      },
    });
    clock.advance(DEFAULT_RAY_TIMINGS.jobPendingMs);

    const summary = parsed(call('GET', '/nodes?view=summary'));
    expect(summary.msg).toBe('Node summary fetched.');
    const headSummary = summary.data.summary[0];
    expect(headSummary.raylet).toMatchObject({
      isHeadNode: true,
      state: 'ALIVE',
      startTimeMs: String(Date.parse('2026-12-03T07:00:00Z')),
      endTimeMs: '0',
      resourcesTotal: { CPU: 1, 'node:InternalHead': 1, 'node:10.244.0.2': 1 },
    });
    expect(headSummary.raylet.resourcesTotal.objectStoreMemory).toBeGreaterThan(
      0,
    );
    expect(summary.data.nodeLogicalResources[headSummary.raylet.nodeId]).toBe(
      '1.0/1.0 CPU\n0B/5.60GiB memory\n0B/2.40GiB object_store_memory',
    );
    expect(call('GET', '/nodes')).toMatchObject({
      status: 500,
      body: JSON.stringify({
        result: false,
        msg: 'Unknown view None',
        data: {},
      }),
    });
    expect(
      parsed(call('GET', '/nodes?view=hostNameList')).data.hostNameList,
    ).toEqual(['rc-head-abcde', 'rc-gpu-worker-fghij']);

    const status = parsed(call('GET', '/api/cluster_status'));
    expect(status.msg).toBe('Got cluster status.');
    const report = status.data.clusterStatus.loadMetricsReport;
    // 8.5 CPUs wanted, 5 there
    expect(report.usage.CPU).toEqual([5, 5]);
    expect(report.usage.objectStoreMemory[1]).toBeGreaterThan(0);
    expect(report.usage['node:InternalHead']).toEqual([0, 1]);
    expect(report.resourceDemand).toEqual([[{ CPU: 3.5 }, 1]]);
    expect(Object.keys(report.nodeTypes[0][0])).toContain(
      'object_store_memory',
    );
    expect(
      Object.keys(status.data.clusterStatus.autoscalerReport.activeNodes)[0],
    ).toMatch(/^node[0-9A-Fa-f]+/);
    const text = parsed(call('GET', '/api/cluster_status?format=1'));
    expect(text.msg).toBe('Got formatted cluster status.');
    expect(text.data.clusterStatus).toMatch(
      /^======== Autoscaler status: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} ========\nNode status\n-{63}\nActive:\n 1 node_[0-9a-f]{56}\n 1 node_[0-9a-f]{56}\nPending:\n/,
    );
    expect(text.data.clusterStatus).toContain(
      'Total Usage:\n 5.0/5.0 CPU\n 0.0/1.0 GPU\n 0B/16.80GiB memory\n 0B/7.20GiB object_store_memory\n',
    );
    expect(
      text.data.clusterStatus.endsWith(
        "Pending Demands:\n {'CPU': 3.5}: 1+ pending tasks/actors",
      ),
    ).toBe(true);

    // the same demand as the state API shows it to either autoscaler
    const pendingQuery =
      'detail=1&filter_keys=state&filter_predicates=%3D&filter_values=';
    const tasks = parsed(
      call('GET', `/api/v0/tasks?${pendingQuery}PENDING_NODE_ASSIGNMENT`),
    ).data.result;
    expect(tasks.result).toEqual([
      expect.objectContaining({
        state: 'PENDING_NODE_ASSIGNMENT',
        required_resources: { CPU: 3.5 },
      }),
    ]);
    expect(
      parsed(call('GET', `/api/v0/tasks?${pendingQuery}RUNNING`)).data.result
        .result,
    ).toEqual([]);
    expect(
      parsed(call('GET', `/api/v0/actors?${pendingQuery}PENDING_CREATION`)).data
        .result,
    ).toMatchObject({ total: 0, result: [] });
    expect(call('GET', '/api/v0/tasks?filter_keys=colour')).toMatchObject({
      status: 400,
    });
  });

  it('has no structured cluster status under autoscaler v2', () => {
    start({ autoscalerV2: true });
    expect(parsed(call('GET', '/api/cluster_status')).data).toEqual({
      autoscalingStatus: null,
      autoscalingError: null,
      clusterStatus: null,
    });
    expect(
      parsed(call('GET', '/api/cluster_status?format=1')).data.clusterStatus,
    ).toContain('Idle:\n (no idle nodes)');
  });
});
