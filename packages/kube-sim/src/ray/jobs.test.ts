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
import { rayRefusal as refusal } from '../__testUtils__/ray';
import { JobTable } from './jobs';

const submit = (table: JobTable, body: unknown) =>
  table.submit(
    Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  );

/** The last line of a plain-text Python traceback. */
const lastLine = (text: string) => text.trimEnd().split('\n').pop();

describe('the simulated Jobs API', () => {
  let clock: SimClock;
  let table: JobTable;
  const changed = jest.fn();

  beforeEach(() => {
    clock = SimClock.manual();
    table = new JobTable(
      clock,
      { jobPendingMs: 1000, jobRunningMs: 2000, jobStopMs: 100 },
      () => ({ ip: '10.244.0.7', nodeId: 'a'.repeat(56) }),
      changed,
    );
  });
  afterEach(() => clock.stop());

  it('takes a job through PENDING, RUNNING and SUCCEEDED with Ray 2.60 JobDetails', () => {
    expect(
      submit(table, {
        entrypoint: `python -c "import ray; ray.init(); print('hi')"`,
        submission_id: 'color-job-2',
        runtime_env: { env_vars: { SECRET_TOKEN: 's3cr3t' } },
        metadata: { owner: 'team-a' },
        entrypoint_num_cpus: null,
      }),
    ).toEqual({ job_id: 'color-job-2', submission_id: 'color-job-2' });
    const pending = table.details(table.find('color-job-2'));
    expect(Object.keys(pending)).toEqual([
      'type',
      'job_id',
      'submission_id',
      'driver_info',
      'status',
      'entrypoint',
      'message',
      'error_type',
      'start_time',
      'end_time',
      'metadata',
      'runtime_env',
      'driver_agent_http_address',
      'driver_node_id',
      'driver_exit_code',
    ]);
    expect(pending).toMatchObject({
      type: 'SUBMISSION',
      job_id: null,
      driver_info: null,
      status: 'PENDING',
      message:
        'Job has not started yet. It may be waiting for the runtime environment to be set up.',
      end_time: null,
      runtime_env: { env_vars: { SECRET_TOKEN: 's3cr3t' } },
      driver_exit_code: null,
    });
    expect(Number.isInteger(pending.start_time)).toBe(true);
    expect(table.logs('color-job-2')).toEqual({ logs: '' });

    clock.advance(1000);
    const running = table.details(table.find('color-job-2'));
    expect(running).toMatchObject({
      status: 'RUNNING',
      job_id: '01000000',
      driver_info: { id: '01000000', node_ip_address: '10.244.0.7' },
      message: 'Job is currently running.',
      driver_agent_http_address: 'http://10.244.0.7:52365',
      driver_node_id: 'a'.repeat(56),
    });
    expect(typeof (running.driver_info as any).pid).toBe('string');
    // the Ray job id finds the job too
    expect(table.find('01000000').submissionId).toBe('color-job-2');

    clock.advance(2000);
    const done = table.details(table.find('color-job-2'));
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      message: 'Job finished successfully.',
      driver_exit_code: 0,
    });
    expect(done.end_time).toBeGreaterThanOrEqual(done.start_time as number);
    const { logs } = table.logs('color-job-2');
    expect(logs).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\tINFO job_manager.py:581 -- Runtime env is setting up.\n/,
    );
    expect(logs).toContain('Running entrypoint for job color-job-2: python -c');
    expect(logs).toContain(
      '\u001b[1m\u001b[32mhttp://10.244.0.7:8265 \u001b[39m\u001b[22m',
    );
    expect(logs.endsWith('hi\n')).toBe(true);
    // browsers see the env var values redacted
    expect(table.details(table.find('color-job-2'), true).runtime_env).toEqual({
      env_vars: { SECRET_TOKEN: '<redacted>' },
    });
  });

  it('answers bad submissions as Ray does (plain text, the last traceback line tells)', () => {
    expect(refusal(() => submit(table, '{"entrypoint": '))).toMatchObject({
      status: 500,
      body: '500 Internal Server Error\n\nServer got itself in trouble',
    });
    const cases: Array<[unknown, string]> = [
      [
        { submission_id: 'x' },
        "TypeError: JobSubmitRequest.__init__() missing 1 required positional argument: 'entrypoint'",
      ],
      [
        { entrypoint: 42 },
        "TypeError: entrypoint must be a string, got <class 'int'>",
      ],
      [
        { entrypoint: 'echo', bogus: 1 },
        "TypeError: JobSubmitRequest.__init__() got an unexpected keyword argument 'bogus'",
      ],
      [
        { entrypoint: 'echo', runtime_env: 'x' },
        "TypeError: runtime_env must be a dict, got <class 'str'>",
      ],
      [
        { entrypoint: 'echo', metadata: { n: 1 } },
        "TypeError: metadata values must be strings, got <class 'int'>",
      ],
    ];
    const refusals = cases.map(([body]) => refusal(() => submit(table, body)));
    expect(refusals.map(e => e.status)).toEqual(cases.map(() => 400));
    for (const e of refusals)
      expect(e.body).toMatch(/^Traceback \(most recent call last\):\n/);
    expect(refusals.map(e => lastLine(e.body))).toEqual(
      cases.map(([, last]) => last),
    );
    submit(table, { entrypoint: 'echo', submission_id: 'twice' });
    const dup = refusal(() =>
      submit(table, { entrypoint: 'echo', submission_id: 'twice' }),
    );
    expect(dup.status).toBe(500);
    expect(dup.body).toContain(
      'ValueError: Job with submission_id twice already exists. Please use a different submission_id.',
    );
    expect(refusal(() => table.find('nope'))).toMatchObject({
      status: 404,
      body: 'Job nope does not exist',
    });
  });

  it('generates raysubmit_ ids and fails a job whose entrypoint fails', () => {
    const { submission_id: id } = submit(table, {
      entrypoint: 'echo oops; exit 1',
    });
    expect(id).toMatch(/^raysubmit_[A-Za-z0-9]{16}$/);
    clock.advance(3000);
    const failed = table.details(table.find(id));
    expect(failed).toMatchObject({
      status: 'FAILED',
      job_id: null, // no driver connected
      error_type: 'JOB_ENTRYPOINT_COMMAND_ERROR',
      driver_exit_code: 1,
    });
    expect(failed.message).toBe(
      `Job entrypoint command failed with exit code 1, last available logs (truncated to 20,000 chars):\nRunning entrypoint for job ${id}: echo oops; exit 1\noops\n`,
    );
  });

  it('stops running jobs, and deletes only finished ones', () => {
    submit(table, { entrypoint: 'echo', submission_id: 'long' });
    clock.advance(1000);
    const running = refusal(() => table.delete('long'));
    expect(running.status).toBe(500);
    expect(lastLine(running.body)).toBe('.');
    expect(running.body).toContain(
      "RuntimeError: Attempted to delete job 'long', but it is in a non-terminal state RUNNING.",
    );
    expect(table.stop('long')).toEqual({ stopped: true });
    expect(table.details(table.find('long')).status).toBe('RUNNING'); // stopping takes a moment
    clock.advance(100);
    expect(table.details(table.find('long'))).toMatchObject({
      status: 'STOPPED',
      message: 'Job was intentionally stopped.',
      driver_exit_code: null,
    });
    clock.advance(10_000); // the run it interrupted does not finish it
    expect(table.details(table.find('long')).status).toBe('STOPPED');
    expect(table.stop('long')).toEqual({ stopped: false });
    expect(table.delete('long')).toEqual({ deleted: true });
    expect(refusal(() => table.find('long')).status).toBe(404);
  });

  it('lists jobs in an order that changes between calls', () => {
    for (const id of ['a', 'b', 'c'])
      submit(table, { entrypoint: 'echo', submission_id: id });
    const first = table.list().map(j => j.submissionId);
    const second = table.list().map(j => j.submissionId);
    expect([...first].sort()).toEqual(['a', 'b', 'c']);
    expect(second).not.toEqual(first);
  });
});
