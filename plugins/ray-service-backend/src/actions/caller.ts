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
  BackstagePrincipalTypes,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { Caller } from '../access/callers';

/**
 * The caller of a registry action, as the services take it: the user or
 * service principal whose credentials the actions service passed on.
 */
export function callerOf(credentials: BackstageCredentials): Caller {
  const type = (
    credentials.principal as { type?: keyof BackstagePrincipalTypes }
  ).type;
  if (type !== 'user' && type !== 'service') {
    throw new NotAllowedError('Ray service actions need a signed-in caller');
  }
  return credentials as Caller;
}
