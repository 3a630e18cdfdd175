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

import { NotFoundError } from '@backstage/errors';
import {
  desiredWarmCapacityAt,
  parseTemplateVersionRef,
  Pool,
  PoolAvailability,
  PoolSample,
} from '@ray-service/plugin-ray-service-common';
import { AccessService } from '../access/AccessService';
import { Caller } from '../access/callers';
import { poolActions, poolOffer } from '../provisioning/pools/poolActions';
import { RayServiceStore } from '../store/RayServiceStore';

const DAY_MS = 24 * 60 * 60 * 1000;

function median(values: number[]): number | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Warm pools as admins see them (`GET /pools`, the history), and whether a
 * profile would give a tenant at once, for everyone who may read it.
 */
export class PoolService {
  constructor(
    private readonly deps: {
      store: RayServiceStore;
      access: AccessService;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** @throws NotAllowedError for non-admins. */
  async list(credentials: Caller): Promise<Pool[]> {
    const { store, access } = this.deps;
    await access.requireAdmin(credentials);
    const now = this.now();
    const [profiles, statuses, events] = await Promise.all([
      store.profiles.listWarmPools(),
      store.pools.getStatuses(),
      store.pools.summarizeEvents(
        new Date(now.getTime() - DAY_MS).toISOString(),
      ),
    ]);
    const versions = await store.templateVersions.getMany(
      profiles.flatMap(p =>
        p.allocation.strategy === 'warmPool' && p.allocation.templateVersion
          ? [parseTemplateVersionRef(p.allocation.templateVersion)]
          : [],
      ),
    );
    return Promise.all(
      profiles.map(async profile => {
        const allocation = profile.allocation;
        if (allocation.strategy !== 'warmPool') {
          throw new Error(
            'unreachable: listWarmPools returned an on-demand profile',
          );
        }
        const version = versions.find(
          v => `${v.name}@${v.version}` === allocation.templateVersion,
        );
        const offer = poolOffer(profile, version?.isolationModes);
        const counts = poolActions(
          Number.MAX_SAFE_INTEGER,
          offer,
          await store.tenants.listPool(profile.name),
        );
        const summary = events.get(profile.name);
        const claims = summary?.claims ?? 0;
        const misses = summary?.misses ?? 0;
        const timeToReadyMs = median(summary?.readyDurationsMs ?? []);
        return {
          profile: profile.name,
          ...(allocation.templateVersion && {
            templateVersion: allocation.templateVersion,
          }),
          ...(offer && { isolation: offer.isolation }),
          timezone: allocation.timezone,
          desiredNow: offer ? desiredWarmCapacityAt(allocation, now) : 0,
          ready: counts.ready,
          provisioning: counts.provisioning,
          claims24h: claims,
          misses24h: misses,
          ...(claims + misses > 0 && { hitRatio: claims / (claims + misses) }),
          ...(timeToReadyMs !== undefined && {
            medianTimeToReadySeconds: timeToReadyMs / 1000,
          }),
          conditions: statuses.get(profile.name)?.conditions ?? [],
        };
      }),
    );
  }

  /** A pool's samples of the last `hours`, oldest first. */
  async history(
    credentials: Caller,
    profile: string,
    hours: number,
  ): Promise<PoolSample[]> {
    const { store, access } = this.deps;
    await access.requireAdmin(credentials);
    const found = await store.profiles.get(profile);
    if (!found || found.allocation.strategy !== 'warmPool') {
      throw new NotFoundError(`profile "${profile}" has no warm pool`);
    }
    const since = new Date(this.now().getTime() - hours * 60 * 60 * 1000);
    return store.pools.listSamples(profile, since.toISOString());
  }

  /** The warm-pool profiles the caller may read, and whether one is ready now. */
  async availability(credentials: Caller): Promise<PoolAvailability[]> {
    const { store, access } = this.deps;
    const filter = await access.profileFilter(credentials);
    const [profiles, ready] = await Promise.all([
      store.profiles.listWarmPools(filter),
      store.tenants.countReadyInPools(),
    ]);
    return profiles.flatMap(profile => {
      const allocation = profile.allocation;
      if (allocation.strategy !== 'warmPool' || !allocation.templateVersion) {
        return [];
      }
      const standbys = ready.filter(
        r =>
          r.pool === profile.name &&
          r.template === allocation.templateVersion &&
          (!allocation.isolation || r.isolation === allocation.isolation),
      );
      return [
        {
          profile: profile.name,
          templateVersion: allocation.templateVersion,
          ...(allocation.isolation && { isolation: allocation.isolation }),
          instant: standbys.some(r => r.count > 0),
        },
      ];
    });
  }
}
