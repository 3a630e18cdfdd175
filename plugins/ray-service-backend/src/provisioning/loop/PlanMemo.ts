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

import { StoredTenant } from '../../store/RayServiceStore';
import { PlanResult, PlanSources, planFor } from './desired';

/** Everything a plan depends on; a plan is made again when this changes. */
function inputKey(tenant: StoredTenant, sources: PlanSources): string {
  return JSON.stringify([
    tenant.owner,
    tenant.namespace,
    tenant.isolation,
    tenant.profile,
    tenant.template,
    sources.profile?.updatedAt,
    sources.templateVersion?.updatedAt,
    sources.host,
    sources.instance,
  ]);
}

/**
 * The last plan of each tenant of a host cluster, reused while its inputs
 * stay the same: the planner is pure, so a steady pass need not plan
 * again. Profiles and template versions change their `updatedAt` with
 * every change.
 */
export class PlanMemo {
  private readonly entries = new Map<
    string,
    { key: string; result: PlanResult }
  >();
  /** How many plans were made (not reused) so far. */
  made = 0;

  plan(tenant: StoredTenant, sources: PlanSources): PlanResult {
    const key = inputKey(tenant, sources);
    const entry = this.entries.get(tenant.namespace);
    if (entry?.key === key) {
      return entry.result;
    }
    this.made++;
    const result = planFor(tenant, sources);
    this.entries.set(tenant.namespace, { key, result });
    return result;
  }

  /** Forgets the tenants whose namespace is not among `namespaces` (deleted ones). */
  retain(namespaces: Set<string>): void {
    for (const namespace of this.entries.keys()) {
      if (!namespaces.has(namespace)) {
        this.entries.delete(namespace);
      }
    }
  }
}
