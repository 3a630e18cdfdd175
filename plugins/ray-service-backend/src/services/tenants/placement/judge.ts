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
  IsolationMode,
  parseQuantity,
} from '@ray-service/plugin-ray-service-common';
import { PreflightResult } from '../../../hostClusters/preflight';
import { Fetched } from '../../../lib/fetched';
import { CapacityRequest, HostCapacity, reserve } from './capacity';
import { PendingTenants } from './pending';
import {
  amountIn,
  describeShortfall,
  resourceName,
  Shortfall,
  shortfalls,
} from './shortfalls';

/** What placement knows of one host cluster. */
export interface PlacementCandidate {
  name: string;
  preflight: PreflightResult;
  capacity: Fetched<HostCapacity>;
  /** This portal's tenants there whose quotas `capacity` does not count yet. */
  pending?: PendingTenants;
}

export type Judgement =
  | { name: string; fits: true; score: [number, number] }
  | { name: string; fits: false; reason: string };

/** Namespace isolation needs the KubeRay CRDs on the host. */
const KUBERAY_CRDS_CHECK = 'kuberay-crds';

function failedChecks(preflight: PreflightResult): string {
  return preflight.checks
    .filter(check => check.status === 'fail')
    .map(check => `${check.name}: ${check.message}`)
    .join('; ');
}

/**
 * Free capacity as placement sees it: what the cluster's quotas leave,
 * minus what pending tenants hold. Pure.
 */
export function placementCapacity(
  capacity: HostCapacity,
  pending: PendingTenants | undefined,
): HostCapacity {
  return pending?.count ? reserve(capacity, pending.hold) : capacity;
}

/**
 * `2 tenants not yet provisioned hold nvidia.com/gpu 6`: what pending
 * tenants hold of the resources that fell short; undefined when they hold
 * none of them.
 */
export function pendingNote(
  found: Shortfall[],
  pending: PendingTenants | undefined,
): string | undefined {
  if (!pending?.count) {
    return undefined;
  }
  const held = found.flatMap(({ resource }) => {
    const amount = amountIn(pending.hold, resource);
    return amount ? [`${resourceName(resource)} ${amount}`] : [];
  });
  if (!held.length) {
    return undefined;
  }
  const tenants =
    pending.count === 1
      ? '1 tenant not yet provisioned holds'
      : `${pending.count} tenants not yet provisioned hold`;
  return `${tenants} ${held.join(', ')}`;
}

/**
 * Whether a tenant can go on a host cluster: preflight passed (which needs
 * the cluster reachable), the isolation mode is possible there and the
 * request fits the free capacity, net of what pending tenants hold (see
 * `placementCapacity`). Fitting clusters get a score: free units of the
 * extended resources (GPUs) the request needs, then free CPU. Pure.
 */
export function judge(
  candidate: PlacementCandidate,
  request: CapacityRequest,
  isolation: IsolationMode,
): Judgement {
  const { name, preflight, capacity } = candidate;
  if (!preflight.passed) {
    return {
      name,
      fits: false,
      reason: `preflight failed (${failedChecks(preflight)})`,
    };
  }
  const kuberay = preflight.checks.find(c => c.name === KUBERAY_CRDS_CHECK);
  if (isolation === 'namespace' && kuberay && kuberay.status !== 'pass') {
    return {
      name,
      fits: false,
      reason: `namespace isolation needs the KubeRay CRDs (${kuberay.message})`,
    };
  }
  if ('error' in capacity) {
    return {
      name,
      fits: false,
      reason: `capacity unknown (${capacity.error})`,
    };
  }
  const available = placementCapacity(capacity.value, candidate.pending);
  const found = shortfalls(available, request);
  if (found.length) {
    const note = pendingNote(found, candidate.pending);
    return {
      name,
      fits: false,
      reason: `not enough capacity (${[
        ...found.map(describeShortfall),
        ...(note ? [note] : []),
      ].join('; ')})`,
    };
  }
  const { free } = available;
  const freeUnits = Object.keys(request.extended).reduce(
    (sum, resource) => sum + (free.extended[resource] ?? 0),
    0,
  );
  return {
    name,
    fits: true,
    score: [freeUnits, parseQuantity(free.cpu, 'cpu')],
  };
}

/**
 * The fitting cluster with the highest score (ties: the first name), or
 * undefined when none fits. Deterministic for the same judgements.
 */
export function pick(judgements: Judgement[]): string | undefined {
  const fitting = judgements.filter(
    (j): j is Extract<Judgement, { fits: true }> => j.fits,
  );
  fitting.sort(
    (a, b) =>
      b.score[0] - a.score[0] ||
      b.score[1] - a.score[1] ||
      a.name.localeCompare(b.name),
  );
  return fitting[0]?.name;
}

/** Why no cluster was picked, cluster by cluster. */
export function refusals(judgements: Judgement[]): string {
  return judgements
    .map(j => `${j.name}: ${j.fits ? 'fits' : j.reason}`)
    .join('; ');
}
