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
  actionContext,
  ALICE,
  runRetried,
} from '../__testUtils__/actionContext';
import {
  errorResponse,
  fakeRayService,
  testDeps,
} from '../__testUtils__/fakeRayService';
import { rayJob, workloadPlan } from '../__testUtils__/fixtures';
import { submitJobAction } from './submitJob';

const input = {
  tenant: 'fraud-models',
  name: 'nightly-train',
  entrypoint: 'python train.py',
  cluster: { new: { head: { cpu: '2', memory: '8Gi' } } },
  runtimeEnv: { pip: ['torch==2.5.1'] },
};

function logs(lines: string[]) {
  return {
    logs: lines.map(line => `${line}\n`).join(''),
    truncated: false,
    source: 'dashboard',
  };
}

describe('ray:job:submit', () => {
  const backend = fakeRayService();

  it('submits the RayJob as the user and returns at once unless asked to wait', async () => {
    backend.on('submitRayJob', () => rayJob({ submissionId: 'raysubmit_1' }));
    const { ctx, outputs } = actionContext({ input });

    await submitJobAction(testDeps()).handler(ctx);

    const [submit] = backend.callsOf('submitRayJob');
    expect(submit).toMatchObject({
      params: { tenant: 'fraud-models' },
      body: {
        name: 'nightly-train',
        entrypoint: 'python train.py',
        cluster: input.cluster,
        runtimeEnv: input.runtimeEnv,
      },
      onBehalfOf: ALICE,
    });
    expect(backend.callsOf('getRayJob')).toHaveLength(0);
    expect(outputs).toMatchObject({
      name: 'nightly-train',
      submissionId: 'raysubmit_1',
      rayTabUrl: 'http://portal.test/catalog/default/resource/fraud-models/ray',
    });
  });

  it('leaves out what a form left blank', async () => {
    backend.on('submitRayJob', () => rayJob());
    const { ctx } = actionContext({
      input: { ...input, runtimeEnv: { pip: [], workingDir: '' } },
    });

    await submitJobAction(testDeps()).handler(ctx);

    expect(backend.callsOf('submitRayJob')[0].body).not.toHaveProperty(
      'runtimeEnv',
    );
  });

  it('waits for the end, streaming each log line into the task log once', async () => {
    backend.on('submitRayJob', () => rayJob());
    backend.sequence('getRayJob', [
      rayJob({ phase: 'Pending', jobStatus: 'PENDING' }),
      rayJob({ phase: 'Running', jobStatus: 'RUNNING' }),
      rayJob({ phase: 'Running', jobStatus: 'RUNNING' }),
      rayJob({
        phase: 'Succeeded',
        jobStatus: 'SUCCEEDED',
        clusterName: 'nightly-train-x7k2p',
      }),
    ]);
    backend.sequence('getRayJobLogs', [
      errorResponse(503, 'ServiceUnavailableError', 'the head is not ready'),
      logs(['epoch 1', 'epoch 2']),
      logs(['epoch 1', 'epoch 2', 'epoch 3', 'done']),
    ]);
    const { ctx, outputs, log } = actionContext({
      input: { ...input, waitForCompletion: true, logTailLines: 50 },
    });

    await submitJobAction(testDeps()).handler(ctx);

    expect(log).toEqual([
      'Created RayJob "nightly-train" in tenant "fraud-models"',
      'Phase: Pending (job PENDING)',
      'Phase: Pending (job PENDING) → Running (job RUNNING)',
      '(the log cannot be read yet: the head is not ready)',
      'epoch 1',
      'epoch 2',
      'Phase: Running (job RUNNING) → Succeeded (job SUCCEEDED)',
      'epoch 3',
      'done',
    ]);
    expect(backend.callsOf('getRayJobLogs')[0].params).toEqual({
      tenant: 'fraud-models',
      name: 'nightly-train',
    });
    expect(outputs).toMatchObject({
      jobStatus: 'SUCCEEDED',
      clusterName: 'nightly-train-x7k2p',
    });
  });

  it('a failed job fails the step with its message, after its last log lines', async () => {
    backend.on('submitRayJob', () => rayJob());
    backend.on('getRayJob', () =>
      rayJob({
        phase: 'Failed',
        jobStatus: 'FAILED',
        message: 'Job entrypoint command failed with exit code 1',
      }),
    );
    backend.on('getRayJobLogs', () =>
      logs([
        'Traceback (most recent call last):',
        'ZeroDivisionError: division by zero',
      ]),
    );
    const { ctx, log } = actionContext({
      input: { ...input, waitForCompletion: true },
    });

    const error = await submitJobAction(testDeps())
      .handler(ctx)
      .catch(e => e);

    expect(error.message).toBe(
      'RayJob "nightly-train" in tenant "fraud-models" FAILED: Job entrypoint command failed with exit code 1',
    );
    expect(error.stack).toBe(error.message);
    expect(log.slice(-2)).toEqual([
      'Traceback (most recent call last):',
      'ZeroDivisionError: division by zero',
    ]);
  });

  it('dry run: answers the YAML and submits nothing', async () => {
    backend.on('planRayJob', () => workloadPlan('RayJob', 'nightly-train'));
    const { ctx, outputs } = actionContext({ input, isDryRun: true });

    await submitJobAction(testDeps()).handler(ctx);

    expect(backend.calls.map(c => c.operation)).toEqual(['planRayJob']);
    expect(outputs.yaml).toBe(workloadPlan('RayJob', 'nightly-train').yaml);
  });

  it('is submitted once across retries of the task', async () => {
    backend.on('submitRayJob', () => rayJob());
    backend.sequence('getRayJob', [
      errorResponse(503, 'ServiceUnavailableError', 'host cluster unreachable'),
      rayJob({ phase: 'Succeeded', jobStatus: 'SUCCEEDED' }),
    ]);
    backend.on('getRayJobLogs', () => logs(['ok']));
    const retry = await runRetried(
      submitJobAction(testDeps()),
      { ...input, waitForCompletion: true },
      'host cluster unreachable',
    );

    expect(backend.callsOf('submitRayJob')).toHaveLength(1);
    expect(retry.outputs.jobStatus).toBe('SUCCEEDED');
  });

  it('a permission denial (403) names what was refused', async () => {
    backend.on('submitRayJob', () =>
      errorResponse(
        403,
        'NotAllowedError',
        'you may not create workloads in tenant "fraud-models"',
      ),
    );
    const { ctx } = actionContext({ input });

    await expect(submitJobAction(testDeps()).handler(ctx)).rejects.toThrow(
      'Cannot create RayJob "nightly-train" in tenant "fraud-models": not allowed: you may not create workloads in tenant "fraud-models"',
    );
  });
});
