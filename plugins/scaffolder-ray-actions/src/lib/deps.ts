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
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  RayServiceApi,
  RequestOptions,
} from '@ray-service/plugin-ray-service-common';
import { setTimeout as sleep } from 'node:timers/promises';

/** Time as the actions see it; tests give them a clock they drive. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    await sleep(ms, undefined, { signal });
  },
};

/** What every ray:* action needs. */
export interface RayActionDeps {
  /** The typed client of the ray-service backend (`RayServiceClient`). */
  client: RayServiceApi;
  /** Issues the token that calls the backend on behalf of the task's initiator. */
  auth: AuthService;
  /** `app.baseUrl`, for links to a tenant's entity page. */
  appBaseUrl: string;
  /** Between two status reads while waiting; 2 s unless given. */
  pollIntervalMs?: number;
  clock?: Clock;
}

/** The parts of a scaffolder action context a call to the backend needs. */
export interface CallerContext {
  getInitiatorCredentials(): Promise<BackstageCredentials>;
  signal?: AbortSignal;
}

/**
 * Request options that call the ray-service backend as the user who runs the
 * task, so that the backend's permissions decide, and that stop when the
 * task is cancelled. A fresh token per call: waits can outlast one.
 */
export async function asInitiator(
  ctx: CallerContext,
  auth: AuthService,
): Promise<RequestOptions> {
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await ctx.getInitiatorCredentials(),
    targetPluginId: 'ray-service',
  });
  return { token, signal: ctx.signal };
}
