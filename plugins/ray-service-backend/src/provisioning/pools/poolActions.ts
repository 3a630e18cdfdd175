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
  ComputeProfile,
  IsolationMode,
  templateVersionRef,
} from '@ray-service/plugin-ray-service-common';
import type { StoredTenant } from '../../store/RayServiceStore';

/** What a warm pool keeps ready: a version and an isolation. */
export interface PoolOffer {
  templateVersion: string;
  isolation: IsolationMode;
}

/**
 * The version and isolation of a profile's pool (the isolation defaults to
 * the version's first mode, `versionModes`), or undefined when the profile
 * has no pool, its pool no version, or the version is unknown. Pure.
 */
export function poolOffer(
  profile: Pick<ComputeProfile, 'allocation'>,
  versionModes: readonly IsolationMode[] | undefined,
): PoolOffer | undefined {
  const allocation = profile.allocation;
  if (allocation.strategy !== 'warmPool' || !allocation.templateVersion) {
    return undefined;
  }
  const isolation = allocation.isolation ?? versionModes?.[0];
  return isolation
    ? { templateVersion: allocation.templateVersion, isolation }
    : undefined;
}

/** Whether a standby runs what its pool keeps ready. */
export function offers(offer: PoolOffer, standby: StoredTenant): boolean {
  return (
    templateVersionRef(standby.template.name, standby.template.version) ===
      offer.templateVersion && standby.isolation === offer.isolation
  );
}

/** What one pass does to a pool. */
export interface PoolActions {
  /** Standbys to delete: failed ones and those of another version or isolation, then the surplus, newest first. */
  remove: StoredTenant[];
  /** How many standbys to create. */
  create: number;
  ready: number;
  provisioning: number;
}

/**
 * Desired capacity against the pool's unclaimed standbys (ready and
 * provisioning; deleting ones do not count): creates what is missing,
 * removes the surplus newest first, and replaces standbys that no longer run
 * what the pool keeps ready. Without an offer every standby goes. Pure.
 */
export function poolActions(
  desired: number,
  offer: PoolOffer | undefined,
  standbys: StoredTenant[],
): PoolActions {
  const live = standbys.filter(s => !s.deletionRequestedAt);
  const usable = (s: StoredTenant) =>
    offer !== undefined && offers(offer, s) && s.phase !== 'Failed';
  const stale = live.filter(s => !usable(s));
  const fresh = live
    .filter(usable)
    .sort(
      (a, b) =>
        b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name),
    );
  const target = offer ? desired : 0;
  const surplus = fresh.slice(0, Math.max(0, fresh.length - target));
  const kept = fresh.slice(surplus.length);
  const ready = kept.filter(s => s.phase === 'Ready').length;
  return {
    remove: [...stale, ...surplus],
    create: Math.max(0, target - kept.length),
    ready,
    provisioning: kept.length - ready,
  };
}
