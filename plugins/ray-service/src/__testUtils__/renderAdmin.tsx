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
  MockFetchApi,
  MockPermissionApi,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AlertApiForwarder } from '@backstage/core-app-api';
import { AlertDisplay } from '@backstage/core-components';
import { alertApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { RayServiceClient } from '@ray-service/plugin-ray-service-common';
import { ReactElement, ReactNode, useState } from 'react';
import { waitFor } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { rayServiceApiRef } from '../api';

/** Where the msw handlers of component tests listen. */
export const testBaseUrl = 'http://backstage.test/api/ray-service';

/** The real typed client, talking to msw at {@link testBaseUrl}. */
export function testRayServiceClient() {
  return new RayServiceClient({
    discoveryApi: { getBaseUrl: async () => testBaseUrl },
    fetchApi: new MockFetchApi(),
  });
}

/**
 * The APIs of component tests: the real typed client (talking to msw), a
 * permission API answering each permission by its name with `permission`, and
 * an alert API whose alerts are shown, so tests can find them.
 */
export function RayServiceTestApis(props: {
  permission: (name: string) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  children: ReactNode;
}) {
  // Made once: a re-render must not swap the APIs (nor lose the alerts).
  const [apis] = useState(
    () =>
      [
        [rayServiceApiRef, testRayServiceClient()],
        [
          permissionApiRef,
          new MockPermissionApi(request =>
            props.permission(request.permission.name),
          ),
        ],
        // A fresh one per test: the forwarder replays its recent alerts.
        [alertApiRef, new AlertApiForwarder()],
      ] as const,
  );
  return (
    <TestApiProvider apis={apis}>
      <AlertDisplay />
      {props.children}
    </TestApiProvider>
  );
}

/** An msw server registered for the current test file. */
export function setupMsw() {
  const server = setupServer();
  registerMswTestHooks(server);
  return server;
}

/**
 * Answers `method path` (below {@link testBaseUrl}) with `respond` and records
 * each request's JSON body, `null` for requests without one.
 */
export function recordRequests(
  server: ReturnType<typeof setupServer>,
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: string,
  respond: () => Response,
) {
  const bodies: unknown[] = [];
  server.use(
    http[method](`${testBaseUrl}${path}`, async ({ request }) => {
      const text = await request.text();
      bodies.push(text ? JSON.parse(text) : null);
      return respond();
    }),
  );
  return bodies;
}

/** Answers `GET path` (below {@link testBaseUrl}) with one page of `items`. */
export function serveList(
  server: ReturnType<typeof setupServer>,
  path: string,
  items: unknown[],
) {
  server.use(
    http.get(`${testBaseUrl}${path}`, () => HttpResponse.json({ items })),
  );
}

/** Never answers `GET path`, to show what loads. */
export function serveNever(
  server: ReturnType<typeof setupServer>,
  path: string,
) {
  server.use(
    http.get(`${testBaseUrl}${path}`, async () => {
      await delay('infinite');
      return HttpResponse.json({ items: [] });
    }),
  );
}

/**
 * A failed response with a Backstage error body as the backend sends it; `details` for 400s that
 * name fields.
 */
export function errorResponse(
  status: number,
  message: string,
  details?: { field: string; message: string }[],
) {
  const names: Record<number, string> = {
    400: 'InputError',
    404: 'NotFoundError',
    409: 'ConflictError',
  };
  const name = names[status];
  return HttpResponse.json(
    {
      error: { name: name ?? 'Error', message },
      response: { statusCode: status },
      ...(details && { details }),
    },
    { status },
  );
}

/**
 * Renders a component with the real typed client (talking to msw) and a
 * permission API answering `permission` for every check. Alerts posted to the
 * alert API are shown, so tests can find them.
 *
 * usePermission caches decisions per test file, so keep one permission result
 * per file.
 */
export function renderWithRayServiceApis(
  element: ReactElement,
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  return renderInTestApp(
    <RayServiceTestApis permission={() => permission}>
      {element}
    </RayServiceTestApis>,
  );
}

/**
 * {@link renderWithRayServiceApis}, with a user (without delays between
 * keystrokes) to act with.
 */
export async function renderWithUser(
  element: ReactElement,
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
): Promise<UserEvent> {
  const user = userEvent.setup({ delay: null });
  await renderWithRayServiceApis(element, permission);
  return user;
}

/**
 * Replaces a field's text the way a user pasting it would: one input event
 * instead of one per character, which keeps form tests fast.
 */
export async function fillIn(
  user: UserEvent,
  field: HTMLElement,
  text: string,
) {
  await user.clear(field);
  await user.paste(text);
}

/**
 * The text of the code snippet in `element` once it is shown: the snippet
 * loads its highlighter lazily.
 */
export async function findCodeText(element: HTMLElement): Promise<string> {
  return waitFor(() => {
    const code =
      element.querySelector('pre code') ?? element.querySelector('pre');
    if (!code?.textContent) {
      throw new Error('No code snippet shown yet');
    }
    return code.textContent;
  });
}
