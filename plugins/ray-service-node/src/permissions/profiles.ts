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
import { RESOURCE_TYPE_RAY_SERVICE_PROFILE } from '@ray-service/plugin-ray-service-common';
import { z } from 'zod';
import { claimsMatch, claimsParamsSchema, normalizedClaims } from './claims';

/**
 * A compute profile as permission rules see it.
 *
 * @public
 */
export interface ProfilePermissionResource {
  name: string;
  published: boolean;
  /** The groups the profile is visible to; empty: every group. */
  visibleTo: string[];
  /** `visibleTo` with all their sub-groups, as the backend reads them from the catalog. */
  audience: string[];
}

/**
 * The queries profile rules turn into (the backend applies them in SQL;
 * claims are expanded with their ancestor groups first).
 *
 * @public
 */
export type ProfileQuery =
  | { published: true }
  | { visibleToClaims: string[] }
  | { names: string[] };

/**
 * Compute profiles in permission checks.
 *
 * @public
 */
export const profileResourceRef = createPermissionResourceRef<
  ProfilePermissionResource,
  ProfileQuery
>().with({
  pluginId: 'ray-service',
  resourceType: RESOURCE_TYPE_RAY_SERVICE_PROFILE,
});

/**
 * `IS_PROFILE_PUBLISHED`: admins published the profile.
 *
 * @public
 */
export const isProfilePublished = createPermissionRule({
  name: 'IS_PROFILE_PUBLISHED',
  description: 'Allow compute profiles that are published',
  resourceRef: profileResourceRef,
  apply: profile => profile.published,
  toQuery: () => ({ published: true as const }),
});

/**
 * `IS_PROFILE_VISIBLE_TO`: the profile is visible to every group, or to a
 * group among the claims or one of its parent groups (so a profile visible
 * to `ml-teams` is visible to members of its sub-group `ml-team-alpha`).
 *
 * @public
 */
export const isProfileVisibleTo = createPermissionRule({
  name: 'IS_PROFILE_VISIBLE_TO',
  description:
    'Allow compute profiles visible to every group, or to one of the claims or a parent group of one',
  resourceRef: profileResourceRef,
  paramsSchema: claimsParamsSchema,
  apply: (profile, { claims }) =>
    profile.visibleTo.length === 0 || claimsMatch(claims, profile.audience),
  toQuery: ({ claims }) => ({ visibleToClaims: normalizedClaims(claims) }),
});

/**
 * `HAS_PROFILE_NAME`: the profile is one of `names`, e.g. to hide a
 * profile from some groups with `not`.
 *
 * @public
 */
export const hasProfileName = createPermissionRule({
  name: 'HAS_PROFILE_NAME',
  description: 'Allow compute profiles of the given names',
  resourceRef: profileResourceRef,
  paramsSchema: z.object({
    names: z.array(z.string()).describe('Profile names, e.g. a100-large'),
  }),
  apply: (profile, { names }) => names.includes(profile.name),
  toQuery: ({ names }) => ({ names }),
});

/**
 * The rules of compute profiles, for the backend to register.
 *
 * @public
 */
export const profilePermissionRules = {
  isProfilePublished,
  isProfileVisibleTo,
  hasProfileName,
};

const profileExports = createConditionExports({
  resourceRef: profileResourceRef,
  rules: profilePermissionRules,
});

/**
 * Conditions on compute profiles for permission policies.
 *
 * @public
 */
export const profileConditions = profileExports.conditions;

/**
 * A conditional decision on `ray-service.profile.read`.
 *
 * @public
 */
export const createProfileConditionalDecision =
  profileExports.createConditionalDecision;
