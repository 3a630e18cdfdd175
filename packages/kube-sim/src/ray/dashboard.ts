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
  authRefusal,
  browserRefusal,
  isBrowserRequest,
  tokenRefusal,
} from './auth';
import { clusterStatus } from './clusterStatus';
import type { SimRayHead } from './head';
import { json, RayHttpError, RayRequest, RayResponse, text } from './http';
import { nodesView, stateNodes } from './nodesApi';
import { stateActors, stateTasks } from './stateApi';

/*
 * The HTTP face of a simulated Ray head: Ray 2.60's dashboard routes with their exact paths
 * (trailing slashes as Ray has them, no redirects; anything else is `404: Not Found`), token
 * auth first, then the browser rule (writes refused, env vars redacted in reads), plain-text
 * errors.
 */

/** The commit of the Ray 2.60.0 the samples were recorded with. */
/** Where a real head reports its git commit: how a portal can tell it talks to kube-sim. */
const RAY_COMMIT = 'kube-sim';

/** A request as the handlers see it: `redact` when Ray takes it for a browser's. */
export type DashboardRequest = RayRequest & { redact: boolean };

type Handler = (
  head: SimRayHead,
  req: DashboardRequest,
  params: string[],
) => RayResponse;

interface Route {
  method: string;
  path: RegExp;
  handle: Handler;
}

const ROUTES: Route[] = [
  {
    method: 'GET',
    path: /^\/api\/version$/,
    handle: head =>
      json(200, {
        version: '4',
        ray_version: head.config.rayVersion,
        ray_commit: RAY_COMMIT,
        session_name: head.sessionName,
      }),
  },
  {
    method: 'GET',
    path: /^\/api\/gcs_healthz$/,
    handle: () => ({
      status: 200,
      contentType: 'application/text; charset=utf-8',
      body: 'success',
    }),
  },
  {
    method: 'POST',
    path: /^\/api\/authenticate$/,
    // public, but it checks the token itself and sets it as the cookie the dashboard UI uses
    handle: (head, req) =>
      tokenRefusal(req, head.config.authToken) ?? {
        ...json(200, { status: 'authenticated', message: 'Token is valid' }),
        headers: {
          'Set-Cookie': `ray-authentication-token=${head.config.authToken}; HttpOnly; Max-Age=2592000; Path=/; SameSite=Strict`,
        },
      },
  },
  {
    method: 'GET',
    path: /^\/api\/authentication_mode$/,
    handle: head =>
      json(200, {
        authentication_mode:
          head.config.authToken === undefined ? 'disabled' : 'token',
      }),
  },
  {
    method: 'POST',
    path: /^\/api\/jobs\/$/,
    handle: (head, req) => json(200, head.jobs.submit(req.body)),
  },
  {
    method: 'GET',
    path: /^\/api\/jobs\/$/,
    handle: (head, req) =>
      json(
        200,
        head.jobs.list().map(j => head.jobs.details(j, req.redact)),
      ),
  },
  {
    method: 'GET',
    path: /^\/api\/jobs\/([^/]+)$/,
    handle: (head, req, [id]) =>
      json(200, head.jobs.details(head.jobs.find(id), req.redact)),
  },
  {
    method: 'GET',
    path: /^\/api\/jobs\/([^/]+)\/logs$/,
    handle: (head, _req, [id]) => json(200, head.jobs.logs(id)),
  },
  {
    method: 'POST',
    path: /^\/api\/jobs\/([^/]+)\/stop$/,
    handle: (head, _req, [id]) => json(200, head.jobs.stop(id)),
  },
  {
    method: 'DELETE',
    path: /^\/api\/jobs\/([^/]+)$/,
    handle: (head, _req, [id]) => json(200, head.jobs.delete(id)),
  },
  {
    method: 'GET',
    path: /^\/api\/v0\/nodes$/,
    handle: (head, req) => stateNodes(head, req.query),
  },
  {
    method: 'GET',
    path: /^\/api\/v0\/tasks$/,
    handle: (head, req) => stateTasks(head, req.query),
  },
  {
    method: 'GET',
    path: /^\/api\/v0\/actors$/,
    handle: (head, req) => stateActors(head, req.query),
  },
  {
    method: 'GET',
    path: /^\/nodes$/,
    handle: (head, req) => nodesView(head, req.query),
  },
  {
    method: 'GET',
    path: /^\/api\/cluster_status$/,
    handle: (head, req) => clusterStatus(head, req.query),
  },
  {
    method: 'GET',
    path: /^\/api\/serve\/applications\/$/,
    handle: (head, req) => json(200, head.serve.toJson(req.redact)),
  },
  {
    method: 'PUT',
    path: /^\/api\/serve\/applications\/$/,
    handle: (head, req) => {
      head.serve.put(req.body);
      return { status: 200, body: '' }; // no Content-Type, as Ray answers
    },
  },
];

/** Answers a request to a simulated head's dashboard. */
export function handleDashboard(
  head: SimRayHead,
  req: RayRequest,
): RayResponse {
  const refused =
    authRefusal(req, head.config.authToken) ?? browserRefusal(req);
  if (refused) return refused;
  const matching = ROUTES.map(r => ({ r, m: r.path.exec(req.path) })).filter(
    x => x.m,
  );
  const route = matching.find(
    x =>
      x.r.method === req.method ||
      (req.method === 'HEAD' && x.r.method === 'GET'),
  );
  if (!route)
    return matching.length
      ? text(405, '405: Method Not Allowed')
      : text(404, '404: Not Found');
  const params = route.m!.slice(1).map(p => decodeURIComponent(p));
  try {
    return route.r.handle(
      head,
      { ...req, redact: isBrowserRequest(req) },
      params,
    );
  } catch (e) {
    if (e instanceof RayHttpError) return e.toResponse();
    throw e;
  }
}
