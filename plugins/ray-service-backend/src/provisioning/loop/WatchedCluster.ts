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

import { BackoffQueue, BackoffQueueOptions } from '../../lib/BackoffQueue';
import type { ObservationInformers } from '../../reconciler/informers';
import type { DeliveryController } from '../../vocabulary';
import type { Desired } from './desired';

/** The backoff of tenants that have not converged: 1 s, doubling up to 5 min. */
export const DEFAULT_TENANT_BACKOFF = { baseMs: 1_000, maxMs: 300_000 };

/** What a pass is given for a tenant: a new one of these means a pass is due. */
interface Handed {
  plan: unknown;
  generation: number;
  deleting: boolean;
  failure?: string;
}

function handed({ tenant, failure }: Desired): Handed {
  return {
    plan: tenant.plan,
    generation: tenant.generation,
    deleting: tenant.deleting,
    failure: failure?.message,
  };
}

const same = (a: Handed | undefined, b: Handed) =>
  a !== undefined &&
  a.plan === b.plan && // the plan memo hands out the same plan while its inputs stay
  a.generation === b.generation &&
  a.deleting === b.deleting &&
  a.failure === b.failure;

/** How a tenant came out of a pass, as far as its requeue is concerned. */
export interface Settled {
  key: string;
  /** Not converged, but no reason to think that waiting cannot help. */
  waiting: boolean;
  /** Its status changed in this pass: its backoff starts over. */
  progressed: boolean;
}

/**
 * A host cluster the loop watches: its informers, the tenants queued for a
 * pass (each alone, with its own backoff) and what the last pass was given
 * for each tenant, so that a change in the database queues just that
 * tenant.
 */
export class WatchedCluster {
  readonly queue: BackoffQueue;
  private seen = new Map<string, Handed>();
  /** The next pass looks at every tenant (the first one, and after a failed pass). */
  fullPassDue = true;

  constructor(
    readonly informers: ObservationInformers,
    readonly deliveryController: DeliveryController | undefined,
    backoff: Partial<BackoffQueueOptions> = {},
  ) {
    this.queue = new BackoffQueue({ ...DEFAULT_TENANT_BACKOFF, ...backoff });
  }

  /**
   * The tenant keys a pass is about: those due in the queue and those whose
   * desired state changed since the last pass (new, changed, removed from
   * the database); undefined for a full pass. Takes them from the queue.
   */
  scope(desired: Map<string, Desired>): Set<string> | undefined {
    const scope = new Set(this.queue.take());
    const now = new Map<string, Handed>();
    for (const [key, tenant] of desired) {
      const given = handed(tenant);
      now.set(key, given);
      if (!same(this.seen.get(key), given)) {
        scope.add(key);
      }
    }
    for (const key of this.seen.keys()) {
      if (!now.has(key)) {
        scope.add(key); // gone from the database: its objects are orphans
      }
    }
    this.seen = now;
    if (this.fullPassDue) {
      this.fullPassDue = false;
      return undefined;
    }
    return scope;
  }

  /**
   * After a pass: a waiting tenant (and an orphan still being torn down) is
   * queued again after its backoff, which starts over when it progressed;
   * the others leave the queue's memory. Answers the tenants requeued.
   */
  settle(tenants: Settled[], orphans: string[]): number {
    for (const { key, waiting, progressed } of tenants) {
      if (!waiting || progressed) {
        this.queue.forget(key);
      }
      if (waiting) {
        this.queue.retry(key);
      }
    }
    for (const key of orphans) {
      this.queue.retry(key);
    }
    return tenants.filter(t => t.waiting).length + orphans.length;
  }
}
