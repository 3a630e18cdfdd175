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

import { performance } from 'node:perf_hooks';
import type {
  PassReport,
  ReconcileLoop,
} from '../../src/provisioning/loop/ReconcileLoop';

/** Provisioning fails after this many rounds without more converged tenants. */
const STALLED_ROUNDS = 5;

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function roundSummary(reports: PassReport[]) {
  const outcomes = reports.flatMap(r => r.result?.tenants ?? []);
  const stat = (key: 'lists' | 'applies' | 'deletes' | 'gets') =>
    sum(reports.map(r => r.result?.stats[key] ?? 0));
  return {
    converged: outcomes.filter(o => o.converged).length,
    ready: outcomes.filter(o => o.status.phase === 'Ready').length,
    orphans: sum(reports.map(r => r.result?.orphans.length ?? 0)),
    errors: reports
      .filter(r => r.error)
      .map(r => `${r.hostCluster}: ${r.error}`),
    lists: stat('lists'),
    applies: stat('applies'),
    deletes: stat('deletes'),
    gets: stat('gets'),
    statusWrites: sum(reports.map(r => r.statusWrites)),
    planned: sum(reports.map(r => r.planned)),
    replanned: sum(reports.map(r => r.replanned)),
    planMs: sum(reports.map(r => r.planMs)),
  };
}

export type RoundSummary = ReturnType<typeof roundSummary>;

/**
 * Passes of every cluster (concurrently), round after round with
 * `betweenRounds` between them, until all `tenants` converged and nothing
 * is orphaned; prints each round. Fails after `limitMs`, or after a few
 * rounds without more converged tenants.
 */
export async function provisionAll(
  loop: ReconcileLoop,
  tenants: number,
  options: { betweenRounds: () => Promise<unknown>; limitMs: number },
): Promise<{ ms: number; firstRound: RoundSummary }> {
  const provisioningStart = performance.now();
  let firstRound: RoundSummary | undefined;
  let best = 0;
  let stalled = 0;
  for (let round = 1; ; round++) {
    const started = performance.now();
    const summary = roundSummary(await loop.runAll());
    firstRound ??= summary;
    console.log(
      `  round ${round}: ${seconds(performance.now() - started)}, ${
        summary.applies
      } applies, ${summary.gets} gets, ${summary.lists} lists; ${
        summary.ready
      } Ready, ${summary.converged} converged${
        summary.errors.length ? `; errors: ${summary.errors.join('; ')}` : ''
      }`,
    );
    if (summary.converged === tenants && summary.orphans === 0) {
      break;
    }
    stalled = summary.converged > best ? 0 : stalled + 1;
    best = Math.max(best, summary.converged);
    if (performance.now() - provisioningStart > options.limitMs) {
      throw new Error(`not converged after ${seconds(options.limitMs)}`);
    }
    if (stalled >= STALLED_ROUNDS) {
      throw new Error(
        `no progress in ${STALLED_ROUNDS} rounds: the same tenants are written every pass`,
      );
    }
    await options.betweenRounds();
  }
  const ms = performance.now() - provisioningStart;
  console.log(`Provisioned ${tenants} tenants to Ready in ${seconds(ms)}.\n`);
  return { ms, firstRound };
}
