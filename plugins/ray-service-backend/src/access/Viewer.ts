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
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { AudienceFilter } from '../store/RayServiceStore';

export type Caller = BackstageCredentials<
  BackstageUserPrincipal | BackstageServicePrincipal
>;

export function isUserCaller(
  caller: Caller,
): caller is BackstageCredentials<BackstageUserPrincipal> {
  return caller.principal.type === 'user';
}

/**
 * Who reads a list or an object: admins see everything, anyone else what is
 * shared with their groups. `groupRefs` holds the caller's groups and all
 * their ancestors, so sharing with `ml-teams` reaches `ml-team-alpha`.
 */
export type Viewer =
  | { isAdmin: true }
  | { isAdmin: false; groupRefs: string[] };

export const ADMIN_VIEWER: Viewer = { isAdmin: true };

/** The store filter for a viewer's lists; none for admins. */
export function audienceOf(viewer: Viewer): AudienceFilter | undefined {
  return viewer.isAdmin ? undefined : { groupRefs: viewer.groupRefs };
}

/** Groups are expanded up front, so visibility checks need no more ancestors. */
export const NO_MORE_ANCESTORS = (): string[] => [];

/**
 * How the audit log names whoever made a change: the user's entity ref, or
 * `service:<subject>` for automation tokens and other backends.
 */
export function actorOf(caller: Caller): string {
  const { principal } = caller;
  return principal.type === 'user'
    ? principal.userEntityRef
    : `service:${principal.subject}`;
}

/** The actor of changes made by the startup import. */
export const BOOTSTRAP_ACTOR = 'system:bootstrap';
