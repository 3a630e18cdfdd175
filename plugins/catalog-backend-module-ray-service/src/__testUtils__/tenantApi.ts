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

import { MAX_PAGE_LIMIT, Tenant } from '@ray-service/plugin-ray-service-common';
import { fixtureTenant } from '@ray-service/plugin-ray-service-common/testUtils';
import { http, HttpResponse } from 'msw';

/** A tenant as the backend answers it (checked with the contract's schema). */
export const tenant = fixtureTenant;

/**
 * The ray-service backend's tenant routes over a mutable list, as msw
 * handlers for `baseUrl`, paging like the backend (`limit`, `cursor`).
 * Records the Authorization headers it saw.
 */
export function tenantRoutes(baseUrl: string) {
  const state = {
    tenants: new Map<string, Tenant>(),
    authorizations: [] as (string | null)[],
  };
  const handlers = [
    http.get(`${baseUrl}/tenants`, ({ request }) => {
      state.authorizations.push(request.headers.get('authorization'));
      const url = new URL(request.url);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      if (limit > MAX_PAGE_LIMIT) {
        return HttpResponse.json({ error: 'limit' }, { status: 400 });
      }
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const all = [...state.tenants.values()].sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      const items = all.slice(start, start + limit);
      const next = start + limit;
      return HttpResponse.json({
        items,
        ...(next < all.length && { nextCursor: String(next) }),
      });
    }),
    http.get(`${baseUrl}/tenants/:name`, ({ request, params }) => {
      state.authorizations.push(request.headers.get('authorization'));
      const found = state.tenants.get(String(params.name));
      return found
        ? HttpResponse.json(found)
        : HttpResponse.json(
            { error: { name: 'NotFoundError', message: 'not found' } },
            { status: 404 },
          );
    }),
  ];
  return { state, handlers };
}
