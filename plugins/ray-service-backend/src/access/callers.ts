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

/**
 * Whoever calls a service: a user, or a service principal (an automation
 * token, another backend plugin, the plugin itself). Edges (the REST router,
 * actions) turn their request or context into these credentials.
 */
export type Caller = BackstageCredentials<
  BackstageUserPrincipal | BackstageServicePrincipal
>;

export function isUserCaller(
  caller: Caller,
): caller is BackstageCredentials<BackstageUserPrincipal> {
  return caller.principal.type === 'user';
}

/**
 * How the audit log names whoever made a change: the user's entity ref, or
 * `service:<subject>` for automation tokens, other backends and the plugin
 * itself (`service:plugin:ray-service`, e.g. the startup import).
 */
export function actorOf(caller: Caller): string {
  const { principal } = caller;
  return principal.type === 'user'
    ? principal.userEntityRef
    : `service:${principal.subject}`;
}
