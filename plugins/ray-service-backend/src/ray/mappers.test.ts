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
  RayDashboardJob,
  rayClusterStatusSchema,
  rayDashboardJobSchema,
  rayNodeSchema,
  serveApplicationSchema,
} from '@ray-service/plugin-ray-service-common';
import {
  clusterStatus,
  dashboardJob,
  dashboardJobs,
  logTail,
  rayNodes,
  rayVersion,
  serveApplications,
  stateApiItems,
  usageFromStatusText,
} from './mappers';
import { sample } from './__testUtils__/samples';

/** A job as `GET /api/jobs/` lists it (the fields the tests touch). */
interface RawJob {
  type: string;
  submission_id: string | null;
  runtime_env: { env_vars?: Record<string, string> } | null;
  [field: string]: unknown;
}

const jobsList = () => sample<RawJob[]>('jobs-list-with-driver.json');
const rawJob = (submissionId: string) =>
  jobsList().find(job => job.submission_id === submissionId) as RawJob;

/** Every environment variable value the recorded jobs were given. */
const envVarValues = (jobs: RawJob[]) =>
  jobs.flatMap(job => Object.values(job.runtime_env?.env_vars ?? {}));

const nodesDetail = () => sample('state-nodes-detail.json');
const statusV1 = () => sample('cluster-status.json');
const statusV2 = () => sample('cluster-status-v2.json');
const statusV2Text = () => sample('cluster-status-v2-format1.json');
const pendingV2 = () => [
  ...stateApiItems(sample('state-tasks-pending.json')),
  ...stateApiItems(sample('state-actors-pending.json')),
];

/** The `ray status` text of the v2 head with its "Total Usage" lines replaced. */
function statusTextWithUsage(lines: string[]) {
  const raw = statusV2Text() as { data: { clusterStatus: string } };
  raw.data.clusterStatus = raw.data.clusterStatus.replace(
    /Total Usage:\n(?: .*\n)+/,
    `Total Usage:\n${lines.map(line => ` ${line}\n`).join('')}`,
  );
  return raw;
}

const GIB = 2 ** 30;

/**
 * The recorded node and cluster status as a GPU node's with a custom resource
 * would be. Ray's dashboard camelCases every key of the cluster status,
 * resource names included (`to_camel_case`: split on `_`, `.title()` the
 * later parts): `accelerator_type:A100` there is `acceleratorType:A100`, as
 * the recorded `node:__internal_head__` is `node:InternalHead`.
 */
function gpuNodeSamples() {
  const nodes = sample<any>('state-nodes-detail.json');
  const [node] = nodes.data.result.result;
  Object.assign(node.resources_total, {
    GPU: 1,
    'accelerator_type:A100': 1,
    custom_tpu_v4x8: 4,
  });
  const status = sample<any>('cluster-status.json');
  const metrics = status.data.clusterStatus.loadMetricsReport;
  for (const usage of [metrics.usage, metrics.usageByNode[node.node_id]]) {
    Object.assign(usage, {
      GPU: [1, 1],
      'acceleratorType:A100': [0, 1],
      customTpuV4X8: [1, 4],
    });
  }
  return { nodes, status };
}

describe('dashboardJob', () => {
  it.each<[string, RawJob, Partial<RayDashboardJob>]>([
    [
      'a finished job: ISO times from epoch ms, status, metadata, env var names only',
      rawJob('color-job-2'),
      {
        jobId: '02000000',
        status: 'SUCCEEDED',
        message: 'Job finished successfully.',
        startTime: '2026-12-03T07:00:43.889Z',
        endTime: '2026-12-03T07:01:10.683Z',
        metadata: {
          owner: 'team-a',
          'backstage.io/entity': 'component:default/demo',
        },
        envVarNames: ['GREETING', 'SECRET_TOKEN'],
      },
    ],
    [
      'a running job: no end time yet',
      rawJob('long-job-1'),
      {
        jobId: '04000000',
        status: 'RUNNING',
        message: 'Job is currently running.',
        startTime: '2026-12-03T07:01:27.814Z',
        metadata: { kind: 'long' },
      },
    ],
    [
      'a pending job: no Ray job id, end time or env vars yet',
      sample('job-get-pending.json'),
      {
        status: 'PENDING',
        message:
          'Job has not started yet. It may be waiting for the runtime environment to be set up.',
        startTime: '2026-12-03T07:10:09.468Z',
      },
    ],
  ])('reads %s', (_, raw, fields) => {
    const job = dashboardJob(raw);
    expect(job).toEqual({
      submissionId: raw.submission_id,
      entrypoint: raw.entrypoint,
      ...fields,
    });
    expect(rayDashboardJobSchema.parse(job)).toEqual(job);
  });

  it('reads a job whose driver pid is a string, as Ray 2.60 sends it', () => {
    const raw = rawJob('long-job-1');
    expect(raw.driver_info).toEqual(expect.objectContaining({ pid: '15219' }));
    expect(dashboardJob(raw)?.jobId).toBe('04000000');
  });

  it('has nothing for a DRIVER job (no submission id)', () => {
    const driver = jobsList().find(job => job.type === 'DRIVER');
    expect(driver?.submission_id).toBeNull();
    expect(dashboardJob(driver)).toBeUndefined();
  });
});

describe('dashboardJobs', () => {
  const newestFirst = [
    'bad-renv-1',
    'long-job-1',
    'fail-job-1',
    'color-job-2',
    'color-job-1',
  ];

  it('drops DRIVER jobs and lists submissions newest first, whatever order Ray gave', () => {
    const ids = (raw: RawJob[]) =>
      dashboardJobs(raw).map(job => job.submissionId);
    expect(ids(jobsList())).toEqual(newestFirst);
    expect(ids(jobsList().reverse())).toEqual(newestFirst);
  });

  it('never carries an environment variable value', () => {
    const values = envVarValues(jobsList());
    expect(values).toEqual(expect.arrayContaining(['s3cr3t-value']));
    const output = JSON.stringify(dashboardJobs(jobsList()));
    for (const value of values) {
      expect(output).not.toContain(value);
    }
    for (const job of dashboardJobs(jobsList())) {
      expect(rayDashboardJobSchema.parse(job)).toEqual(job);
    }
  });

  it('answers an empty list for what is not a list', () => {
    expect(dashboardJobs({ detail: 'Not Found' })).toEqual([]);
  });
});

describe('logTail', () => {
  const logs = sample<{ logs: string }>('job-logs-succeeded.json').logs;
  const lineCount = logs.split('\n').length - 1;

  it('keeps the last lines, ANSI colours included, and says it cut', () => {
    const tail = logTail(logs, 13, 'dashboard');
    expect(tail.truncated).toBe(true);
    expect(tail.source).toBe('dashboard');
    expect(tail.logs.split('\n')).toHaveLength(14);
    expect(
      tail.logs.startsWith(
        '\u001b[32mGREEN ok\u001b[0m \u001b[1;31mBOLD RED\u001b[0m greeting=hello\n',
      ),
    ).toBe(true);
    expect(tail.logs.endsWith('tick 4\ndone\n')).toBe(true);
  });

  it('keeps the whole log, untruncated, when it has no more lines than asked', () => {
    expect(lineCount).toBeGreaterThan(10);
    for (const tail of [lineCount, lineCount + 1]) {
      expect(logTail(logs, tail, 'history')).toEqual({
        logs,
        truncated: false,
        source: 'history',
      });
    }
    expect(logTail(logs, lineCount - 1, 'history').truncated).toBe(true);
  });

  it('counts the last line of a log without a trailing newline, and adds none', () => {
    expect(logTail('a\nb\nc', 3, 'dashboard')).toMatchObject({
      logs: 'a\nb\nc',
      truncated: false,
    });
    expect(logTail('a\nb\nc', 2, 'dashboard')).toMatchObject({
      logs: 'b\nc',
      truncated: true,
    });
    expect(logTail('a\nb\nc\n', 2, 'dashboard')).toMatchObject({
      logs: 'b\nc\n',
      truncated: true,
    });
  });

  it('answers an empty log as it is', () => {
    expect(logTail('', 5, 'dashboard')).toEqual({
      logs: '',
      truncated: false,
      source: 'dashboard',
    });
  });
});

describe('rayNodes', () => {
  const head = {
    nodeId: 'a678eecd29c4f463a13af9b311a9fe3be23c8a73e73a22f7bab1579b',
    ip: '192.0.2.2',
    isHead: true,
    state: 'ALIVE',
    resourcesTotal: {
      CPU: 2,
      memory: 16453424333,
      object_store_memory: 7051467571,
    },
  };

  it("reads totals under Ray's names, without the node markers, and what is free from the cluster status", () => {
    const nodes = rayNodes(nodesDetail(), statusV1());
    expect(nodes).toEqual([
      {
        ...head,
        resourcesAvailable: {
          CPU: 1.5,
          memory: 16453424333,
          object_store_memory: 7051467571,
        },
      },
    ]);
    expect(rayNodeSchema.parse(nodes[0])).toEqual(nodes[0]);
  });

  it('has no free amounts when the cluster status has none (autoscaler v2)', () => {
    expect(rayNodes(nodesDetail(), statusV2())).toEqual([head]);
  });

  it("gives custom resources Ray's names back from the cluster status' camelCase", () => {
    const { nodes, status } = gpuNodeSamples();
    const [node] = rayNodes(nodes, status);
    expect(node.resourcesTotal).toMatchObject({
      GPU: 1,
      'accelerator_type:A100': 1,
      custom_tpu_v4x8: 4,
    });
    expect(node.resourcesAvailable).toEqual({
      CPU: 1.5,
      GPU: 0,
      memory: 16453424333,
      object_store_memory: 7051467571,
      'accelerator_type:A100': 1,
      custom_tpu_v4x8: 3,
    });
  });

  it('answers no nodes for an answer that is not the state API envelope', () => {
    expect(rayNodes('404: Not Found', statusV1())).toEqual([]);
  });
});

describe('clusterStatus', () => {
  it('reads use and demand of autoscaler v1 from the cluster status', () => {
    const status = clusterStatus(
      statusV1(),
      rayNodes(nodesDetail(), statusV1()),
      pendingV2(),
    );
    expect(status).toEqual({
      usage: [
        { resource: 'CPU', used: 0.5, total: 2 },
        { resource: 'memory', used: 0, total: 16453424333 },
        { resource: 'object_store_memory', used: 0, total: 7051467571 },
      ],
      pendingDemand: [{ resources: { CPU: 4 }, count: 1 }],
    });
    expect(rayClusterStatusSchema.parse(status)).toEqual(status);
  });

  it("names resources of autoscaler v1's use as Ray does", () => {
    const { nodes, status } = gpuNodeSamples();
    const { usage } = clusterStatus(status, rayNodes(nodes, status), []);
    expect(usage.map(({ resource }) => resource)).toEqual([
      'accelerator_type:A100',
      'CPU',
      'custom_tpu_v4x8',
      'GPU',
      'memory',
      'object_store_memory',
    ]);
    expect(usage[0]).toEqual({
      resource: 'accelerator_type:A100',
      used: 0,
      total: 1,
    });
  });

  it("reads use of autoscaler v2 from the `ray status` text and demand from the state API's pending tasks and actors", () => {
    expect(
      clusterStatus(
        statusV2(),
        rayNodes(nodesDetail(), statusV2()),
        pendingV2(),
        statusV2Text(),
      ),
    ).toEqual({
      usage: [
        { resource: 'CPU', used: 0, total: 2 },
        { resource: 'memory', used: 0, total: 15.47 * GIB },
        { resource: 'object_store_memory', used: 0, total: 6.63 * GIB },
      ],
      pendingDemand: [{ resources: { CPU: 4 }, count: 1 }],
    });
  });

  it('counts pending tasks and actors of the same shape together', () => {
    const [task] = pendingV2();
    const actor = { actor_id: 'a1', required_resources: { GPU: 1, CPU: 1 } };
    expect(
      clusterStatus(statusV2(), [], [task, actor, task], statusV2Text())
        .pendingDemand,
    ).toEqual([
      { resources: { CPU: 4 }, count: 2 },
      { resources: { GPU: 1, CPU: 1 }, count: 1 },
    ]);
  });

  it("falls back on the nodes' totals when there is no `ray status` text", () => {
    expect(
      clusterStatus(statusV2(), rayNodes(nodesDetail(), statusV2()), []).usage,
    ).toEqual([
      { resource: 'CPU', used: 0, total: 2 },
      { resource: 'memory', used: 0, total: 16453424333 },
      { resource: 'object_store_memory', used: 0, total: 7051467571 },
    ]);
  });
});

describe('usageFromStatusText', () => {
  it('reads the "Total Usage" lines, memory in binary units, into numbers', () => {
    expect(Object.fromEntries(usageFromStatusText(statusV2Text()))).toEqual({
      CPU: { used: 0, total: 2 },
      memory: { used: 0, total: 15.47 * GIB },
      object_store_memory: { used: 0, total: 6.63 * GIB },
    });
    const text = statusTextWithUsage([
      '1.5/2.0 CPU',
      '1.0/1.0 GPU',
      '512.5KiB/2.00TiB memory',
      '3B/1.5MiB object_store_memory',
    ]);
    expect(Object.fromEntries(usageFromStatusText(text))).toEqual({
      CPU: { used: 1.5, total: 2 },
      GPU: { used: 1, total: 1 },
      memory: { used: 512.5 * 2 ** 10, total: 2 * 2 ** 40 },
      object_store_memory: { used: 3, total: 1.5 * 2 ** 20 },
    });
  });

  it('reads a line of a resource used in placement groups, and the lines after it', () => {
    // Ray's format_info_string adds what placement groups reserve to such a line
    const text = statusTextWithUsage([
      '1.0/2.0 CPU (1.0 used of 1.0 reserved in placement groups)',
      '0B/15.47GiB memory',
    ]);
    expect(Object.fromEntries(usageFromStatusText(text))).toEqual({
      CPU: { used: 1, total: 2 },
      memory: { used: 0, total: 15.47 * GIB },
    });
  });

  it('answers nothing for odd input', () => {
    for (const raw of [
      undefined,
      'Total Usage:\n 1.0/2.0 CPU',
      { data: { clusterStatus: null } },
      { data: { clusterStatus: 'Resources\n---\n(no usage)\n' } },
      statusTextWithUsage(['(no resources)']),
    ]) {
      expect(usageFromStatusText(raw).size).toBe(0);
    }
  });
});

describe('serveApplications', () => {
  const hello = {
    name: 'hello',
    status: 'RUNNING',
    routePrefix: '/hello',
    deployments: [{ name: 'Hello', status: 'HEALTHY', replicas: 1 }],
  };

  it('reads an application and its deployments, never their env var values', () => {
    const raw = sample('serve-apps-running.json');
    const apps = serveApplications(raw);
    expect(apps).toEqual([hello]);
    expect(serveApplicationSchema.parse(apps[0])).toEqual(apps[0]);
    expect(JSON.stringify(raw)).toContain('serve-secret');
    expect(JSON.stringify(apps)).not.toContain('serve-secret');
  });

  it("reads a failed application with Ray's message, sorted by name", () => {
    const [broken, running] = serveApplications(
      sample('serve-apps-with-failed.json'),
    );
    expect(running).toEqual(hello);
    expect(broken).toEqual({
      name: 'broken',
      status: 'DEPLOY_FAILED',
      message: expect.stringMatching(
        /^Deploying app 'broken' failed with exception:\n[^]*ModuleNotFoundError: No module named 'no_such_module'\n$/,
      ),
      deployments: [],
    });
  });

  it('answers no applications before Serve has started', () => {
    expect(serveApplications(sample('serve-apps-before.json'))).toEqual([]);
  });
});

describe('rayVersion', () => {
  it("reads the head's Ray version and commit", () => {
    expect(rayVersion(sample('version.json'))).toEqual({
      version: '2.60.0',
      commit: 'b7f4259e944bf6959f721b106adc366ddfa0c356',
    });
  });

  it('has none for an answer without a Ray version', () => {
    expect(rayVersion({ version: '4' })).toBeUndefined();
    expect(rayVersion('Unauthorized')).toBeUndefined();
  });
});
