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
  TemplateVersion,
  templateVersionRef,
  TenantRequest,
  WarmPoolAllocation,
} from '@ray-service/plugin-ray-service-common';
import { performance } from 'node:perf_hooks';
import { SingleFlight } from '../../lib/SingleFlight';
import { PoolOffer, poolOffer } from '../../provisioning/pools/poolActions';
import { RayServiceStore, StoredTenant } from '../../store/RayServiceStore';
import { PoolClaimable } from '../../store/types';
import { tenantView } from './tenantView';

/** A create request that passed the checks that need no host cluster. */
export interface CheckedRequest {
  request: TenantRequest;
  profile: ComputeProfile;
  templateVersion: TemplateVersion;
  isolation: IsolationMode;
  /** The owner group and its ancestors. */
  lineage: string[];
}

/** Claimed, or why not (no reason: the profile has no warm pool). */
export type ClaimResult = { tenant: StoredTenant } | { reason?: string };

/** Told of every claim and miss, with the time it took (metrics, the pool loop). */
export interface ClaimListener {
  claimed(profile: string, durationMs: number): void;
  missed(profile: string, durationMs: number): void;
}

/**
 * Creates that take a Ready standby of their profile's warm pool instead of
 * provisioning: the request must ask for the pool's template version and
 * isolation (and, if it names one, a host cluster the standby is on). The
 * claim, its audit entry and its pool event commit together; the database
 * makes it atomic (see `TenantsTable.claim`).
 */
export class PoolClaims {
  /** This backend's claim transactions under way, by claimable (see `take`). */
  private readonly underWay = new Map<string, Set<Promise<unknown>>>();
  private readonly readyCounts = new SingleFlight<number>();

  constructor(
    private readonly deps: {
      store: RayServiceStore;
      listener?: ClaimListener;
      now?: () => Date;
    },
  ) {}

  async claim(checked: CheckedRequest, actor: string): Promise<ClaimResult> {
    const match = claimableOf(checked);
    if (!match) {
      return {};
    }
    const { profile } = checked;
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    const { store, listener } = this.deps;
    const started = performance.now();
    const tenant =
      'claimable' in match
        ? await this.take(match.claimable, checked, actor, at)
        : undefined;
    if (!tenant) {
      await store.pools.recordEvent({
        profile: profile.name,
        kind: 'miss',
        at,
      });
    }
    const durationMs = performance.now() - started;
    if (tenant) {
      listener?.claimed(profile.name, durationMs);
      return { tenant };
    }
    listener?.missed(profile.name, durationMs);
    return { reason: 'reason' in match ? match.reason : noneReady(checked) };
  }

  /**
   * Claims a standby, with its audit entry and pool event in the same
   * transaction. A transaction starts only while the pool has more Ready
   * standbys than this backend has claims of them under way; otherwise the
   * request waits for those and counts again. In a burst beyond the pool
   * every request would else open a transaction to find nothing, and the
   * claims would wait for their connections and round trips. Atomicity is
   * the database's alone (see `TenantsTable.claim`): replicas do not see
   * each other's claims under way. An empty pool costs one read.
   */
  private async take(
    claimable: PoolClaimable,
    checked: CheckedRequest,
    actor: string,
    at: string,
  ): Promise<StoredTenant | undefined> {
    const key = JSON.stringify(claimable);
    for (;;) {
      const ready = await this.readyCounts.run(key, () =>
        this.deps.store.tenants.countClaimable(claimable),
      );
      const underWay = this.underWay.get(key);
      if (ready === 0) {
        return undefined;
      }
      if (!underWay || ready > underWay.size) {
        return this.track(key, this.claimOne(claimable, checked, actor, at));
      }
      await Promise.allSettled(underWay);
    }
  }

  private async claimOne(
    claimable: PoolClaimable,
    { request, profile }: CheckedRequest,
    actor: string,
    at: string,
  ): Promise<StoredTenant | undefined> {
    return this.deps.store.transaction(async tx => {
      const tenant = await tx.tenants.claim({
        ...claimable,
        name: request.name,
        owner: request.owner,
        claimedBy: actor,
        at,
      });
      if (!tenant) {
        return undefined;
      }
      await tx.pools.recordEvent({
        profile: profile.name,
        kind: 'claim',
        tenant: tenant.name,
        at,
      });
      await tx.auditLog.record({
        actor,
        action: 'tenant.claim',
        targetName: tenant.name,
        after: tenantView(tenant),
      });
      return tenant;
    });
  }

  /** `claim`, counted under way for its claimable until it settles. */
  private async track<T>(key: string, claim: Promise<T>): Promise<T> {
    const underWay = this.underWay.get(key) ?? new Set<Promise<unknown>>();
    this.underWay.set(key, underWay.add(claim));
    try {
      return await claim;
    } finally {
      underWay.delete(claim);
      if (underWay.size === 0 && this.underWay.get(key) === underWay) {
        this.underWay.delete(key);
      }
    }
  }

  /**
   * The standby a claim would take now, or why there is none; nothing is
   * taken or recorded (dry runs). Another claim may take it first.
   */
  async peek(checked: CheckedRequest): Promise<ClaimResult> {
    const match = claimableOf(checked);
    if (!match) {
      return {};
    }
    if ('reason' in match) {
      return match;
    }
    const tenant = await this.deps.store.tenants.nextClaimable(match.claimable);
    return tenant ? { tenant } : { reason: noneReady(checked) };
  }
}

/**
 * Which standbys the request may take, or why its pool cannot serve it;
 * undefined when its profile has no warm pool. Pure.
 */
function claimableOf(
  checked: CheckedRequest,
): { claimable: PoolClaimable } | { reason: string } | undefined {
  const { profile, request } = checked;
  if (profile.allocation.strategy !== 'warmPool') {
    return undefined;
  }
  const poolVersion = profile.allocation.templateVersion;
  const offer = poolOffer(
    profile,
    poolVersion ===
      templateVersionRef(
        checked.templateVersion.name,
        checked.templateVersion.version,
      )
      ? checked.templateVersion.isolationModes
      : undefined,
  );
  const reason = mismatchOf(profile.name, profile.allocation, offer, checked);
  if (reason) {
    return { reason };
  }
  return {
    claimable: {
      pool: profile.name,
      template: {
        name: checked.templateVersion.name,
        version: checked.templateVersion.version,
      },
      isolation: checked.isolation,
      hostCluster: request.hostCluster,
    },
  };
}

function noneReady({ profile, request }: CheckedRequest): string {
  return `the warm pool of ${profile.name} has no ready tenant${
    request.hostCluster ? ` on ${request.hostCluster}` : ''
  }`;
}

/** Why a request cannot be served by the pool it would use, if so. Pure. */
function mismatchOf(
  profile: string,
  allocation: WarmPoolAllocation,
  offer: PoolOffer | undefined,
  checked: CheckedRequest,
): string | undefined {
  if (!allocation.templateVersion) {
    return `the warm pool of ${profile} has no template version`;
  }
  const asked = templateVersionRef(
    checked.templateVersion.name,
    checked.templateVersion.version,
  );
  if (
    !offer ||
    asked !== offer.templateVersion ||
    checked.isolation !== offer.isolation
  ) {
    return `the warm pool of ${profile} keeps ${allocation.templateVersion}${
      offer ? ` (${offer.isolation})` : ''
    } ready; this tenant asks for ${asked} (${checked.isolation})`;
  }
  return undefined;
}
