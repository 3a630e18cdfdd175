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

import type { RayHeadClient } from '../../ray/client';
import { deepEqual, KubeObject, now } from '../../util';
import { ControllerContext, updateOwnStatus } from '../context';
import { addFinalizer, removeFinalizer } from '../finalizers';
import {
  generateRayClusterName,
  generateRayJobId,
  RAY_CLUSTER_LABEL,
} from './names';
import { ownedRayCluster } from './ownedCluster';
import { headServiceName, ownerHeadService } from './services';
import {
  submissionMode,
  submitRequest,
  submitterJob,
  submitterJobStatus,
} from './jobSubmission';
import { rayJobSpecError } from './validation';

/*
 * KubeRay v1.7.0's RayJob controller (rayjob_controller.go Reconcile), its JobDeploymentStatus
 * state machine: "" (New) → Initializing (cluster created or selected, waits for `ready`) →
 * Running (the job is submitted — by kube-sim in K8sJobMode and HTTPMode — and its status is
 * mirrored from the head) → Complete | Failed; Suspending → Suspended → New; Waiting in
 * InteractiveMode. `activeDeadlineSeconds` fails it with DeadlineExceeded; with
 * `shutdownAfterJobFinishes` the cluster is deleted `ttlSecondsAfterFinished` after the end.
 */

const FINALIZER = 'ray.io/rayjob-finalizer';
const TERMINAL_JOB = ['STOPPED', 'SUCCEEDED', 'FAILED'];

function clusterOf(
  ctx: ControllerContext,
  job: KubeObject,
): KubeObject | undefined {
  const name = job.status?.rayClusterName;
  return name
    ? ctx.cluster.getObject(
        'ray.io/v1',
        'RayCluster',
        job.metadata.namespace,
        name,
      )
    : undefined;
}

function deleteClusterOf(ctx: ControllerContext, job: KubeObject) {
  const cluster = clusterOf(ctx, job);
  if (cluster)
    ctx.cluster.deleteObject(
      'ray.io/v1',
      'RayCluster',
      cluster.metadata.namespace,
      cluster.metadata.name,
    );
}

function headClient(
  ctx: ControllerContext,
  job: KubeObject,
): RayHeadClient | undefined {
  return ctx.deps.rayHeads.client({
    cluster: ctx.cluster.clusterName,
    namespace: job.metadata.namespace,
    name: job.status?.rayClusterName,
  });
}

/** `constructRayClusterForRayJob`. */
function newCluster(job: KubeObject, name: string): KubeObject {
  return ownedRayCluster(job, name, job.spec?.rayClusterSpec ?? {}, {
    labels: { 'ray.io/job-submission-mode': submissionMode(job) },
  });
}

function deadlinePassed(
  job: KubeObject,
  seconds: number | undefined,
  at: number,
): boolean {
  return (
    seconds !== undefined &&
    Date.parse(job.status?.startTime ?? '') + seconds * 1000 <= at
  );
}

/** The next status of the RayJob (a copy) and, maybe, when to look again. */
function step(
  ctx: ControllerContext,
  job: KubeObject,
  s: KubeObject,
): number | undefined {
  const spec = job.spec ?? {};
  const selector = spec.clusterSelector?.[RAY_CLUSTER_LABEL];
  const t = Date.now();
  const fail = (reason: string, message: string) => {
    s.jobDeploymentStatus = 'Failed';
    s.reason = reason;
    s.message = message;
  };
  const checkDeadlines = (): boolean => {
    if (spec.suspend) {
      s.jobDeploymentStatus = 'Suspending';
      return true;
    }
    if (deadlinePassed(job, spec.activeDeadlineSeconds, t)) {
      fail(
        'DeadlineExceeded',
        `The RayJob has passed the activeDeadlineSeconds. StartTime: ${s.startTime}. ActiveDeadlineSeconds: ${spec.activeDeadlineSeconds}`,
      );
      return true;
    }
    return false;
  };
  const untilDeadline = () =>
    spec.activeDeadlineSeconds === undefined
      ? undefined
      : Date.parse(s.startTime) + spec.activeDeadlineSeconds * 1000 - t;

  switch (s.jobDeploymentStatus ?? '') {
    case '':
      s.jobId =
        s.jobId ||
        (submissionMode(job) === 'InteractiveMode'
          ? undefined
          : spec.jobId || generateRayJobId(job.metadata.name));
      s.rayClusterName =
        s.rayClusterName ||
        selector ||
        generateRayClusterName(job.metadata.name);
      s.jobDeploymentStatus = 'Initializing';
      s.startTime = now();
      return undefined;
    case 'Initializing': {
      if (checkDeadlines()) return undefined;
      let cluster = clusterOf(ctx, job);
      if (!cluster) {
        if (selector) return ctx.settings.readyDelayMs;
        cluster = ctx.cluster.putObject(newCluster(job, s.rayClusterName));
      }
      if (!s.dashboardURL) {
        if (cluster.status?.state !== 'ready') {
          s.rayClusterStatus = cluster.status ?? {};
          return untilDeadline();
        }
        s.dashboardURL = `${headServiceName(cluster)}.${
          job.metadata.namespace
        }.svc.cluster.local:8265`;
      }
      if (submissionMode(job) === 'InteractiveMode') {
        s.jobDeploymentStatus = 'Waiting';
        return undefined;
      }
      if (submissionMode(job) === 'K8sJobMode')
        ctx.cluster.ensureObject(submitterJob({ ...job, status: s }, cluster));
      s.jobDeploymentStatus = 'Running';
      return undefined;
    }
    case 'Waiting':
      if (!spec.jobId) return undefined;
      s.jobId = spec.jobId;
      s.jobDeploymentStatus = 'Running';
      return undefined;
    case 'Running': {
      if (checkDeadlines()) return undefined;
      const cluster = clusterOf(ctx, job);
      if (!cluster) return ctx.settings.readyDelayMs;
      if (!selector) {
        const svc = ownerHeadService(job, cluster);
        const existing = ctx.cluster.getObject(
          'v1',
          'Service',
          svc.metadata.namespace,
          svc.metadata.name,
        );
        if (
          existing?.spec?.selector?.[RAY_CLUSTER_LABEL] !==
          cluster.metadata.name
        )
          ctx.cluster.putObject(svc);
      }
      const client = headClient(ctx, job);
      const mode = submissionMode(job);
      let info = client?.jobInfo(s.jobId);
      if (client && !info && (mode === 'K8sJobMode' || mode === 'HTTPMode')) {
        client.submitJob(submitRequest({ ...job, status: s }));
        info = client.jobInfo(s.jobId);
      }
      if (!info) return untilDeadline();
      const terminal = TERMINAL_JOB.includes(info.status);
      s.rayClusterStatus = cluster.status ?? {};
      s.jobStatus = info.status;
      s.message = info.message;
      delete s.reason;
      s.rayJobInfo = {
        ...(info.start_time
          ? {
              startTime: new Date(info.start_time)
                .toISOString()
                .replace(/\.\d+Z$/, 'Z'),
            }
          : {}),
        ...(info.end_time
          ? {
              endTime: new Date(info.end_time)
                .toISOString()
                .replace(/\.\d+Z$/, 'Z'),
            }
          : {}),
      };
      if (terminal) {
        s.jobDeploymentStatus =
          info.status === 'FAILED' ? 'Failed' : 'Complete';
        if (info.status === 'FAILED') s.reason = 'AppFailed';
        const submitter = ctx.cluster.getObject(
          'batch/v1',
          'Job',
          job.metadata.namespace,
          job.metadata.name,
        );
        if (submitter && !submitter.status?.completionTime)
          updateOwnStatus(ctx, submitter, () =>
            submitterJobStatus(submitter.metadata.creationTimestamp, now()),
          );
      }
      return terminal ? undefined : untilDeadline();
    }
    case 'Suspending':
    case 'Retrying': {
      if (!selector) deleteClusterOf(ctx, job);
      ctx.cluster.deleteObject(
        'batch/v1',
        'Job',
        job.metadata.namespace,
        job.metadata.name,
      );
      for (const key of [
        'rayClusterStatus',
        'rayClusterName',
        'dashboardURL',
        'jobId',
        'message',
        'reason',
        'rayJobInfo',
        'jobStatus',
      ])
        delete s[key];
      s.jobDeploymentStatus =
        s.jobDeploymentStatus === 'Suspending' ? 'Suspended' : '';
      return undefined;
    }
    case 'Suspended':
      if (!spec.suspend) {
        delete s.jobStatus;
        s.jobDeploymentStatus = '';
      }
      return undefined;
    case 'Complete':
    case 'Failed': {
      if (selector || !spec.shutdownAfterJobFinishes) return undefined;
      const shutdownAt =
        Date.parse(s.endTime) + (spec.ttlSecondsAfterFinished ?? 0) * 1000;
      if (shutdownAt > t) return shutdownAt - t;
      deleteClusterOf(ctx, job);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** `checkBackoffLimitAndUpdateStatusIfNeeded`: counts the outcome; a failure may be retried. */
function countAttempt(job: KubeObject, s: KubeObject) {
  s.failed = (s.failed ?? 0) + (s.jobDeploymentStatus === 'Failed' ? 1 : 0);
  s.succeeded =
    (s.succeeded ?? 0) +
    (s.jobDeploymentStatus === 'Complete' && s.jobStatus === 'SUCCEEDED'
      ? 1
      : 0);
  const limit = job.spec?.backoffLimit;
  if (
    s.jobDeploymentStatus === 'Failed' &&
    limit !== undefined &&
    s.failed < limit + 1 &&
    s.reason !== 'DeadlineExceeded'
  )
    s.jobDeploymentStatus = 'Retrying';
}

export function reconcileRayJob(
  ctx: ControllerContext,
  job: KubeObject,
): number | void {
  if (job.metadata.deletionTimestamp) {
    if (!TERMINAL_JOB.includes(job.status?.jobStatus) && job.status?.jobId)
      headClient(ctx, job)?.stopJob(job.status.jobId);
    removeFinalizer(ctx, job, FINALIZER);
    return undefined;
  }
  const old: KubeObject = job.status ?? {};
  const next: KubeObject = structuredClone(old);
  const invalid = rayJobSpecError(job);
  if (invalid) {
    if (
      old.jobDeploymentStatus !== 'ValidationFailed' ||
      old.message !== invalid
    )
      updateOwnStatus(ctx, job, s => ({
        ...s,
        jobDeploymentStatus: 'ValidationFailed',
        reason: 'ValidationFailed',
        message: invalid,
      }));
    return undefined;
  }
  if (!old.jobDeploymentStatus && addFinalizer(ctx, job, FINALIZER))
    return undefined;
  const again = step(ctx, job, next);
  if (!['Complete', 'Failed'].includes(old.jobDeploymentStatus))
    countAttempt(job, next);
  next.observedGeneration = job.metadata.generation ?? 1;
  if (!next.jobDeploymentStatus) delete next.jobDeploymentStatus;
  if (!next.jobStatus) delete next.jobStatus;
  const transitioned =
    old.jobStatus !== next.jobStatus ||
    old.jobDeploymentStatus !== next.jobDeploymentStatus;
  if (transitioned && ['Complete', 'Failed'].includes(next.jobDeploymentStatus))
    next.endTime = now();
  if (!deepEqual(old, next)) updateOwnStatus(ctx, job, () => next);
  return again === undefined ? undefined : Math.max(0, again);
}
