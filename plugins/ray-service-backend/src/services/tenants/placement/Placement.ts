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

import { ConflictError } from '@backstage/errors';
import {
  ComputeProfile,
  HostClusterCapacity,
  IsolationMode,
  ResourceAmounts,
} from '@ray-service/plugin-ray-service-common';
import { AccessService } from '../../../access/AccessService';
import { Caller } from '../../../access/callers';
import { HostClusterProbe } from '../../../hostClusters/HostClusterProbe';
import { Fetched, fetched } from '../../../lib/fetched';
import { KeyedMutex } from '../../../lib/KeyedMutex';
import { FieldNotFoundError } from '../../../lib/validation';
import { RayServiceStore } from '../../../store/RayServiceStore';
import { PlacedTenant } from '../../../store/types';
import {
  CapacityTotals,
  computeCapacity,
  HostCapacity,
  profileCapacityRequest,
} from './capacity';
import { judge, Judgement, pick, PlacementCandidate, refusals } from './judge';
import { awaitingQuota, PendingTenants, pendingTenants } from './pending';

/** What a new tenant asks of placement. */
export interface PlacementRequest {
  name: string;
  /** The host cluster asked for, if any; else the best fitting one. */
  hostCluster?: string;
  profile: ComputeProfile;
  isolation: IsolationMode;
}

/** A candidate cluster as read from the cluster, before pending tenants count. */
type Surveyed = Omit<PlacementCandidate, 'pending'>;

function amounts(totals: CapacityTotals): ResourceAmounts {
  return { cpu: totals.cpu, memory: totals.memory, extended: totals.extended };
}

/** Capacity as the REST API shows it. */
export function capacityView(
  hostCluster: string,
  capacity: HostCapacity,
  checkedAt: string,
): HostClusterCapacity {
  return {
    hostCluster,
    nodes: capacity.nodes.map(node => ({
      name: node.name,
      allocatable: {
        cpu: node.cpu,
        memory: node.memory,
        extended: node.extended,
      },
      ...(node.gpuModel && { gpuModel: node.gpuModel }),
    })),
    allocatable: amounts(capacity.allocatable),
    reserved: amounts(capacity.reserved),
    free: amounts(capacity.free),
    gpusByModel: capacity.allocatable.gpusByModel,
    checkedAt,
  };
}

/**
 * Where a new tenant goes: the host cluster asked for if the tenant fits
 * there, else the fitting one with the most free GPUs (then CPU). Free
 * capacity is what the cluster's quotas leave minus what this portal's
 * tenants hold whose quotas are not there yet. Creates that may land on the
 * same cluster place and insert one after the other (see {@link place}).
 */
export class Placement {
  /**
   * Held per candidate host cluster from placement through the insert, so
   * that a create sees the tenants created just before it; across replicas
   * the database's lock of the cluster does (see {@link place}).
   */
  private readonly locks = new KeyedMutex();

  constructor(
    private readonly deps: {
      store: RayServiceStore;
      hostClusters: HostClusterProbe;
      access: AccessService;
    },
  ) {}

  /**
   * Picks the host cluster, runs `prepare` with it (checks that need the
   * cluster), then `commit` in a transaction that first confirms the pick
   * against the tenants of that cluster in the database. Creates of this
   * backend instance that may land on the same cluster run one at a time;
   * the transaction's lock of the cluster (see `lockHostCluster`) also
   * serializes the confirm and commit of other replicas' creates, so each
   * create counts every tenant committed before it.
   *
   * @throws ConflictError with each cluster's reason when none fits.
   */
  async place<T>(
    request: PlacementRequest,
    steps: {
      prepare(hostCluster: string): Promise<void>;
      commit(tx: RayServiceStore, hostCluster: string): Promise<T>;
    },
  ): Promise<T> {
    return this.locks.run(this.candidates(request), async () => {
      const surveyed = await this.survey(request);
      const hostCluster = this.chosen(
        request,
        await this.judgeAll(surveyed, request, this.deps.store),
      );
      await steps.prepare(hostCluster);
      return this.deps.store.transaction(async tx => {
        await tx.lockHostCluster(hostCluster);
        this.chosen(
          { ...request, hostCluster },
          await this.judgeAll(
            surveyed.filter(candidate => candidate.name === hostCluster),
            request,
            tx,
          ),
        );
        return steps.commit(tx, hostCluster);
      });
    });
  }

  /** The host cluster a tenant would go on now, without holding it. */
  async pick(request: PlacementRequest): Promise<string> {
    return this.chosen(
      request,
      await this.judgeAll(await this.survey(request), request, this.deps.store),
    );
  }

  /** Preflight and capacity of each candidate cluster, read from the clusters. */
  private async survey(request: PlacementRequest): Promise<Surveyed[]> {
    const { hostClusters } = this.deps;
    const names = this.candidates(request);
    if (names.length === 0) {
      throw new ConflictError('no host cluster is configured');
    }
    return Promise.all(
      names.map(async name => {
        const preflight = await hostClusters.recentPreflight(name);
        const capacity: Fetched<HostCapacity> = preflight.passed
          ? await fetched(async () =>
              computeCapacity(await hostClusters.capacity(name)),
            )
          : { error: 'not checked' };
        return { name, preflight, capacity };
      }),
    );
  }

  /** Each surveyed cluster judged with what its pending tenants in `store` hold. */
  private judgeAll(
    surveyed: Surveyed[],
    request: PlacementRequest,
    store: RayServiceStore,
  ): Promise<Judgement[]> {
    const capacityRequest = profileCapacityRequest(request.profile);
    return Promise.all(
      surveyed.map(async candidate => {
        const { capacity } = candidate;
        const pending =
          'value' in capacity
            ? await this.pending(
                store,
                await store.tenants.placedOn(candidate.name),
                capacity.value,
              )
            : undefined;
        return judge(
          { ...candidate, pending },
          capacityRequest,
          request.isolation,
        );
      }),
    );
  }

  /** @throws ConflictError when no cluster fits. */
  private chosen(request: PlacementRequest, judgements: Judgement[]): string {
    const picked = pick(judgements);
    if (!picked) {
      throw new ConflictError(
        request.hostCluster
          ? `tenant "${request.name}" cannot go on host cluster ${refusals(
              judgements,
            )}`
          : `no host cluster can take tenant "${request.name}": ${refusals(
              judgements,
            )}`,
      );
    }
    return picked;
  }

  /** Nodes' allocatable resources and what tenant quotas reserve (admins only). */
  async capacityView(
    credentials: Caller,
    hostCluster: string,
  ): Promise<HostClusterCapacity> {
    await this.deps.access.requireAdmin(credentials);
    const capacity = computeCapacity(
      await this.deps.hostClusters.capacity(hostCluster),
    );
    return capacityView(hostCluster, capacity, new Date().toISOString());
  }

  /** @throws FieldNotFoundError (404 naming the field) when the asked cluster is not configured. */
  private candidates(request: PlacementRequest): string[] {
    const { names } = this.deps.hostClusters;
    if (request.hostCluster && !names.includes(request.hostCluster)) {
      throw FieldNotFoundError.of(
        ['hostCluster'],
        `"${request.hostCluster}" is not a configured host cluster`,
      );
    }
    return request.hostCluster ? [request.hostCluster] : names;
  }

  /** What the tenants of a cluster whose quotas `capacity` did not count hold. */
  private async pending(
    store: RayServiceStore,
    tenants: PlacedTenant[],
    capacity: HostCapacity,
  ): Promise<PendingTenants> {
    const waiting = awaitingQuota(tenants, capacity.quotaNamespaces);
    const profiles = await store.profiles.getMany([
      ...new Set(waiting.map(tenant => tenant.profile)),
    ]);
    return pendingTenants(
      waiting,
      new Map(profiles.map(profile => [profile.name, profile])),
    );
  }
}
