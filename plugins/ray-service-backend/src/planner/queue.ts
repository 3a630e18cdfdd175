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

import type { TenantBudget } from './budget';
import { objectMeta, PlanContext } from './context';
import { VOLCANO_QUEUE_API_VERSION, volcanoQueueName } from '../vocabulary';
import { requestedResources } from './quota';
import type { PlannedObject } from './types';

export const VOLCANO_QUEUE_WEIGHT = 1;

export type VolcanoQueue = PlannedObject & {
  spec: {
    weight: number;
    reclaimable: boolean;
    capability: Record<string, string>;
  };
};

/**
 * The tenant's cluster-scoped Volcano queue. Its capability is the quota's
 * requests, so Volcano never admits more than the ResourceQuota would, and
 * it is not reclaimable: other queues cannot take back what the tenant holds.
 */
export function volcanoQueue(
  ctx: PlanContext,
  budget: TenantBudget,
): VolcanoQueue {
  return {
    apiVersion: VOLCANO_QUEUE_API_VERSION,
    kind: 'Queue',
    metadata: objectMeta(ctx, volcanoQueueName(ctx.tenantName)),
    spec: {
      weight: VOLCANO_QUEUE_WEIGHT,
      reclaimable: false,
      capability: requestedResources(budget),
    },
  };
}
