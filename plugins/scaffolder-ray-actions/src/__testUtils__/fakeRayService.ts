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
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import {
  expressPath,
  RayServiceClient,
  rayServiceApi,
  RayServiceOperation,
} from '@ray-service/plugin-ray-service-common';
import { http, HttpResponse, JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { Clock, RayActionDeps } from '../lib/deps';

export const BASE_URL = 'http://ray-service.test/api/ray-service';
export const APP_BASE_URL = 'http://portal.test';

/** A request the fake backend received. */
export interface ReceivedCall {
  operation: RayServiceOperation;
  params: Record<string, string>;
  body: unknown;
  /** Whom the token speaks for: the user behind a plugin token, e.g. `user:default/mock`. */
  onBehalfOf?: string;
  targetPluginId?: string;
}

type Answer = JsonBodyType | Response | undefined;

type Responder = (call: ReceivedCall) => Answer | Promise<Answer>;

/** The mock auth service's plugin token: `mock-service-token:{"obo":…,"target":…}`. */
function tokenClaims(header: string | null) {
  const json = header?.replace(/^Bearer mock-service-token:/, '');
  try {
    const claims = JSON.parse(json ?? '');
    return { onBehalfOf: claims.obo, targetPluginId: claims.target };
  } catch {
    return {};
  }
}

/** An error body as the backend sends it (Backstage's, plus `details` on a 400). */
export function errorResponse(
  status: number,
  name: string,
  message: string,
  details?: { field: string; message: string }[],
): Response {
  return HttpResponse.json(
    {
      error: { name, message },
      response: { statusCode: status },
      ...(details && { details }),
    },
    { status },
  );
}

/**
 * The ray-service backend as msw answers it: each operation of the contract
 * answers what the test scripts (`on`), records every call, and answers 501
 * when nothing was scripted. Call it in a `describe`: it registers the
 * test hooks that start the server and forget the script after each test.
 */
export function fakeRayService() {
  const calls: ReceivedCall[] = [];
  const responders = new Map<RayServiceOperation, Responder>();

  const handlers = Object.entries(rayServiceApi).map(([operation, route]) =>
    http[route.method](
      `${BASE_URL}${expressPath(route.path)}`,
      async ({ request, params }) => {
        const text = await request.text();
        const call: ReceivedCall = {
          operation: operation as RayServiceOperation,
          params: params as Record<string, string>,
          body: text ? JSON.parse(text) : undefined,
          ...tokenClaims(request.headers.get('Authorization')),
        };
        calls.push(call);
        const responder = responders.get(call.operation);
        const answer = responder
          ? await responder(call)
          : errorResponse(501, 'NotImplementedError', 'not scripted');
        if (answer instanceof Response) {
          return answer;
        }
        return answer === undefined
          ? new HttpResponse(null, { status: 204 })
          : HttpResponse.json(answer, { status: route.response.status });
      },
    ),
  );
  const server = setupServer(...handlers);
  registerMswTestHooks(server);
  afterEach(() => {
    calls.length = 0;
    responders.clear();
  });

  return {
    server,
    calls,
    /** What the backend answers to `operation` from now on. */
    on(operation: RayServiceOperation, responder: Responder) {
      responders.set(operation, responder);
    },
    /** Answers `operation` with each answer in turn, the last one from then on. */
    sequence(operation: RayServiceOperation, answers: Answer[]) {
      let next = 0;
      responders.set(
        operation,
        () => answers[Math.min(next++, answers.length - 1)],
      );
    },
    callsOf(operation: RayServiceOperation) {
      return calls.filter(call => call.operation === operation);
    },
  };
}

/**
 * A clock the test drives: `sleep` moves time on at once and resolves (or
 * rejects when the signal aborted), so waits and timeouts take no real time.
 */
export function fakeClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      slept.push(ms);
      now += ms;
      await Promise.resolve();
      signal?.throwIfAborted();
    },
  };
}

/** The actions' dependencies against the fake backend. */
export function testDeps(clock: Clock = fakeClock()): RayActionDeps {
  return {
    client: new RayServiceClient({
      discoveryApi: { getBaseUrl: async () => BASE_URL },
    }),
    auth: mockServices.auth(),
    appBaseUrl: APP_BASE_URL,
    pollIntervalMs: 2000,
    clock,
  };
}
