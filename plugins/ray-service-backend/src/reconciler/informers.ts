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

import { KubeConfig, ListWatch, Watch } from '@kubernetes/client-node';
import type { ObjectClient, ObservedObject } from '../kubernetes/ObjectClient';
import { describeKubernetesError } from '../kubernetes/errors';
import { PlannedKind, managedSelector } from '../vocabulary';
import { kindKeyOf } from './objects';
import { indexByTenant, Observation } from './observe';

/** What happened to a managed object, as a watch told it. */
export type ObjectEvent = 'add' | 'update' | 'delete';

export interface ObservationInformersOptions {
  /** The host cluster's API, as the ObjectClient reaches it. */
  kubeConfig: KubeConfig;
  client: ObjectClient;
  instance: string;
  kinds: readonly PlannedKind[];
  /** Called for each object a list brings and each change a watch reports. */
  onEvent?: (event: ObjectEvent, object: ObservedObject) => void;
  /**
   * How long after a failed list or watch it starts again; default 1 s,
   * doubling with each failure in a row up to 30 s.
   */
  restartDelayMs?: number;
  /**
   * How often each kind is listed again as a safety net against a missed
   * event; default 10 minutes, 0 for never.
   */
  resyncMs?: number;
}

const DEFAULT_RESYNC_MS = 600_000;
const DEFAULT_RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;

interface KindInformer {
  kind: PlannedKind;
  informer: ListWatch<ObservedObject>;
  /** Why its last list or watch failed, until it lists again. */
  failure?: string;
  /**
   * Failures since it last listed or saw a change (ListWatch says "connect"
   * before it tries): each restart waits twice as long.
   */
  failuresInARow: number;
  restart?: NodeJS.Timeout;
  resync?: NodeJS.Timeout;
}

/** The collection of a kind across all namespaces. */
function collectionPath(kind: PlannedKind): string {
  const root = kind.apiVersion.includes('/') ? 'apis' : 'api';
  return `/${root}/${kind.apiVersion}/${kind.resource}`;
}

/**
 * The reconciler's observation of one host cluster kept by watches instead
 * of a LIST per kind per pass: one client-node informer (`ListWatch`) per
 * reconciled kind the cluster serves, by the managed-by and instance
 * labels — one LIST when it starts (and again after `410 Gone`), then a
 * WATCH from its resourceVersion, resumed after a disconnect. A failed
 * list or watch stops client-node's informer: it is started again after
 * `restartDelayMs`, and until it has listed again its kind is a failed
 * kind of the observation (nothing of it is judged or deleted). Every
 * `resyncMs` each kind is listed again by a fresh informer, a safety net
 * against an event the watch missed.
 */
export class ObservationInformers {
  private readonly informers: KindInformer[] = [];
  private stopped = false;

  constructor(private readonly options: ObservationInformersOptions) {}

  /** Starts the informers of the served kinds; resolves once each has listed (or failed). */
  async start(): Promise<void> {
    const { client, kinds } = this.options;
    const served = await Promise.all(
      kinds.map(kind => client.isServed(kind.apiVersion, kind.kind)),
    );
    await Promise.all(
      kinds.filter((_, i) => served[i]).map(kind => this.startKind(kind)),
    );
  }

  private async startKind(kind: PlannedKind): Promise<void> {
    const entry = { kind, failuresInARow: 0 } as KindInformer;
    entry.informer = this.makeInformer(entry);
    this.informers.push(entry);
    await entry.informer.start();
    const resyncMs = this.options.resyncMs ?? DEFAULT_RESYNC_MS;
    if (resyncMs > 0) {
      entry.resync = setInterval(() => void this.resync(entry), resyncMs);
      entry.resync.unref();
    }
  }

  /**
   * Lists the kind again with a fresh informer, which replaces the old one
   * once it has listed: the observation never goes empty meanwhile.
   */
  private async resync(entry: KindInformer): Promise<void> {
    const fresh = this.makeInformer(entry);
    await fresh.start();
    if (this.stopped) {
      await fresh.stop();
      return;
    }
    const old = entry.informer;
    entry.informer = fresh;
    await old.stop();
  }

  private makeInformer(entry: KindInformer): ListWatch<ObservedObject> {
    const { kubeConfig, client, instance, onEvent } = this.options;
    const { kind } = entry;
    const labelSelector = managedSelector({ instance });
    const informer = new ListWatch<ObservedObject>(
      collectionPath(kind),
      new Watch(kubeConfig),
      async () => {
        const { items, resourceVersion } = await client.listWithVersion(
          kind.apiVersion,
          kind.kind,
          { labelSelector },
        );
        entry.failuresInARow = 0;
        return {
          apiVersion: 'v1',
          kind: 'List',
          metadata: { resourceVersion },
          items,
        };
      },
      false,
      labelSelector,
    );
    if (onEvent) {
      for (const event of ['add', 'update', 'delete'] as const) {
        informer.on(event, object =>
          onEvent(event, {
            ...object,
            apiVersion: kind.apiVersion,
            kind: kind.kind,
          }),
        );
      }
    }
    // (re)connecting: a failure is forgotten unless it happens again
    informer.on('connect', () => {
      entry.failure = undefined;
    });
    // a watch that reports a change works again
    informer.on('change', () => {
      entry.failuresInARow = 0;
    });
    informer.on('error', error => {
      if (this.stopped || entry.informer !== informer) {
        return; // stopped (replaced by a resync): its abort is no failure
      }
      entry.failure = describeKubernetesError(error);
      const delayMs = Math.min(
        MAX_RESTART_DELAY_MS,
        (this.options.restartDelayMs ?? DEFAULT_RESTART_DELAY_MS) *
          2 ** entry.failuresInARow,
      );
      entry.failuresInARow++;
      entry.restart = setTimeout(() => void informer.start(), delayMs);
    });
    return informer;
  }

  /** What the caches hold now; kinds whose informer failed are failed kinds. */
  observe(): Observation {
    const failedKinds = new Map<string, string>();
    const objects: ObservedObject[] = [];
    for (const { kind, informer, failure } of this.informers) {
      if (failure !== undefined) {
        failedKinds.set(kindKeyOf(kind), failure);
        continue;
      }
      for (const object of informer.list()) {
        objects.push({
          ...object,
          apiVersion: kind.apiVersion,
          kind: kind.kind,
        });
      }
    }
    return { byTenant: indexByTenant(objects), failedKinds };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const { informer, restart, resync } of this.informers) {
      clearTimeout(restart);
      clearInterval(resync);
      await informer.stop();
    }
  }
}
