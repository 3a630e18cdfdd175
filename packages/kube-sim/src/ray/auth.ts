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

import { headerValue, RayRequest, RayResponse, text } from './http';

/*
 * Ray 2.60's token check (ray/_private/authentication/http_token_authentication.py and the
 * public paths of ray/dashboard/http_server_head.py; measured, see the Ray notes): the first
 * non-empty of `Authorization`, `X-Ray-Authorization` and the cookie
 * `ray-authentication-token` must be exactly `Bearer <token>`.
 */

const PUBLIC_PATHS = [
  '/',
  '/favicon.ico',
  '/api/authentication_mode',
  '/api/authenticate',
  '/api/healthz',
  '/api/gcs_healthz',
  '/api/local_raylet_healthz',
  '/-/healthz',
];

function cookieToken(req: RayRequest): string | undefined {
  const cookies = headerValue(req, 'cookie') ?? '';
  const match = /(?:^|;\s*)ray-authentication-token=([^;]*)/.exec(cookies);
  return match?.[1] ? `Bearer ${match[1]}` : undefined;
}

/** The 401 or 403 a head with token auth answers, or undefined when the request may pass. */
export function authRefusal(
  req: RayRequest,
  token: string | undefined,
): RayResponse | undefined {
  if (PUBLIC_PATHS.includes(req.path) || req.path.startsWith('/static/'))
    return undefined;
  return tokenRefusal(req, token);
}

/** The token check itself (whatever the path). */
export function tokenRefusal(
  req: RayRequest,
  token: string | undefined,
): RayResponse | undefined {
  if (token === undefined) return undefined;
  const presented =
    headerValue(req, 'authorization') ||
    headerValue(req, 'x-ray-authorization') ||
    cookieToken(req);
  if (!presented)
    return text(401, 'Unauthorized: Missing authentication token');
  if (presented !== `Bearer ${token}`)
    return text(403, 'Forbidden: Invalid authentication token');
  return undefined;
}

/** Headers that make Ray 2.60 take a request for a browser's (optional_utils.is_browser_request). */
const BROWSER_HEADERS = [
  'referer',
  'origin',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'sec-fetch-site',
  'sec-fetch-user',
  'access-control-request-method',
  'access-control-request-headers',
];

export function isBrowserRequest(req: RayRequest): boolean {
  return (
    (headerValue(req, 'user-agent') ?? '').startsWith('Mozilla') ||
    BROWSER_HEADERS.some(h => headerValue(req, h) !== undefined)
  );
}

/**
 * The 405 Ray answers a browser's write (anything but GET, HEAD, OPTIONS), checked after
 * auth; `/api/authenticate` is exempt.
 */
export function browserRefusal(req: RayRequest): RayResponse | undefined {
  if (
    ['GET', 'HEAD', 'OPTIONS'].includes(req.method) ||
    req.path === '/api/authenticate'
  )
    return undefined;
  return isBrowserRequest(req)
    ? text(405, `'${req.method}' method not allowed for browser traffic.`)
    : undefined;
}
