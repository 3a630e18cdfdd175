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

import type { ObservedObject } from '../kubernetes/ObjectClient';
import { findCondition } from '../kubernetes/objectConditions';
import { describeRef, refOf } from './objects';
import type { ConditionStatus } from './types';

/** How far something is from working, in the shape of a condition. */
export interface Readiness {
  status: ConditionStatus;
  reason: string;
  message: string;
  /** The controller gave up: no retry will fix it without a change. */
  failed?: boolean;
  /** An installed release is being upgraded. */
  upgrading?: boolean;
}

export const readiness = (
  status: Readiness['status'],
  reason: string,
  message: string,
): Readiness => ({ status, reason, message });

/** Flux reasons after which the helm-controller stops retrying on its own. */
const FLUX_FAILURE_REASONS = new Set([
  'InstallFailed',
  'UpgradeFailed',
  'RollbackFailed',
  'UninstallFailed',
  'TestFailed',
]);

const name = (object: ObservedObject) => describeRef(refOf(object));

/**
 * A Flux HelmRelease by its `Ready` condition. A condition older than the
 * object's generation says nothing about the current spec: the release is
 * still being installed or upgraded.
 */
export function fluxReleaseReadiness(release: ObservedObject): Readiness {
  const ready = findCondition(release, 'Ready');
  const status = (release.status ?? {}) as {
    observedGeneration?: number;
    history?: unknown[];
  };
  const installed = (status.history?.length ?? 0) > 0;
  if (!ready) {
    return {
      status: 'Unknown',
      reason: 'Pending',
      message: `${name(release)} waits for the helm-controller`,
    };
  }
  const generation = release.metadata.generation;
  const seen = ready.observedGeneration ?? status.observedGeneration;
  if (generation !== undefined && seen !== undefined && seen < generation) {
    return {
      status: 'Unknown',
      reason: 'Progressing',
      message: `${name(
        release,
      )}: generation ${generation} is not reconciled yet`,
      upgrading: installed,
    };
  }
  const reason = ready.reason ?? 'Unknown';
  const message = ready.message ?? '';
  if (ready.status === 'True') {
    return { status: 'True', reason, message };
  }
  if (ready.status === 'False') {
    const stalled = findCondition(release, 'Stalled')?.status === 'True';
    return {
      status: 'False',
      reason,
      message: `${name(release)}: ${message}`,
      failed: stalled || FLUX_FAILURE_REASONS.has(reason),
    };
  }
  return {
    status: 'Unknown',
    reason,
    message: `${name(release)}: ${message}`,
    upgrading: installed,
  };
}

/**
 * A k3s/RKE2 HelmChart: its `Failed` condition, else the helm-controller's
 * install Job (`status.jobName`). Undefined when the Job was not read.
 */
export function helmChartReadiness(
  chart: ObservedObject,
  job: ObservedObject | undefined | 'notRead',
): Readiness | undefined {
  const failedCondition = findCondition(chart, 'Failed');
  if (failedCondition?.status === 'True') {
    return {
      status: 'False',
      reason: 'InstallFailed',
      message: `${name(chart)}: ${failedCondition.message ?? 'failed'}`,
      failed: true,
    };
  }
  if (job === 'notRead') {
    return undefined;
  }
  if (!job) {
    return {
      status: 'Unknown',
      reason: 'Pending',
      message: `${name(chart)} waits for the helm-controller's install Job`,
    };
  }
  if (findCondition(job, 'Complete')?.status === 'True') {
    return {
      status: 'True',
      reason: 'Installed',
      message: `${name(job)} completed`,
    };
  }
  const jobFailed = findCondition(job, 'Failed');
  if (jobFailed?.status === 'True') {
    return {
      status: 'False',
      reason: 'InstallFailed',
      message: `${name(job)}: ${jobFailed.message ?? 'failed'}`,
      failed: true,
    };
  }
  return {
    status: 'Unknown',
    reason: 'Installing',
    message: `${name(job)} is running`,
  };
}

/** The name of a HelmChart's install Job. */
export function installJobName(chart: ObservedObject): string {
  const jobName = (chart.status as { jobName?: string } | undefined)?.jobName;
  return jobName ?? `helm-install-${chart.metadata.name}`;
}

/** A Deployment by its `Available` condition. */
export function deploymentReadiness(
  deployment: ObservedObject | undefined,
  where: string,
): Readiness {
  if (!deployment) {
    return {
      status: 'False',
      reason: 'OperatorNotFound',
      message: `no kuberay-operator Deployment ${where}`,
    };
  }
  const available = findCondition(deployment, 'Available');
  if (available?.status === 'True') {
    return {
      status: 'True',
      reason: 'OperatorAvailable',
      message: `${name(deployment)} is available ${where}`,
    };
  }
  return {
    status: 'False',
    reason: 'OperatorUnavailable',
    message: `${name(deployment)} ${where}: ${
      available?.message ?? 'not available yet'
    }`,
  };
}

const SEVERITY: Record<ConditionStatus, number> = {
  True: 0,
  Unknown: 1,
  False: 2,
};

/** The least ready of several (all True: the first). */
export function leastReady(readinesses: Readiness[]): Readiness {
  return readinesses.reduce((worst, next) =>
    SEVERITY[next.status] > SEVERITY[worst.status] ||
    (next.failed && !worst.failed && next.status === worst.status)
      ? next
      : worst,
  );
}
