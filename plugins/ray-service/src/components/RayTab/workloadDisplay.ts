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
  RayJobStatus,
  WorkloadPhase,
} from '@ray-service/plugin-ray-service-common';
import { StatusKind } from '../shared';

export const WORKLOAD_PHASE_STATUS: Record<WorkloadPhase, StatusKind> = {
  Ready: 'ok',
  Running: 'ok',
  Succeeded: 'ok',
  Pending: 'pending',
  Provisioning: 'pending',
  Suspended: 'aborted',
  Stopped: 'aborted',
  Deleting: 'aborted',
  Failed: 'error',
  Unknown: 'warning',
};

export const JOB_STATUS: Record<RayJobStatus, StatusKind> = {
  PENDING: 'pending',
  RUNNING: 'pending',
  SUCCEEDED: 'ok',
  STOPPED: 'aborted',
  FAILED: 'error',
};

const SETTLED: ReadonlySet<WorkloadPhase> = new Set([
  'Ready',
  'Suspended',
  'Succeeded',
  'Failed',
  'Stopped',
]);

/** Whether a workload is still moving, so its table is worth polling often. */
export function isWorkloadChanging(workload: { phase: WorkloadPhase }) {
  return !SETTLED.has(workload.phase);
}
