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
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  RESOURCE_TYPE_RAY_SERVICE_TEMPLATE_VERSION,
  TemplateVersionState,
} from '@ray-service/plugin-ray-service-common';
import { z } from 'zod';
import { claimsMatch, claimsParamsSchema, normalizedClaims } from './claims';

/**
 * A tenant template version as permission rules see it.
 *
 * @public
 */
export interface TemplateVersionPermissionResource {
  name: string;
  version: string;
  state: TemplateVersionState;
  /** The groups the version is shared with. */
  sharedWith: string[];
  /** `sharedWith` with all their sub-groups, as the backend reads them from the catalog. */
  audience: string[];
}

/**
 * The queries template version rules turn into (the backend applies them in
 * SQL; claims are expanded with their ancestor groups first).
 *
 * @public
 */
export type TemplateVersionQuery =
  | { states: TemplateVersionState[] }
  | { sharedWithClaims: string[] }
  | { names: string[] };

/** Versions teams may see: new tenants use published ones, deprecated ones still run. */
const AVAILABLE_STATES: TemplateVersionState[] = ['published', 'deprecated'];

/**
 * Tenant template versions in permission checks (resourceRef `name@version`).
 *
 * @public
 */
export const templateVersionResourceRef = createPermissionResourceRef<
  TemplateVersionPermissionResource,
  TemplateVersionQuery
>().with({
  pluginId: 'ray-service',
  resourceType: RESOURCE_TYPE_RAY_SERVICE_TEMPLATE_VERSION,
});

/**
 * `IS_TEMPLATE_VERSION_AVAILABLE`: published or deprecated (not a draft,
 * not retired).
 *
 * @public
 */
export const isTemplateVersionAvailable = createPermissionRule({
  name: 'IS_TEMPLATE_VERSION_AVAILABLE',
  description: 'Allow template versions that are published or deprecated',
  resourceRef: templateVersionResourceRef,
  apply: version => AVAILABLE_STATES.includes(version.state),
  toQuery: () => ({ states: AVAILABLE_STATES }),
});

/**
 * `IS_TEMPLATE_VERSION_SHARED_WITH`: the version is shared with a group
 * among the claims or one of its parent groups (sharing with `ml-teams`
 * reaches members of its sub-group `ml-team-alpha`).
 *
 * @public
 */
export const isTemplateVersionSharedWith = createPermissionRule({
  name: 'IS_TEMPLATE_VERSION_SHARED_WITH',
  description:
    'Allow template versions shared with one of the claims or a parent group of one',
  resourceRef: templateVersionResourceRef,
  paramsSchema: claimsParamsSchema,
  apply: (version, { claims }) => claimsMatch(claims, version.audience),
  toQuery: ({ claims }) => ({ sharedWithClaims: normalizedClaims(claims) }),
});

/**
 * `HAS_TEMPLATE_NAME`: the version belongs to one of the named templates.
 *
 * @public
 */
export const hasTemplateName = createPermissionRule({
  name: 'HAS_TEMPLATE_NAME',
  description: 'Allow versions of the given templates',
  resourceRef: templateVersionResourceRef,
  paramsSchema: z.object({
    names: z.array(z.string()).describe('Template names, e.g. kuberay'),
  }),
  apply: (version, { names }) => names.includes(version.name),
  toQuery: ({ names }) => ({ names }),
});

/**
 * The rules of template versions, for the backend to register.
 *
 * @public
 */
export const templateVersionPermissionRules = {
  isTemplateVersionAvailable,
  isTemplateVersionSharedWith,
  hasTemplateName,
};

const templateVersionExports = createConditionExports({
  resourceRef: templateVersionResourceRef,
  rules: templateVersionPermissionRules,
});

/**
 * Conditions on template versions for permission policies.
 *
 * @public
 */
export const templateVersionConditions = templateVersionExports.conditions;

/**
 * A conditional decision on `ray-service.template.read`.
 *
 * @public
 */
export const createTemplateVersionConditionalDecision =
  templateVersionExports.createConditionalDecision;
