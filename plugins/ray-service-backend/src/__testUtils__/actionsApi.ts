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

import { Server } from 'node:http';
import request from 'supertest';
import { CallerName, callers } from './testBackend';

/** The plugin's actions registry endpoint (what the actions service calls). */
export const ACTIONS_PATH = '/api/ray-service/.backstage/actions/v1/actions';

/** Invokes a registry action of the plugin as `caller`, over its HTTP endpoint. */
export function invokeAction(
  server: Server,
  caller: CallerName,
  action: string,
  input: object,
): request.Test {
  return request(server)
    .post(`${ACTIONS_PATH}/ray-service:${action}/invoke`)
    .set('Authorization', callers[caller]!)
    .send(input);
}
