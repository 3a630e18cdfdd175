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
  TenantCondition,
  TenantPhase,
} from '@ray-service/plugin-ray-service-common';
import { StatusKind } from '../shared';

/** How each phase is shown: done, under way, in trouble, failed, going. */
export const PHASE_STATUS: Record<TenantPhase, StatusKind> = {
  Ready: 'ok',
  Pending: 'pending',
  Provisioning: 'pending',
  Upgrading: 'pending',
  Degraded: 'warning',
  Failed: 'error',
  Deleting: 'aborted',
};

export const CONDITION_STATUS: Record<TenantCondition['status'], StatusKind> = {
  True: 'ok',
  False: 'warning',
  Unknown: 'pending',
};

/** Phases the reconciler leaves alone until someone changes the tenant. */
const SETTLED_PHASES: ReadonlySet<TenantPhase> = new Set(['Ready', 'Failed']);

/** Whether the tenant is still changing, so the list is worth reloading. */
export function isChanging(tenant: { phase: TenantPhase }): boolean {
  return !SETTLED_PHASES.has(tenant.phase);
}

/** The first condition that does not hold, to explain a phase at a glance. */
export function firstUnmetCondition(
  conditions: TenantCondition[],
): TenantCondition | undefined {
  return conditions.find(condition => condition.status !== 'True');
}

/** How long ago, as `kubectl get` shows it: `45s`, `12m`, `3h`, `5d`. */
export function formatAge(since: string, now: number = Date.now()): string {
  const seconds = Math.max(
    0,
    Math.floor((now - new Date(since).getTime()) / 1000),
  );
  if (Number.isNaN(seconds)) {
    return '—';
  }
  if (seconds < 60) {
    return `${seconds}s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes}m`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return `${hours}h`;
  }
  return `${Math.floor(hours / 24)}d`;
}
