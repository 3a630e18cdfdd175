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

import { SimClock } from './clock';
import { RayHeadClient, simHeadClient } from './client';
import { HeadConfig, RayTimings, SimRayHead } from './head';
import { RealDashboard, RemoteRayHead } from './remoteHead';

/** Which RayCluster a head belongs to: its cluster ('host' or 'vcluster:<ns>/<name>'), namespace, name. */
export interface HeadKey {
  cluster: string;
  namespace: string;
  name: string;
}

export function headKeyString(key: HeadKey): string {
  return `${key.cluster}|${key.namespace}|${key.name}`;
}

export const DEFAULT_RAY_TIMINGS: RayTimings = {
  jobPendingMs: 500,
  jobRunningMs: 2000,
  jobStopMs: 200,
  serveDeployMs: 1000,
};

/** Where a Ray head Service's dashboard port leads. */
export type RayUpstream = { real: RealDashboard } | { head: SimRayHead };

/**
 * The simulated Ray heads of a kube-sim, one per RayCluster whose head pod runs, for the host
 * and every vcluster, on one simulated clock. A head lives as long as its head pod: a new head
 * pod (another uid) starts a fresh head without jobs or Serve applications, as a Ray head
 * without GCS fault tolerance does. Given a real Ray head (`real`), every RayCluster's head
 * is that one: the dashboard port of every head pod leads to it, and the controllers talk to
 * it.
 */
export class RayHeads {
  readonly clock = new SimClock();
  private readonly heads = new Map<
    string,
    { podUid: string; head: SimRayHead }
  >();
  private readonly remotes = new Map<string, RemoteRayHead>();
  private readonly listeners: Array<(key: HeadKey) => void> = [];

  constructor(
    private readonly timings: RayTimings = DEFAULT_RAY_TIMINGS,
    readonly real?: RealDashboard,
  ) {}

  /** The head of a RayCluster's running head pod (started if the pod is new). */
  start(key: HeadKey, podUid: string, config: HeadConfig): SimRayHead {
    const k = headKeyString(key);
    const existing = this.heads.get(k);
    if (existing?.podUid === podUid) return existing.head;
    const head = new SimRayHead(this.clock, this.timings, config, () =>
      this.emit(key),
    );
    this.heads.set(k, { podUid, head });
    return head;
  }

  get(key: HeadKey): SimRayHead | undefined {
    return this.heads.get(headKeyString(key))?.head;
  }

  /** The head pod is gone: so is its head. */
  remove(key: HeadKey): void {
    const k = headKeyString(key);
    this.remotes.get(k)?.stop();
    this.remotes.delete(k);
    if (this.heads.delete(k)) this.emit(key);
  }

  /** The client KubeRay's controllers use for a RayCluster's head, if it runs. */
  client(key: HeadKey): RayHeadClient | undefined {
    const head = this.get(key);
    if (!head) return undefined;
    if (!this.real) return simHeadClient(head);
    const k = headKeyString(key);
    let remote = this.remotes.get(k);
    if (!remote) {
      remote = new RemoteRayHead(this.real, () => this.emit(key));
      this.remotes.set(k, remote);
    }
    return remote;
  }

  /** What the dashboard port of a RayCluster's head pod leads to, if its head runs. */
  upstream(key: HeadKey): RayUpstream | undefined {
    const head = this.get(key);
    if (!head) return undefined;
    return this.real ? { real: this.real } : { head };
  }

  /**
   * Calls the listener when a head's jobs or applications change (listeners only enqueue
   * work); returns the function that stops the calls.
   */
  onChange(listener: (key: HeadKey) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  stop(): void {
    this.clock.stop();
    for (const remote of this.remotes.values()) remote.stop();
    this.remotes.clear();
    this.heads.clear();
  }

  private emit(key: HeadKey) {
    for (const l of this.listeners) l(key);
  }
}
