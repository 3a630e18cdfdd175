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

import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  errorResponse,
  recordRequests,
  renderWithUser,
  serveList,
  serveNever,
  setupMsw,
  testBaseUrl as baseUrl,
} from '../../__testUtils__/renderAdmin';
import { templateVersion, tenant } from '../../__testUtils__/fixtures';
import { TenantsTab } from './TenantsTab';

const server = setupMsw();

function serveTenants(items: unknown[]) {
  serveList(server, '/tenants', items);
}

const condition = (type: string, status: string, reason: string) => ({
  type,
  status,
  reason,
  message: `${type} is ${reason}`,
  lastTransitionTime: '2026-11-22T10:02:00Z',
});

async function renderTab(pollIntervalMs?: number) {
  const user = await renderWithUser(
    <TenantsTab pollIntervalMs={pollIntervalMs} />,
  );
  return user;
}

/** The `data-status` of the phase shown in the row of tenant `name`. */
function phaseStatusOf(name: string, phase: string) {
  const row = screen.getByText(name).closest('tr')!;
  return within(row).getByText(phase).closest('[data-status]');
}

describe('TenantsTab', () => {
  it('shows a progress bar while loading', async () => {
    serveNever(server, '/tenants');
    await renderTab();
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('offers to create a tenant when there are none', async () => {
    serveTenants([]);
    await renderTab();
    expect(await screen.findByText('No tenants yet')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Create tenant' }),
    ).toBeInTheDocument();
  });

  it('shows the error and retries', async () => {
    serveTenants([tenant('alpha')]);
    server.use(
      http.get(
        `${baseUrl}/tenants`,
        () => errorResponse(503, 'database restarting'),
        { once: true },
      ),
    );
    const user = await renderTab();
    expect(
      (await screen.findAllByText(/database restarting/)).length,
    ).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('alpha')).toBeInTheDocument();
  });

  it('shows each phase in its colour and the conditions in the details', async () => {
    serveTenants([
      tenant('alpha'),
      tenant('beta', {
        phase: 'Degraded',
        conditions: [
          condition('NamespaceReady', 'True', 'Applied'),
          condition('QueueReady', 'False', 'QueueNotAdmitted'),
        ],
      }),
      tenant('gamma', { phase: 'Provisioning', conditions: [] }),
      tenant('delta', { phase: 'Failed', conditions: [] }),
      tenant('epsilon', { phase: 'Deleting', conditions: [] }),
    ]);
    const user = await renderTab(60_000);

    expect(await screen.findByText('alpha')).toBeInTheDocument();
    for (const [name, phase, status] of [
      ['alpha', 'Ready', 'ok'],
      ['beta', 'Degraded', 'warning'],
      ['gamma', 'Provisioning', 'pending'],
      ['delta', 'Failed', 'error'],
      ['epsilon', 'Deleting', 'aborted'],
    ]) {
      expect(phaseStatusOf(name, phase)).toHaveAttribute('data-status', status);
    }
    expect(
      screen.getByText('QueueReady: QueueNotAdmitted'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Delete epsilon')).toBeDisabled();

    await user.click(screen.getByLabelText('Details of beta'));
    const details = await screen.findByRole('dialog', { name: 'Tenant beta' });
    const rows = within(
      within(details).getByRole('table', { name: 'Conditions of beta' }),
    ).getAllByRole('row');
    expect(rows.map(row => row.textContent)).toEqual([
      expect.stringContaining('TypeStatusReasonMessageLast transition'),
      expect.stringContaining(
        'NamespaceReadyTrueAppliedNamespaceReady is Applied',
      ),
      expect.stringContaining(
        'QueueReadyFalseQueueNotAdmittedQueueReady is QueueNotAdmitted',
      ),
    ]);
  });

  it('reloads while a tenant provisions, until it is ready', async () => {
    let current = tenant('alpha', {
      phase: 'Provisioning',
      conditions: [condition('ControlPlaneReady', 'False', 'Installing')],
    });
    let calls = 0;
    server.use(
      http.get(`${baseUrl}/tenants`, () => {
        calls += 1;
        return HttpResponse.json({ items: [current] });
      }),
    );
    await renderTab(50);

    await waitFor(() =>
      expect(screen.getByText('Provisioning')).toBeInTheDocument(),
    );
    await waitFor(() => expect(calls).toBeGreaterThanOrEqual(3));
    current = tenant('alpha');
    // The table redraws its rows: look the phase up again until it is there.
    await waitFor(() => expect(screen.getByText('Ready')).toBeInTheDocument());
    expect(screen.queryByText('Provisioning')).not.toBeInTheDocument();

    // Every tenant is settled: no more reloads.
    const settledAt = calls;
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(calls).toBe(settledAt);
  });

  it('upgrades a tenant to another published version of its template', async () => {
    serveTenants([tenant('alpha')]);
    server.use(
      http.get(`${baseUrl}/templates`, () =>
        HttpResponse.json({
          items: [
            templateVersion('1.0.0', 'published'),
            templateVersion('1.1.0', 'published'),
            templateVersion('1.10.0', 'published'),
            templateVersion('2.0.0', 'draft'),
            templateVersion('1.0.0', 'published', { name: 'other' }),
          ],
        }),
      ),
    );
    const upgrades = recordRequests(
      server,
      'post',
      '/tenants/alpha/upgrade',
      () =>
        HttpResponse.json(
          tenant('alpha', {
            phase: 'Upgrading',
            templateVersion: 'kuberay@1.1.0',
          }),
        ),
    );
    const user = await renderTab(60_000);

    await user.click(await screen.findByLabelText('Upgrade alpha'));
    const dialog = await screen.findByRole('dialog', { name: 'Upgrade alpha' });
    const select = await within(dialog).findByLabelText('Template version');
    expect(
      within(select)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['kuberay@1.10.0', 'kuberay@1.1.0']);
    await user.selectOptions(select, 'kuberay@1.1.0');
    await user.click(within(dialog).getByRole('button', { name: 'Upgrade' }));

    expect(
      await screen.findByText('Upgrading alpha to kuberay@1.1.0'),
    ).toBeInTheDocument();
    expect(upgrades).toEqual([{ templateVersion: 'kuberay@1.1.0' }]);
  });

  it('deletes a tenant after confirming and shows it as Deleting until it is gone', async () => {
    const alpha = tenant('alpha');
    const deleting = tenant('alpha', {
      phase: 'Deleting',
      deletionRequestedAt: '2026-11-22T11:00:00Z',
    });
    let items = [alpha];
    // A live list: the handler reads `items` at each request.
    server.use(
      http.get(`${baseUrl}/tenants`, () => HttpResponse.json({ items })),
    );
    const deletes = recordRequests(server, 'delete', '/tenants/alpha', () => {
      items = [deleting];
      return HttpResponse.json(deleting);
    });
    const user = await renderTab(50);

    await user.click(await screen.findByLabelText('Delete alpha'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'removes everything the tenant owns on gpu-west',
    );
    expect(deletes).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() =>
      expect(screen.getByText('Deleting')).toBeInTheDocument(),
    );
    expect(deletes).toEqual([null]);
    // Polled while deleting: gone once the backend has removed it.
    items = [];
    await waitFor(() =>
      expect(screen.getByText('No tenants yet')).toBeInTheDocument(),
    );
  });
});
