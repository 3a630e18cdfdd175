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

import { randomBytes } from 'node:crypto';
import type { SimClock } from './clock';
import { EntrypointRun, simulateEntrypoint } from './entrypoint';
import { RayHttpError } from './http';
import {
  AIOHTTP_500,
  jobAgentError,
  pythonType,
  submitValidationError,
} from './pythonErrors';

export type JobStatus =
  | 'PENDING'
  | 'RUNNING'
  | 'STOPPED'
  | 'SUCCEEDED'
  | 'FAILED';

const TERMINAL: JobStatus[] = ['STOPPED', 'SUCCEEDED', 'FAILED'];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL.includes(status);
}

/** How long simulated jobs take, in simulated-clock milliseconds. */
export interface JobTimings {
  /** PENDING (runtime env set-up) before RUNNING; default 500. */
  jobPendingMs: number;
  /** RUNNING before SUCCEEDED or FAILED; default 2000. */
  jobRunningMs: number;
  /** From a stop request to STOPPED; default 200. */
  jobStopMs: number;
}

/** Where the drivers of a head run. */
export interface DriverNode {
  ip: string;
  nodeId: string;
}

const SUBMIT_FIELDS = [
  'entrypoint',
  'submission_id',
  'job_id',
  'runtime_env',
  'metadata',
  'entrypoint_num_cpus',
  'entrypoint_num_gpus',
  'entrypoint_memory',
  'entrypoint_resources',
  'entrypoint_label_selector',
];

interface SimJob {
  submissionId: string;
  jobId: string | null;
  status: JobStatus;
  entrypoint: string;
  message: string;
  errorType: string | null;
  startTime: number;
  endTime: number | null;
  metadata: Record<string, string> | null;
  runtimeEnv: Record<string, any> | null;
  driver: { id: string; ip: string; pid: string; nodeId: string } | null;
  exitCode: number | null;
  logs: string;
  run: EntrypointRun;
  /** Ray resources the job holds while it runs. */
  demand: Record<string, number>;
  /** Bumped on stop, so that a run's pending transitions are dropped. */
  epoch: number;
}

/** Ray's log timestamp, `2026-12-03 07:00:43,905`. */
function logTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)},${iso.slice(20, 23)}`;
}

/** Ray job ids are 4-byte little-endian counters in hex: job 2 is `02000000`. */
function rayJobId(n: number): string {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b.toString('hex');
}

/** `raysubmit_` and 16 letters or digits, as Ray generates submission ids. */
function generateSubmissionId(): string {
  const alphabet =
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return `raysubmit_${[...randomBytes(16)]
    .map(b => alphabet[b % alphabet.length])
    .join('')}`;
}

function redactEnv(runtimeEnv: Record<string, any> | null) {
  if (!runtimeEnv?.env_vars) return runtimeEnv;
  return {
    ...runtimeEnv,
    env_vars: Object.fromEntries(
      Object.keys(runtimeEnv.env_vars).map(k => [k, '<redacted>']),
    ),
  };
}

/** Parses and validates a submit body as Ray's `JobSubmitRequest` does (null values dropped). */
function parseSubmit(body: Buffer): Record<string, any> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new RayHttpError(500, AIOHTTP_500);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new RayHttpError(500, AIOHTTP_500);
  const req = Object.fromEntries(
    Object.entries(parsed).filter(([, v]) => v !== null),
  );
  const fail = (last: string) =>
    new RayHttpError(400, submitValidationError(last));
  const unknown = Object.keys(req).find(k => !SUBMIT_FIELDS.includes(k));
  if (unknown)
    throw fail(
      `TypeError: JobSubmitRequest.__init__() got an unexpected keyword argument '${unknown}'`,
    );
  if (!('entrypoint' in req))
    throw fail(
      "TypeError: JobSubmitRequest.__init__() missing 1 required positional argument: 'entrypoint'",
    );
  if (typeof req.entrypoint !== 'string')
    throw fail(
      `TypeError: entrypoint must be a string, got ${pythonType(
        req.entrypoint,
      )}`,
    );
  for (const key of ['submission_id', 'job_id']) {
    if (key in req && typeof req[key] !== 'string')
      throw fail(
        `TypeError: ${key} must be a string if provided, got ${pythonType(
          req[key],
        )}`,
      );
  }
  if ('runtime_env' in req && pythonType(req.runtime_env) !== "<class 'dict'>")
    throw fail(
      `TypeError: runtime_env must be a dict, got ${pythonType(
        req.runtime_env,
      )}`,
    );
  if ('metadata' in req) {
    if (pythonType(req.metadata) !== "<class 'dict'>")
      throw fail(
        `TypeError: metadata must be a dict, got ${pythonType(req.metadata)}`,
      );
    const bad = Object.values(req.metadata).find(v => typeof v !== 'string');
    if (bad !== undefined)
      throw fail(
        `TypeError: metadata values must be strings, got ${pythonType(bad)}`,
      );
  }
  return req;
}

/**
 * The jobs of one simulated Ray head: submission (validated like Ray's `JobSubmitRequest`),
 * the lifecycle PENDING → RUNNING → SUCCEEDED | FAILED (or STOPPED) on the simulated clock, logs
 * and the JobDetails JSON of Ray 2.60.
 */
export class JobTable {
  private readonly jobs = new Map<string, SimJob>();
  private drivers = 0;
  private listCalls = 0;

  constructor(
    private readonly clock: SimClock,
    private readonly timings: JobTimings,
    private readonly driverNode: () => DriverNode,
    private readonly changed: () => void,
  ) {}

  /** `POST /api/jobs/`: returns `{job_id, submission_id}` (job_id echoes the submission id). */
  submit(body: Buffer): { job_id: string; submission_id: string } {
    const req = parseSubmit(body);
    const submissionId: string =
      req.submission_id ?? req.job_id ?? generateSubmissionId();
    if (this.jobs.has(submissionId))
      throw new RayHttpError(
        500,
        jobAgentError(
          'submit_job',
          400,
          `ValueError: Job with submission_id ${submissionId} already exists. Please use a different submission_id.`,
        ),
      );
    const run = simulateEntrypoint(req.entrypoint);
    const job: SimJob = {
      submissionId,
      jobId: null,
      status: 'PENDING',
      entrypoint: req.entrypoint,
      message: req.runtime_env
        ? 'Job has not started yet. It may be waiting for the runtime environment to be set up.'
        : 'Job has not started yet.',
      errorType: null,
      startTime: this.clock.now(),
      endTime: null,
      metadata: req.metadata ?? null,
      runtimeEnv: req.runtime_env ?? null,
      driver: null,
      exitCode: null,
      logs: '',
      run,
      demand: {
        CPU: req.entrypoint_num_cpus ?? (run.connectsToRay ? 1 : 0),
        GPU: req.entrypoint_num_gpus ?? 0,
        memory: req.entrypoint_memory ?? 0,
        ...(req.entrypoint_resources ?? {}),
      },
      epoch: 0,
    };
    this.jobs.set(submissionId, job);
    this.clock.after(this.timings.jobPendingMs, () => this.start(job, 0));
    this.changed();
    return { job_id: submissionId, submission_id: submissionId };
  }

  /** A job by submission id or Ray job id; 404 text otherwise. */
  find(id: string): SimJob {
    const job =
      this.jobs.get(id) ?? [...this.jobs.values()].find(j => j.jobId === id);
    if (!job) throw new RayHttpError(404, `Job ${id} does not exist`);
    return job;
  }

  /** Every job, in an order that changes from call to call (Ray's list is unordered too). */
  list(): SimJob[] {
    const all = [...this.jobs.values()];
    const shift = all.length ? this.listCalls++ % all.length : 0;
    return [...all.slice(shift), ...all.slice(0, shift)];
  }

  stop(id: string): { stopped: boolean } {
    const job = this.find(id);
    if (isTerminal(job.status)) return { stopped: false };
    job.epoch++;
    const epoch = job.epoch;
    this.clock.after(this.timings.jobStopMs, () => {
      if (job.epoch !== epoch || isTerminal(job.status)) return;
      this.finish(job, 'STOPPED', null, 'Job was intentionally stopped.');
    });
    return { stopped: true };
  }

  delete(id: string): { deleted: boolean } {
    const job = this.find(id);
    if (!isTerminal(job.status))
      throw new RayHttpError(
        500,
        jobAgentError(
          'delete_job',
          500,
          `RuntimeError: Attempted to delete job '${job.submissionId}', but it is in a non-terminal state ${job.status}.`,
        ),
      );
    this.jobs.delete(job.submissionId);
    this.changed();
    return { deleted: true };
  }

  logs(id: string): { logs: string } {
    return { logs: this.find(id).logs };
  }

  /** Ray resources held by the running jobs, summed. */
  demand(): Record<string, number> {
    const total: Record<string, number> = {};
    for (const job of this.jobs.values()) {
      if (job.status !== 'RUNNING') continue;
      for (const [k, v] of Object.entries(job.demand))
        if (v) total[k] = (total[k] ?? 0) + Number(v);
    }
    return total;
  }

  /** Ray's JobDetails; browsers (`redact`) see `<redacted>` env var values. */
  details(job: SimJob, redact = false): Record<string, unknown> {
    return {
      type: 'SUBMISSION',
      job_id: job.jobId,
      submission_id: job.submissionId,
      driver_info: job.driver
        ? {
            id: job.driver.id,
            node_ip_address: job.driver.ip,
            pid: job.driver.pid,
          }
        : null,
      status: job.status,
      entrypoint: job.entrypoint,
      message: job.message,
      error_type: job.errorType,
      start_time: job.startTime,
      end_time: job.endTime,
      metadata: job.metadata,
      runtime_env: redact ? redactEnv(job.runtimeEnv) : job.runtimeEnv,
      driver_agent_http_address: job.driver
        ? `http://${job.driver.ip}:52365`
        : null,
      driver_node_id: job.driver?.nodeId ?? null,
      driver_exit_code: job.exitCode,
    };
  }

  private start(job: SimJob, epoch: number) {
    if (job.epoch !== epoch || job.status !== 'PENDING') return;
    const node = this.driverNode();
    const t = () => logTime(this.clock.now());
    job.status = 'RUNNING';
    job.message = 'Job is currently running.';
    job.logs =
      `${t()}\tINFO job_manager.py:581 -- Runtime env is setting up.\n` +
      `Running entrypoint for job ${job.submissionId}: ${job.entrypoint}\n`;
    if (job.run.connectsToRay) {
      job.jobId = rayJobId(++this.drivers);
      job.driver = {
        id: job.jobId,
        ip: node.ip,
        pid: String(1000 + Math.floor(Math.random() * 30000)),
        nodeId: node.nodeId,
      };
      job.logs +=
        `${t()}\tINFO worker.py:1691 -- Using address ${
          node.ip
        }:6379 set in the environment variable RAY_ADDRESS\n` +
        `${t()}\tINFO worker.py:1841 -- Connecting to existing Ray cluster at address: ${
          node.ip
        }:6379...\n` +
        `${t()}\tINFO worker.py:2029 -- Connected to Ray cluster. View the dashboard at \u001b[1m\u001b[32mhttp://${
          node.ip
        }:8265 \u001b[39m\u001b[22m\n`;
    }
    this.clock.after(this.timings.jobRunningMs, () =>
      this.complete(job, epoch),
    );
    this.changed();
  }

  private complete(job: SimJob, epoch: number) {
    if (job.epoch !== epoch || job.status !== 'RUNNING') return;
    job.logs += job.run.output.map(line => `${line}\n`).join('');
    const code = job.run.exitCode;
    if (code === 0) {
      this.finish(job, 'SUCCEEDED', 0, 'Job finished successfully.');
      return;
    }
    const tail = job.logs
      .slice(job.logs.indexOf('Running entrypoint'))
      .slice(-20_000);
    job.errorType = 'JOB_ENTRYPOINT_COMMAND_ERROR';
    this.finish(
      job,
      'FAILED',
      code,
      `Job entrypoint command failed with exit code ${code}, last available logs (truncated to 20,000 chars):\n${tail}`,
    );
  }

  private finish(
    job: SimJob,
    status: JobStatus,
    exitCode: number | null,
    message: string,
  ) {
    job.status = status;
    job.exitCode = exitCode;
    job.message = message;
    job.endTime = this.clock.now();
    this.changed();
  }
}
