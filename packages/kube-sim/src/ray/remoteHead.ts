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

import type { RayHeadClient } from './client';
import { httpExchange } from './httpExchange';

/** A real Ray head kube-sim stands in front of (`rayDashboard` option). */
export interface RealDashboard {
  /** e.g. `http://127.0.0.1:8265` */
  url: string;
  /** The head's token (RAY_AUTH_TOKEN), if it has token auth. */
  token?: string;
  /** How often the controllers' client polls it; default 1000 ms. */
  pollMs?: number;
}

interface Cached {
  value?: any;
  /** Asked for: polled from then on (a job until it has ended). */
  wanted: boolean;
  fetching: boolean;
}

const ENDED = ['STOPPED', 'SUCCEEDED', 'FAILED'];

/**
 * The client of a real Ray head, as KubeRay's dashboard client talks to it: JSON over HTTP
 * with `X-Ray-Authorization: Bearer <token>`. Reads answer from a cache that a poll keeps
 * fresh (every `pollMs`) once the controllers asked — a job until it has ended, the Serve
 * applications as long as the head is used —; a changed answer calls `changed`, which makes
 * the controllers look again (they reconcile on changes only).
 */
export class RemoteRayHead implements RayHeadClient {
  private readonly jobs = new Map<string, Cached>();
  private readonly serve: Cached = { wanted: false, fetching: false };
  private readonly submitted = new Set<string>();
  private timer?: NodeJS.Timeout;
  private stopped = false;

  private readonly pollMs: number;

  constructor(
    private readonly dashboard: RealDashboard,
    private readonly changed: () => void,
  ) {
    this.pollMs = dashboard.pollMs ?? 1000;
  }

  submitJob(request: Record<string, unknown>): void {
    const id = String(request.submission_id ?? '');
    if (this.submitted.has(id)) return;
    this.submitted.add(id);
    this.send('POST', '/api/jobs/', request).then(() => this.refreshJob(id));
  }

  jobInfo(submissionId: string): Record<string, any> | undefined {
    return this.want(this.jobs.get(submissionId) ?? this.track(submissionId));
  }

  stopJob(submissionId: string): void {
    this.send('POST', `/api/jobs/${encodeURIComponent(submissionId)}/stop`);
  }

  serveApplications(): Record<string, any> | undefined {
    return this.want(this.serve)?.applications;
  }

  updateServeConfig(config: Record<string, unknown>): void {
    this.send('PUT', '/api/serve/applications/', config).then(() =>
      this.refreshServe(),
    );
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private track(id: string): Cached {
    const cached: Cached = { wanted: false, fetching: false };
    this.jobs.set(id, cached);
    return cached;
  }

  private want(cached: Cached) {
    cached.wanted = true;
    this.schedule();
    return cached.value;
  }

  /** Polls what was asked for: jobs that have not ended, the Serve applications. */
  private schedule() {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const [id, cached] of this.jobs)
        if (cached.wanted && !ENDED.includes(cached.value?.status))
          this.refreshJob(id);
      if (this.serve.wanted) this.refreshServe();
    }, this.pollMs);
    this.timer.unref?.();
  }

  private refreshJob(id: string) {
    this.refresh(
      this.jobs.get(id) ?? this.track(id),
      `/api/jobs/${encodeURIComponent(id)}`,
    );
  }

  private refreshServe() {
    this.refresh(this.serve, '/api/serve/applications/');
  }

  private async refresh(cached: Cached, path: string) {
    if (cached.fetching || this.stopped) return;
    cached.fetching = true;
    try {
      const res = await this.send('GET', path);
      const value =
        res?.status === 200 ? JSON.parse(res.body.toString('utf8')) : undefined;
      if (JSON.stringify(value) !== JSON.stringify(cached.value)) {
        cached.value = value;
        this.changed();
      }
    } catch {
      // unreachable or not JSON: keep what is known and ask again on the next poll
    } finally {
      cached.fetching = false;
      if (cached.wanted) this.schedule();
    }
  }

  private async send(method: string, path: string, body?: unknown) {
    if (this.stopped) return undefined;
    const url = new URL(path, this.dashboard.url);
    try {
      return await httpExchange(
        url,
        method,
        {
          'User-Agent': 'kube-sim-kuberay',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(this.dashboard.token
            ? { 'X-Ray-Authorization': `Bearer ${this.dashboard.token}` }
            : {}),
        },
        body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
      );
    } catch {
      return undefined;
    }
  }
}
