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

import { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  RequestOptions,
  tenantEntityRef,
  tenantRayTabPath,
} from '@ray-service/plugin-ray-service-common';
import { JsonObject, JsonValue } from '@backstage/types';
import { asInitiator, RayActionDeps, systemClock } from './deps';
import { explained } from './errors';
import { watch, WatchOptions } from './watch';

const DEFAULT_POLL_INTERVAL_MS = 2000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyActionContext = ActionContext<any, any>;

/**
 * What a ray:* action does with its context: call the backend as the task's
 * initiator, create exactly once across retries, wait with its progress in
 * the task log.
 */
export function rayRuntime(ctx: AnyActionContext, deps: RayActionDeps) {
  const clock = deps.clock ?? systemClock;
  return {
    /** Calls the backend as the initiator; a failure says what could not be `doing` and why. */
    call<T>(
      doing: string,
      fn: (options: RequestOptions) => Promise<T>,
    ): Promise<T> {
      return explained(doing, ctx.signal, async () =>
        fn(await asInitiator(ctx, deps.auth)),
      );
    },

    /** Options that call the backend as the initiator, for calls whose failures the caller explains. */
    asInitiator(): Promise<RequestOptions> {
      return asInitiator(ctx, deps.auth);
    },

    /**
     * Runs `fn` once for this step across recoveries and retries of the
     * task: a re-run gets what the first run stored under `key`.
     */
    once<T extends object>(key: string, fn: () => Promise<T>): Promise<T> {
      return ctx.checkpoint<JsonValue>({
        key,
        fn: fn as () => Promise<JsonObject>,
      }) as Promise<T>;
    },

    /** Waits for an object to settle, its changes written to the task log. */
    watch<T>(options: Omit<WatchOptions<T>, 'log'>): Promise<T> {
      return explained(`wait for ${options.subject}`, ctx.signal, () =>
        watch(
          { ...options, log: line => ctx.logger.info(line) },
          {
            clock,
            pollIntervalMs: deps.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
            signal: ctx.signal,
          },
        ),
      );
    },

    /**
     * The tenant's catalog entity and its Ray tab: as an absolute URL, and as
     * the app's path for template output links (which then open in the app).
     */
    tenantLinks(tenant: string) {
      const rayTabPath = tenantRayTabPath(tenant);
      return {
        entityRef: tenantEntityRef(tenant),
        rayTabPath,
        rayTabUrl: `${deps.appBaseUrl.replace(/\/+$/, '')}${rayTabPath}`,
        links: [{ title: `Ray tab of tenant ${tenant}`, url: rayTabPath }],
      };
    },
  };
}

export type RayRuntime = ReturnType<typeof rayRuntime>;
