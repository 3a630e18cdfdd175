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

import {
  compactFormValue,
  formatZodIssues,
  rayServiceApi,
  reasonOf,
  TenantPlan,
  validationDetailsOf,
  WorkloadPlan,
} from '@ray-service/plugin-ray-service-common';
import { RayServiceApi } from '../api';

/** The dry runs a template can show before anything is created. */
export const PLAN_OPERATIONS = [
  'planTenant',
  'planRayCluster',
  'planRayJob',
  'planRayService',
] as const;

export type PlanOperation = (typeof PLAN_OPERATIONS)[number];

export function isPlanOperation(value: unknown): value is PlanOperation {
  return PLAN_OPERATIONS.includes(value as PlanOperation);
}

/** The fields of an object schema of the contract. */
function fieldsOf(schema: unknown): string[] {
  const shape = (schema as { shape?: object } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function pick(formData: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(
    keys.flatMap(key => {
      const value = compactFormValue(formData[key]);
      return value === undefined ? [] : [[key, value]];
    }),
  );
}

/**
 * The request of a dry run made of the form's fields named like the route's
 * path parameters and body fields (a template names its parameters after the
 * REST API's), so the template and the action send the same request.
 */
export function planRequestOf(
  operation: PlanOperation,
  formData: Record<string, unknown>,
) {
  const route = rayServiceApi[operation];
  return {
    path: pick(
      formData,
      fieldsOf('params' in route ? route.params : undefined),
    ),
    body: pick(formData, fieldsOf(route.body)),
  };
}

/** Why a dry run refused the form's choices, in the backend's words. */
export class PlanRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanRefusal';
  }
}

/** What a dry run answered, for people. */
export interface PlanView {
  lines: string[];
  warnings: string[];
  yaml: string;
}

/** Runs the dry run of the form's request: checked with the contract's schema first, then by the backend. */
export async function runPlan(
  api: RayServiceApi,
  operation: PlanOperation,
  formData: Record<string, unknown>,
): Promise<PlanView> {
  const request = planRequestOf(operation, formData);
  const route = rayServiceApi[operation];
  const checked = route.body.safeParse(request.body);
  if (!checked.success) {
    throw new PlanRefusal(formatZodIssues(checked.error).message);
  }
  let answer: TenantPlan | WorkloadPlan;
  try {
    answer = await (
      api[operation] as (input: object) => Promise<TenantPlan | WorkloadPlan>
    )(request);
  } catch (error) {
    const details = validationDetailsOf(error);
    throw new PlanRefusal(
      details.length
        ? details.map(d => `${d.field}: ${d.message}`).join('; ')
        : reasonOf(error),
    );
  }
  return 'summary' in answer
    ? {
        lines: [
          `Host cluster ${answer.hostCluster}, ${answer.isolation} isolation, namespace ${answer.namespace}`,
          ...answer.summary,
        ],
        warnings: [],
        yaml: answer.yaml,
      }
    : { lines: [], warnings: answer.warnings, yaml: answer.yaml };
}
