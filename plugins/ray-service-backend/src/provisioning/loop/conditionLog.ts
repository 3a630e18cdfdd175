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

import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  TenantCondition,
  TenantPhase,
} from '@ray-service/plugin-ray-service-common';

/**
 * Reasons that say why a tenant is stuck, not how far it got: a request
 * the API server refused (a 403 names its verb and resource), an object it
 * finds invalid, a kind it does not serve, a release that failed, a tenant
 * that cannot be planned. Logged at warn; every other change at info.
 */
const STALL_REASONS: ReadonlySet<string> = new Set([
  'ApplyFailed',
  'DeleteFailed',
  'ObserveFailed',
  'Invalid',
  'KindNotServed',
  'ProbeFailed',
  'InstallFailed',
  'UpgradeFailed',
  'VClusterUnreachable',
  'HostClusterUnavailable',
  'ProfileMissing',
  'TemplateVersionMissing',
  'PlanFailed',
]);

export interface StatusChange {
  tenant: string;
  hostCluster: string;
  before: { phase: TenantPhase; conditions: TenantCondition[] };
  after: { phase: TenantPhase; conditions: TenantCondition[] };
}

const changed = (before: TenantCondition | undefined, after: TenantCondition) =>
  !before || before.status !== after.status || before.reason !== after.reason;

/**
 * One line per change: conditions whose status or reason changed (a
 * message that only counts something down is no change), those with the
 * same reason and message (one cause) together, at the level the change
 * deserves. A tenant whose conditions stay as they are logs nothing,
 * however many passes it waits.
 */
export function logStatusChange(logger: LoggerService, change: StatusChange) {
  const previous = new Map(change.before.conditions.map(c => [c.type, c]));
  const causes = new Map<string, TenantCondition[]>();
  for (const condition of change.after.conditions) {
    if (changed(previous.get(condition.type), condition)) {
      const cause = `${condition.reason}\n${condition.message}`;
      causes.set(cause, [...(causes.get(cause) ?? []), condition]);
    }
  }
  for (const conditions of causes.values()) {
    const { reason, message } = conditions[0];
    const which = conditions.map(c => `${c.type} ${c.status}`).join(', ');
    const line = `tenant ${change.tenant} on ${change.hostCluster} (${change.after.phase}): ${which} (${reason}): ${message}`;
    const stall = conditions.some(
      c => c.status !== 'True' && STALL_REASONS.has(c.reason),
    );
    if (stall) {
      logger.warn(line);
    } else {
      logger.info(line);
    }
  }
}
