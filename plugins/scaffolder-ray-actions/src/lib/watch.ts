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

import { RayActionError } from './errors';
import { Clock } from './deps';
import { Observed, pendingConditions, statusChanges } from './status';

/** How a watched object settled: as hoped, or with a reason it failed. */
export type Outcome = { done: true } | { failed: string } | undefined;

export interface WatchOptions<T> {
  /** What is watched, for messages: `Tenant "demo"`. */
  subject: string;
  /** What settling as hoped means, for a timeout's message: `Ready`. */
  goal: string;
  timeoutMs: number;
  read(): Promise<T>;
  /** The phase and conditions of an observation, whose changes are logged. */
  observe(value: T): Observed;
  outcome(value: T): Outcome;
  /** More to do with each observation, e.g. stream a job's log. */
  onObserved?(value: T): Promise<void>;
  log(line: string): void;
}

/**
 * Reads an object until it settles, writing each change of its phase and
 * conditions to the task log as it is seen. Fails with the reason when it
 * settles badly, and when `timeoutMs` passes first with the conditions that
 * still do not hold; stops when `signal` aborts.
 */
export async function watch<T>(
  options: WatchOptions<T>,
  runtime: { clock: Clock; pollIntervalMs: number; signal?: AbortSignal },
): Promise<T> {
  const { clock, pollIntervalMs, signal } = runtime;
  const deadline = clock.now() + options.timeoutMs;
  let last: Observed | undefined;
  for (;;) {
    const value = await options.read();
    const observed = options.observe(value);
    statusChanges(last, observed).forEach(line => options.log(line));
    last = observed;
    await options.onObserved?.(value);
    const outcome = options.outcome(value);
    if (outcome && 'failed' in outcome) {
      throw new RayActionError(outcome.failed);
    }
    if (outcome) {
      return value;
    }
    const left = deadline - clock.now();
    if (left <= 0) {
      throw new RayActionError(
        `${options.subject} is not ${options.goal} after ${Math.round(
          options.timeoutMs / 1000,
        )} s (phase ${observed.phase}); not yet: ${pendingConditions(
          observed,
        )}`,
      );
    }
    await clock.sleep(Math.min(pollIntervalMs, left), signal);
  }
}

/**
 * Settled as hoped in one of the `ready` phases, badly in one of the
 * `failed` ones (with the conditions that do not hold).
 */
export function phaseOutcome(
  subject: string,
  phases: { ready: string[]; failed: string[] },
) {
  return (observed: Observed): Outcome => {
    if (phases.ready.includes(observed.phase)) {
      return { done: true };
    }
    return phases.failed.includes(observed.phase)
      ? {
          failed: `${subject} is ${observed.phase}: ${pendingConditions(
            observed,
          )}`,
        }
      : undefined;
  };
}
