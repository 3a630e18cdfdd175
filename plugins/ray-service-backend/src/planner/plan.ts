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

import { tenantBudget } from './budget';
import { planContext } from './context';
import { deliveryObjects } from './delivery';
import { tenantNamespaceObject } from './namespace';
import { networkPolicies } from './networkPolicies';
import { volcanoQueue } from './queue';
import { limitRange, resourceQuota } from './quota';
import { tenantReleases } from './releases';
import { planSummary } from './summary';
import type { Plan, PlanInput, PlannedObject } from './types';

/**
 * The Kubernetes objects a tenant consists of, in apply order: the Namespace,
 * its Volcano queue, quota and limits, network policies (before anything
 * starts pods), then the delivery controller's sources and releases.
 *
 * Pure and deterministic: no clock, no randomness, no I/O; the same input
 * gives the same objects (and, through `planToYaml`, the same bytes). The
 * result shares nothing with the input.
 *
 * @throws InputError when the input cannot be planned (tenant name, owner,
 * an isolation mode the template version does not offer).
 */
export function plan(input: PlanInput): Plan {
  const ctx = planContext(input);
  const budget = tenantBudget(ctx);
  const releases = tenantReleases(ctx);
  const policies = networkPolicies(ctx);
  const objects: PlannedObject[] = [
    tenantNamespaceObject(ctx),
    volcanoQueue(ctx, budget),
    resourceQuota(ctx, budget),
    limitRange(ctx, budget),
    ...policies,
    ...deliveryObjects(ctx, releases),
  ];
  return {
    objects: structuredClone(objects),
    summary: planSummary({
      ctx,
      budget,
      releases,
      networkPolicies: policies,
    }),
  };
}
