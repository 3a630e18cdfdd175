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

import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  renderWithRayServiceApis,
  setupMsw,
  testBaseUrl,
} from '../../__testUtils__/renderAdmin';
import { AdminPage } from './AdminPage';

const server = setupMsw();

describe('AdminPage for non-admins', () => {
  it('says "not allowed" and loads no admin data', async () => {
    const requested: string[] = [];
    server.use(
      http.all(`${testBaseUrl}/*`, ({ request }) => {
        requested.push(request.url);
        return HttpResponse.json({ items: [] });
      }),
    );
    await renderWithRayServiceApis(<AdminPage />, AuthorizeResult.DENY);
    expect(await screen.findByText(/Not allowed/)).toBeInTheDocument();
    expect(screen.queryByText('Host clusters')).not.toBeInTheDocument();
    expect(requested).toEqual([]);
  });
});
