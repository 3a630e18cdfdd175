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

import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  errorResponse,
  renderWithRayServiceApis,
  renderWithUser,
  serveList,
  serveNever,
  setupMsw,
  testBaseUrl as baseUrl,
} from '../../__testUtils__/renderAdmin';
import { AuditLogTab } from './AuditLogTab';

const server = setupMsw();

function entry(id: string, extra: object = {}) {
  return {
    id,
    at: '2026-11-22T09:30:00Z',
    actor: 'user:default/admin',
    action: 'profile.update',
    target: { kind: 'profile', name: `profile-${id}` },
    ...extra,
  };
}

describe('AuditLogTab', () => {
  it('shows a progress bar while loading', async () => {
    serveNever(server, '/audit');
    await renderWithRayServiceApis(<AuditLogTab />);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('says when nothing was changed yet', async () => {
    serveList(server, '/audit', []);
    await renderWithRayServiceApis(<AuditLogTab />);
    expect(await screen.findByText('No admin changes yet')).toBeInTheDocument();
  });

  it('retries after an error', async () => {
    server.use(
      http.get(`${baseUrl}/audit`, () =>
        HttpResponse.json({ items: [entry('1')] }),
      ),
    );
    server.use(
      http.get(
        `${baseUrl}/audit`,
        () => errorResponse(500, 'audit table locked'),
        { once: true },
      ),
    );
    const user = await renderWithUser(<AuditLogTab />);
    expect(
      (await screen.findAllByText(/audit table locked/)).length,
    ).toBeGreaterThan(0);
    await user.click(screen.getByText('Retry'));
    expect(await screen.findByText('profile profile-1')).toBeInTheDocument();
  });

  it('shows who changed what, with the object before and after', async () => {
    server.use(
      http.get(`${baseUrl}/audit`, () =>
        HttpResponse.json({
          items: [
            entry('1', {
              before: { name: 'small', published: false, displayName: 'Small' },
              after: { name: 'small', published: true, displayName: 'Small' },
            }),
          ],
        }),
      ),
    );
    const user = await renderWithUser(<AuditLogTab />);
    expect(await screen.findByText('user:default/admin')).toBeInTheDocument();
    expect(screen.getByText('profile.update')).toBeInTheDocument();
    expect(screen.getByText('profile profile-1')).toBeInTheDocument();

    await user.click(screen.getByText('Details'));
    expect(screen.getByText('Changed: published')).toBeInTheDocument();
    expect(screen.getByLabelText('Before')).toHaveTextContent(
      '"published": false',
    );
    expect(screen.getByLabelText('After')).toHaveTextContent(
      '"published": true',
    );
  });

  it('loads the next page with the cursor', async () => {
    const cursors: (string | null)[] = [];
    server.use(
      http.get(`${baseUrl}/audit`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        cursors.push(cursor);
        return HttpResponse.json(
          cursor === 'page-2'
            ? { items: [entry('2')] }
            : { items: [entry('1')], nextCursor: 'page-2' },
        );
      }),
    );
    const user = await renderWithUser(<AuditLogTab />);
    await user.click(await screen.findByText('Load more'));

    expect(await screen.findByText('profile profile-2')).toBeInTheDocument();
    expect(screen.getByText('profile profile-1')).toBeInTheDocument();
    expect(cursors).toEqual([null, 'page-2']);
    expect(screen.queryByText('Load more')).not.toBeInTheDocument();
  });
});
