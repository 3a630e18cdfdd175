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

/** A condition as tenants and workloads report it. */
export interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
}

/** Anything with a phase and conditions: a tenant, a RayCluster, a RayJob … */
export interface Observed {
  phase: string;
  conditions: Condition[];
}

function describeCondition({ type, status, reason, message }: Condition) {
  const why = [reason, message].filter(Boolean).join(': ');
  return `${type} ${status}${why ? ` (${why})` : ''}`;
}

/**
 * The lines for the task log between two observations: the phase when it
 * changed, then each condition whose status, reason or message changed.
 */
export function statusChanges(
  before: Observed | undefined,
  after: Observed,
): string[] {
  const lines: string[] = [];
  if (before?.phase !== after.phase) {
    lines.push(
      before
        ? `Phase: ${before.phase} → ${after.phase}`
        : `Phase: ${after.phase}`,
    );
  }
  const previous = new Map(before?.conditions.map(c => [c.type, c]));
  for (const condition of after.conditions) {
    const old = previous.get(condition.type);
    if (
      !old ||
      old.status !== condition.status ||
      old.reason !== condition.reason ||
      old.message !== condition.message
    ) {
      lines.push(`  ${describeCondition(condition)}`);
    }
  }
  return lines;
}

/** The conditions that do not hold yet, for a timeout's or failure's message. */
export function pendingConditions(observed: Observed): string {
  const pending = observed.conditions.filter(c => c.status !== 'True');
  return pending.length
    ? pending.map(describeCondition).join('; ')
    : 'no condition reported yet';
}
