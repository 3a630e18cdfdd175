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

import { ApiHolder } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  formatZodIssues,
  reasonOf,
  tenantNameSchema,
} from '@ray-service/plugin-ray-service-common';
import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { rayServiceApiRef } from '../api';
import { isPlanOperation, runPlan } from './planRequest';
import type { DryRunOptions } from './RayDryRun';

function apiOf(apiHolder: ApiHolder) {
  const api = apiHolder.get(rayServiceApiRef);
  if (!api) {
    throw new Error('the ray-service API is not installed in this app');
  }
  return api;
}

/**
 * A new tenant's name: its format (the REST API's rule) and whether a tenant
 * of that name is there already. A tenant of a team the user cannot see
 * shows up only in the dry run (the backend refuses the name there).
 */
export const validateTenantName: CustomFieldValidator<string> = async (
  value,
  validation,
  context,
) => {
  if (!value) {
    return;
  }
  const format = tenantNameSchema.safeParse(value);
  if (!format.success) {
    validation.addError(formatZodIssues(format.error).message);
    return;
  }
  try {
    await apiOf(context.apiHolder).getTenant({ path: { name: value } });
    validation.addError(`a tenant named "${value}" already exists`);
  } catch (error) {
    if (!(error instanceof ResponseError && error.statusCode === 404)) {
      validation.addError(`could not check the name: ${reasonOf(error)}`);
    }
  }
};

/** The dry run again on Next: the step does not pass while the backend refuses. */
export const validateDryRun: CustomFieldValidator<
  string,
  DryRunOptions
> = async (_value, validation, context) => {
  const operation = context.uiSchema?.['ui:options']?.operation;
  if (!isPlanOperation(operation)) {
    validation.addError('this field needs ui:options.operation');
    return;
  }
  try {
    await runPlan(apiOf(context.apiHolder), operation, context.formData);
  } catch (error) {
    validation.addError(reasonOf(error));
  }
};
