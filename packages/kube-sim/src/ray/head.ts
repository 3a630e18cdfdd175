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

import type { SimClock } from './clock';
import { JobTable, JobTimings } from './jobs';
import type { RayNode } from './nodes';
import { ServeState } from './serve';

export interface RayTimings extends JobTimings {
  /** From a Serve config PUT to the applications RUNNING; default 1000. */
  serveDeployMs: number;
}

/** What a simulated head is started with. */
export interface HeadConfig {
  /** The token Ray checks (`RAY_AUTH_MODE=token`), or undefined when auth is off. */
  authToken?: string;
  /** Ray version the head reports (the RayCluster's `rayVersion`). */
  rayVersion: string;
  /** The head runs autoscaler v2 (no structured `/api/cluster_status`). */
  autoscalerV2?: boolean;
}

/**
 * One simulated Ray head (the Ray side of one RayCluster): its jobs, Serve applications and
 * nodes. The HTTP face of it is `dashboard.ts`.
 */
export class SimRayHead {
  readonly jobs: JobTable;
  readonly serve: ServeState;
  readonly sessionName: string;
  private nodes: RayNode[] = [];

  constructor(
    readonly clock: SimClock,
    timings: RayTimings,
    readonly config: HeadConfig,
    changed: () => void,
  ) {
    const started = new Date(clock.now()).toISOString();
    this.sessionName = `session_${started.slice(0, 10)}_${started
      .slice(11, 19)
      .replace(/:/g, '-')}_${started.slice(20, 23)}000_1`;
    this.jobs = new JobTable(
      clock,
      timings,
      () => {
        const head = this.headNode();
        return { ip: head?.ip ?? '', nodeId: head?.nodeId ?? '' };
      },
      changed,
    );
    this.serve = new ServeState(
      clock,
      timings.serveDeployMs,
      () => this.nodes,
      changed,
    );
  }

  /** The running nodes (head first), as the cluster's pods say. */
  setNodes(nodes: RayNode[]) {
    this.nodes = [...nodes].sort((a, b) => Number(b.isHead) - Number(a.isHead));
  }

  allNodes(): RayNode[] {
    return this.nodes;
  }

  headNode(): RayNode | undefined {
    return this.nodes.find(n => n.isHead);
  }

  /** Resources held by running jobs and Serve replicas, capped at what the nodes have. */
  usage(): {
    used: Record<string, number>;
    total: Record<string, number>;
    pending: Record<string, number>;
  } {
    const total: Record<string, number> = {};
    for (const n of this.nodes)
      for (const [k, v] of Object.entries(n.resources))
        total[k] = (total[k] ?? 0) + v;
    const used: Record<string, number> = {};
    const pending: Record<string, number> = {};
    const demand = [this.jobs.demand(), this.serve.demand()];
    for (const d of demand) {
      for (const [k, v] of Object.entries(d)) {
        const room = (total[k] ?? 0) - (used[k] ?? 0);
        used[k] = (used[k] ?? 0) + Math.min(v, Math.max(0, room));
        if (v > room) pending[k] = (pending[k] ?? 0) + v - Math.max(0, room);
      }
    }
    return { used, total, pending };
  }
}
