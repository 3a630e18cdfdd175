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

import { z } from 'zod';
import { rayServiceApi } from './contract';
import { errorStatusesOf, expressPath, fillPath, route } from './route';

describe('routes', () => {
  it('implies 400 for input, 401 unless public, 404 for named objects and cursors, 431 for paths and queries, 413 and 415 for bodies', () => {
    const named = route({
      method: 'delete',
      path: '/things/{name}',
      tag: 'Things',
      summary: 'Delete a thing',
      params: z.object({ name: z.string() }),
      response: { status: 204, description: 'Deleted' },
      errors: [409, 403],
    });
    expect(errorStatusesOf(named)).toEqual([400, 401, 403, 404, 409, 431]);
    expect(errorStatusesOf(rayServiceApi.getHealth)).toEqual([]);
    expect(errorStatusesOf(rayServiceApi.listProfiles)).toEqual([
      400, 401, 404, 431,
    ]);
    expect(errorStatusesOf(rayServiceApi.createProfile)).toEqual([
      400, 401, 403, 409, 413, 415, 422,
    ]);
  });

  it('fills and translates paths', () => {
    expect(
      fillPath('/templates/{name}@{version}/publish', {
        name: 'kuberay',
        version: '1.0.0+b/1',
      }),
    ).toBe('/templates/kuberay@1.0.0%2Bb%2F1/publish');
    expect(expressPath('/templates/{name}@{version}')).toBe(
      '/templates/:name@:version',
    );
  });

  it('names every operation once, with a unique method and path', () => {
    const routes = Object.values(rayServiceApi).map(
      r => `${r.method} ${r.path}`,
    );
    expect(new Set(routes).size).toBe(routes.length);
  });
});
