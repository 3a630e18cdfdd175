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

import type { KubeSim } from '../../index';
import { eventually, mergePatch, raw } from '../../__testUtils__/helpers';
import {
  createRay,
  gpuWorkers,
  rayClusterSpec,
  rayStatus,
  readyRayCluster,
  startRaySim,
  withUnreadyRaySim,
} from '../../__testUtils__/ray';

jest.setTimeout(30_000);

const PENDING_MS = 10_000;
const RUNNING_MS = 60_000;

describe('KubeRay RayJob', () => {
  let sim: KubeSim;
  const job = (name: string) =>
    sim.objects.get('ray.io/v1', 'RayJob', 'jobs', name);
  const jobStatus = (
    name: string,
    check: (s: any) => boolean,
    timeoutMs?: number,
  ) => rayStatus(sim.objects, 'jobs', 'RayJob', name, check, timeoutMs);
  const clusterGone = (name: string) =>
    eventually(
      () =>
        sim.objects.get('ray.io/v1', 'RayCluster', 'jobs', name) === undefined,
    );
  const deploymentStatus = (name: string, status: string, timeoutMs?: number) =>
    jobStatus(name, s => s.jobDeploymentStatus === status, timeoutMs);

  beforeAll(async () => {
    sim = await startRaySim('jobs', {
      // jobs move on only when a test advances the simulated Ray clock
      ray: {
        jobPendingMs: PENDING_MS,
        jobRunningMs: RUNNING_MS,
        jobStopMs: 100,
      },
    });
  });
  afterAll(() => sim.stop());

  it('creates its cluster, submits the job and follows it to Complete', async () => {
    await createRay(sim, 'jobs', 'RayJob', 'train', {
      entrypoint: `python -c "print('hi')"`,
      metadata: { owner: 'team-a' },
      rayClusterSpec: rayClusterSpec([gpuWorkers(1)]),
    });
    const initializing = await deploymentStatus('train', 'Initializing');
    expect(initializing.metadata.finalizers).toEqual([
      'ray.io/rayjob-finalizer',
    ]);
    expect(initializing.status.jobId).toMatch(/^train-[a-z0-9]{5}$/);
    expect(initializing.status.rayClusterName).toMatch(/^train-[a-z0-9]{5}$/);
    expect(initializing.status.jobStatus).toBeUndefined(); // JobStatusNew is ""

    const running = await jobStatus('train', s => s.jobStatus === 'PENDING');
    const { rayClusterName, jobId } = running.status;
    expect(running.status).toMatchObject({
      jobDeploymentStatus: 'Running',
      dashboardURL: `${rayClusterName}-head-svc.jobs.svc.cluster.local:8265`,
      message: 'Job has not started yet.',
    });
    const cluster = sim.objects.get(
      'ray.io/v1',
      'RayCluster',
      'jobs',
      rayClusterName,
    )!;
    expect(cluster.metadata.ownerReferences[0]).toMatchObject({
      kind: 'RayJob',
      name: 'train',
    });
    expect(cluster.metadata.labels).toMatchObject({
      'ray.io/originated-from-cr-name': 'train',
      'ray.io/originated-from-crd': 'RayJob',
    });
    expect(
      sim.objects.get('v1', 'Service', 'jobs', 'train-head-svc')?.spec.selector,
    ).toMatchObject({
      'ray.io/cluster': rayClusterName,
    });
    const submitter = sim.objects.get('batch/v1', 'Job', 'jobs', 'train')!;
    expect(submitter.spec.template.spec.containers[0].args[0]).toContain(
      `--submission-id ${jobId} -- python -c "print('hi')"`,
    );

    sim.ray.advance(PENDING_MS);
    await jobStatus('train', s => s.jobStatus === 'RUNNING');
    sim.ray.advance(RUNNING_MS);
    const done = await deploymentStatus('train', 'Complete');
    expect(done.status).toMatchObject({
      jobStatus: 'SUCCEEDED',
      message: 'Job finished successfully.',
      succeeded: 1,
      failed: 0,
    });
    expect(Date.parse(done.status.endTime)).toBeGreaterThanOrEqual(
      Date.parse(done.status.startTime),
    );
    expect(done.status.rayJobInfo.startTime).toMatch(/Z$/);
    expect(done.status.rayClusterStatus.state).toBe('ready');
    expect(
      sim.objects.get('batch/v1', 'Job', 'jobs', 'train')?.status,
    ).toMatchObject({
      succeeded: 1,
    });
    // the cluster stays: shutdownAfterJobFinishes is not set
    expect(
      sim.objects.get('ray.io/v1', 'RayCluster', 'jobs', rayClusterName),
    ).toBeDefined();
  });

  it('fails with AppFailed when the entrypoint exits non-zero', async () => {
    await createRay(sim, 'jobs', 'RayJob', 'broken', {
      entrypoint:
        'python -c "import sys; print(\'about to fail\'); sys.exit(3)"',
      submissionMode: 'HTTPMode',
      rayClusterSpec: rayClusterSpec(),
    });
    await jobStatus('broken', s => s.jobStatus === 'PENDING');
    expect(
      sim.objects.get('batch/v1', 'Job', 'jobs', 'broken'),
    ).toBeUndefined(); // HTTPMode
    sim.ray.advance(PENDING_MS + RUNNING_MS);
    const failed = await deploymentStatus('broken', 'Failed');
    expect(failed.status).toMatchObject({
      jobStatus: 'FAILED',
      reason: 'AppFailed',
      failed: 1,
    });
    expect(failed.status.message).toMatch(
      /^Job entrypoint command failed with exit code 3, last available logs \(truncated to 20,000 chars\):\nRunning entrypoint for job broken-\w{5}: python -c .*\nabout to fail\n$/,
    );
  });

  it('runs on an existing cluster through clusterSelector and leaves it alone', async () => {
    await readyRayCluster(sim, 'jobs', 'shared', rayClusterSpec());
    await createRay(sim, 'jobs', 'RayJob', 'adhoc', {
      entrypoint: 'echo hello',
      clusterSelector: { 'ray.io/cluster': 'shared' },
      shutdownAfterJobFinishes: false,
    });
    await jobStatus('adhoc', s => s.jobStatus === 'PENDING');
    expect(job('adhoc')!.status.rayClusterName).toBe('shared');
    sim.ray.advance(PENDING_MS + RUNNING_MS);
    await jobStatus('adhoc', s => s.jobDeploymentStatus === 'Complete');
    expect(
      sim.objects.get('v1', 'Service', 'jobs', 'adhoc-head-svc'),
    ).toBeUndefined();
    expect(
      sim.objects.get('ray.io/v1', 'RayCluster', 'jobs', 'shared'),
    ).toBeDefined();
  });

  it('deletes its cluster ttlSecondsAfterFinished after the end with shutdownAfterJobFinishes', async () => {
    await createRay(sim, 'jobs', 'RayJob', 'once', {
      entrypoint: 'echo once',
      shutdownAfterJobFinishes: true,
      ttlSecondsAfterFinished: 0,
      rayClusterSpec: rayClusterSpec(),
    });
    const running = await jobStatus('once', s => s.jobStatus === 'PENDING');
    sim.ray.advance(PENDING_MS + RUNNING_MS);
    const done = await deploymentStatus('once', 'Complete');
    expect(done.status.rayClusterName).toBe(running.status.rayClusterName);
    await clusterGone(running.status.rayClusterName);
  });

  it('fails with DeadlineExceeded after activeDeadlineSeconds', async () => {
    // the job never leaves PENDING (the Ray clock is not advanced): only the deadline can end it
    await createRay(sim, 'jobs', 'RayJob', 'slow', {
      entrypoint: 'echo slow',
      activeDeadlineSeconds: 1,
      rayClusterSpec: rayClusterSpec(),
    });
    const failed = await deploymentStatus('slow', 'Failed', 15_000);
    expect(failed.status.reason).toBe('DeadlineExceeded');
    expect(failed.status.message).toMatch(
      /^The RayJob has passed the activeDeadlineSeconds/,
    );
  });

  it('suspends (deleting its cluster) and resumes', async () => {
    await createRay(sim, 'jobs', 'RayJob', 'pausable', {
      entrypoint: 'echo later',
      shutdownAfterJobFinishes: true,
      rayClusterSpec: rayClusterSpec(),
    });
    const running = await jobStatus('pausable', s => s.jobStatus === 'PENDING');
    const path = '/apis/ray.io/v1/namespaces/jobs/rayjobs/pausable';
    await mergePatch(sim, path, { spec: { suspend: true } });
    const suspended = await deploymentStatus('pausable', 'Suspended');
    expect(suspended.status.rayClusterName).toBeUndefined();
    await clusterGone(running.status.rayClusterName);
    await mergePatch(sim, path, { spec: { suspend: false } });
    const again = await jobStatus('pausable', s => s.jobStatus === 'PENDING');
    expect(again.status.rayClusterName).not.toBe(running.status.rayClusterName);
  });

  it('is ValidationFailed without rayClusterSpec or clusterSelector', async () => {
    await createRay(sim, 'jobs', 'RayJob', 'nothing', { entrypoint: 'echo' });
    const invalid = await deploymentStatus('nothing', 'ValidationFailed');
    expect(invalid.status).toMatchObject({
      reason: 'ValidationFailed',
      message:
        'The RayJob spec is invalid: one of RayClusterSpec or ClusterSelector must be set',
    });
  });

  it('stops its Ray job when deleted (finalizer), then goes', async () => {
    await createRay(sim, 'jobs', 'RayJob', 'doomed', {
      entrypoint: 'python -c "import ray; ray.init()"',
      rayClusterSpec: rayClusterSpec(),
    });
    const running = await jobStatus('doomed', s => s.jobStatus === 'PENDING');
    const { rayClusterName, jobId } = running.status;
    expect(
      (
        await raw(
          sim,
          'DELETE',
          '/apis/ray.io/v1/namespaces/jobs/rayjobs/doomed',
        )
      ).status,
    ).toBe(200);
    await eventually(() => job('doomed') === undefined);
    sim.ray.advance(100);
    // the cluster goes with the RayJob (garbage collection); its head saw the stop first
    await clusterGone(rayClusterName);
    expect(jobId).toBeDefined();
  });
});

describe('KubeRay RayJob while its cluster is not ready', () => {
  it('stays Initializing with the cluster status mirrored', async () => {
    await withUnreadyRaySim('jobs', async sim => {
      await createRay(sim, 'jobs', 'RayJob', 'waiting', {
        entrypoint: 'echo',
        rayClusterSpec: rayClusterSpec(),
      });
      const job = await rayStatus(
        sim.objects,
        'jobs',
        'RayJob',
        'waiting',
        s => s.rayClusterStatus?.conditions?.length > 0,
      );
      expect(job.status.jobDeploymentStatus).toBe('Initializing');
      expect(job.status.dashboardURL).toBeUndefined();
    });
  });
});
