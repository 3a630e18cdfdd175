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

import { randomUUID } from 'node:crypto';

/** A fault to inject into matching requests. Unset matchers match everything. */
export interface FaultRule {
  /** Kubernetes verb: get, list, create, update, patch, apply, delete, deletecollection, discovery. */
  verb?: string;
  /** Resource (plural), e.g. `helmreleases`; `helmreleases/status` matches only the subresource. */
  resource?: string;
  group?: string;
  namespace?: string;
  name?: string;
  /** Answer with this HTTP status and a Status body instead of performing the request. */
  status?: number;
  /** Delay the answer (or the error) by this much. */
  latencyMs?: number;
  /** Never answer: the client times out. */
  hang?: boolean;
  /** Chance in 0..1 that a matching request is faulted (default 1). */
  probability?: number;
  /** Apply to the next N matching requests only. */
  times?: number;
  /** Message of the Status body. */
  message?: string;
  /** 'host' or 'vcluster:<namespace>/<name>'; unset matches every cluster. */
  cluster?: string;
}

export interface FaultInjector {
  add(rule: FaultRule): string;
  remove(id: string): void;
  clear(): void;
  /** The active rules (with the remaining `times`). */
  list(): Array<FaultRule & { id: string }>;
}

export interface RequestFacts {
  verb: string;
  resource: string;
  subresource?: string;
  group: string;
  namespace?: string;
  name?: string;
  cluster: string;
}

export interface FaultDecision {
  latencyMs: number;
  status?: number;
  hang?: boolean;
  message?: string;
}

function matches(rule: FaultRule, f: RequestFacts): boolean {
  if (rule.verb !== undefined && rule.verb !== f.verb) return false;
  if (rule.resource !== undefined) {
    const full = f.subresource ? `${f.resource}/${f.subresource}` : f.resource;
    if (rule.resource !== f.resource && rule.resource !== full) return false;
    if (rule.resource.includes('/') && rule.resource !== full) return false;
  }
  if (rule.group !== undefined && rule.group !== f.group) return false;
  if (rule.namespace !== undefined && rule.namespace !== f.namespace)
    return false;
  if (rule.name !== undefined && rule.name !== f.name) return false;
  if (rule.cluster !== undefined && rule.cluster !== f.cluster) return false;
  return true;
}

export class Faults implements FaultInjector {
  private rules: Array<{ id: string; rule: FaultRule }> = [];

  add(rule: FaultRule): string {
    if (
      rule.status !== undefined &&
      (!Number.isInteger(rule.status) || rule.status < 100 || rule.status > 599)
    ) {
      throw new Error(`kube-sim: invalid fault status ${rule.status}`);
    }
    const id = randomUUID();
    this.rules.push({ id, rule: { ...rule } });
    return id;
  }

  remove(id: string) {
    this.rules = this.rules.filter(r => r.id !== id);
  }

  clear() {
    this.rules = [];
  }

  list(): Array<FaultRule & { id: string }> {
    return this.rules.map(r => ({ id: r.id, ...r.rule }));
  }

  /** Decides the fault for a request (and consumes `times`). Latencies of matching rules add up. */
  decide(facts: RequestFacts): FaultDecision | undefined {
    let decision: FaultDecision | undefined;
    for (const r of [...this.rules]) {
      if (!matches(r.rule, facts)) continue;
      const p = r.rule.probability ?? 1;
      if (p < 1 && Math.random() >= p) continue;
      const isError = r.rule.status !== undefined || r.rule.hang;
      if (isError && (decision?.status !== undefined || decision?.hang))
        continue;
      decision = decision ?? { latencyMs: 0 };
      decision.latencyMs += r.rule.latencyMs ?? 0;
      if (r.rule.hang) decision.hang = true;
      else if (r.rule.status !== undefined) {
        decision.status = r.rule.status;
        decision.message = r.rule.message;
      }
      if (r.rule.times !== undefined) {
        r.rule.times -= 1;
        if (r.rule.times <= 0) this.remove(r.id);
      }
    }
    return decision;
  }
}

export interface RequestRecord {
  verb: string;
  resource: string;
  group: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** HTTP status answered (0 when the request was left hanging). */
  status: number;
  /** 'host' or 'vcluster:<namespace>/<name>'. */
  cluster: string;
}

export type RequestFilter = Partial<
  Pick<
    RequestRecord,
    | 'verb'
    | 'resource'
    | 'subresource'
    | 'group'
    | 'namespace'
    | 'name'
    | 'status'
    | 'cluster'
  >
>;

export interface RequestStats {
  readonly requests: RequestRecord[];
  reset(): void;
  count(filter?: RequestFilter): number;
}

export class Stats implements RequestStats {
  readonly requests: RequestRecord[] = [];
  /** Oldest records are dropped past this many. */
  private readonly max = 200_000;

  record(r: RequestRecord) {
    this.requests.push(r);
    if (this.requests.length > this.max)
      this.requests.splice(0, this.requests.length - this.max);
  }

  reset() {
    this.requests.length = 0;
  }

  count(filter: RequestFilter = {}): number {
    let n = 0;
    for (const r of this.requests) {
      let ok = true;
      for (const [k, v] of Object.entries(filter)) {
        if (v !== undefined && (r as any)[k] !== v) {
          ok = false;
          break;
        }
      }
      if (ok) n++;
    }
    return n;
  }
}
