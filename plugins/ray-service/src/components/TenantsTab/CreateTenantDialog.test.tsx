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

import { screen, within } from '@testing-library/react';
import { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  errorResponse,
  fillIn,
  findCodeText,
  recordRequests,
  renderWithUser,
  setupMsw,
  testBaseUrl as baseUrl,
} from '../../__testUtils__/renderAdmin';
import {
  computeProfile,
  templateVersion,
  tenant,
} from '../../__testUtils__/fixtures';
import { CreateTenantDialog } from './CreateTenantDialog';
import { TenantsTab } from './TenantsTab';

const server = setupMsw();

const planYaml = `apiVersion: v1
kind: Namespace
metadata:
  name: ray-alpha
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: ray-alpha
  namespace: ray-alpha
`;

const plan = {
  hostCluster: 'gpu-west',
  isolation: 'namespace',
  namespace: 'ray-alpha',
  objects: [{}, {}],
  summary: ['Quota: 8 CPU, 32Gi memory', 'Queue: ray-alpha in cohort ml'],
  yaml: planYaml,
};

/** The choices the form loads: profiles, versions and clusters. */
function serveChoices() {
  server.use(
    http.get(`${baseUrl}/profiles`, () =>
      HttpResponse.json({
        items: [
          computeProfile('small'),
          computeProfile('secret', { published: false }),
        ],
      }),
    ),
    http.get(`${baseUrl}/templates`, () =>
      HttpResponse.json({
        items: [
          templateVersion('1.0.0', 'published'),
          templateVersion('1.1.0', 'published', {
            isolationModes: ['namespace'],
          }),
          templateVersion('2.0.0', 'draft'),
        ],
      }),
    ),
    http.get(`${baseUrl}/host-clusters`, () =>
      HttpResponse.json({
        items: [{ name: 'gpu-west', title: 'GPU west' }],
      }),
    ),
  );
}

async function openDialog() {
  serveChoices();
  const onCreated = jest.fn();
  const user = await renderWithUser(
    <CreateTenantDialog onClose={jest.fn()} onCreated={onCreated} />,
  );
  const dialog = await screen.findByRole('dialog', { name: 'Create tenant' });
  // Wait for the choices, so selecting works.
  await within(dialog).findByRole('option', { name: 'GPU west (gpu-west)' });
  return { user, dialog, onCreated };
}

/** Fills in a valid request for `alpha`, the owner as a bare group name. */
async function fillInAlpha(user: UserEvent, dialog: HTMLElement) {
  const field = (label: string) => within(dialog).getByLabelText(label);
  await fillIn(user, field('Name'), 'alpha');
  await fillIn(user, field('Owner'), 'ML-Team-Alpha');
  await user.selectOptions(field('Compute profile'), 'small');
  await user.selectOptions(field('Template version'), 'kuberay@1.1.0');
  await user.selectOptions(field('Host cluster'), 'gpu-west');
  await user.selectOptions(field('Isolation'), 'namespace');
}

const alphaRequest = {
  name: 'alpha',
  owner: 'group:default/ml-team-alpha',
  profile: 'small',
  templateVersion: 'kuberay@1.1.0',
  hostCluster: 'gpu-west',
  isolation: 'namespace',
};

describe('CreateTenantDialog', () => {
  it('offers published choices and the isolation modes of the chosen version', async () => {
    const { user, dialog } = await openDialog();
    const optionsOf = (label: string) =>
      within(within(dialog).getByLabelText(label))
        .getAllByRole('option')
        .map(option => option.getAttribute('value'));

    expect(optionsOf('Compute profile')).toEqual(['', 'small']);
    expect(optionsOf('Template version')).toEqual([
      '',
      'kuberay@1.0.0',
      'kuberay@1.1.0',
    ]);
    expect(optionsOf('Host cluster')).toEqual(['', 'gpu-west']);
    expect(within(dialog).getByLabelText('Isolation')).toBeDisabled();

    await user.selectOptions(
      within(dialog).getByLabelText('Template version'),
      'kuberay@1.1.0',
    );
    expect(within(dialog).getByLabelText('Isolation')).toBeEnabled();
    expect(optionsOf('Isolation')).toEqual(['', 'namespace']);
  });

  it('shows the summary and YAML of a dry run', async () => {
    const plans = recordRequests(server, 'post', '/tenants/plan', () =>
      HttpResponse.json(plan),
    );
    const { user, dialog, onCreated } = await openDialog();
    await fillInAlpha(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Dry run' }));

    const result = await within(dialog).findByRole('region', {
      name: 'Dry run result',
    });
    expect(result).toHaveTextContent(
      'Dry run: 2 objects in namespace ray-alpha on gpu-west (namespace)',
    );
    expect(
      within(result)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(plan.summary);
    expect(await findCodeText(result)).toBe(planYaml);
    expect(
      within(result).getByRole('button', { name: 'Copy text' }),
    ).toBeInTheDocument();
    expect(plans).toEqual([alphaRequest]);
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('creates the tenant with the owner normalized and refreshes the list', async () => {
    serveChoices();
    let tenants: unknown[] = [];
    // A live list: the handler reads `tenants` at each request.
    server.use(
      http.get(`${baseUrl}/tenants`, () =>
        HttpResponse.json({ items: tenants }),
      ),
    );
    const created = tenant('alpha', {
      phase: 'Pending',
      isolation: 'namespace',
      conditions: [],
    });
    const creates = recordRequests(server, 'post', '/tenants', () => {
      tenants = [created];
      return HttpResponse.json(created, { status: 201 });
    });
    const user = await renderWithUser(<TenantsTab pollIntervalMs={60_000} />);

    await user.click(
      await screen.findByRole('button', { name: 'Create tenant' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Create tenant' });
    await within(dialog).findByRole('option', { name: 'GPU west (gpu-west)' });
    await fillInAlpha(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(
      await screen.findByText('Creating alpha on gpu-west'),
    ).toBeInTheDocument();
    expect(creates).toEqual([alphaRequest]);
    expect(await screen.findByText('Pending')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows an invalid name beside the field without sending anything', async () => {
    const creates = recordRequests(server, 'post', '/tenants', () =>
      HttpResponse.json({}, { status: 201 }),
    );
    const { user, dialog } = await openDialog();
    await fillInAlpha(user, dialog);
    await fillIn(user, within(dialog).getByLabelText('Name'), 'Alpha_1');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription(
      /must be lowercase letters, digits and "-"/,
    );
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Some fields need attention',
    );
    expect(creates).toEqual([]);
  });

  it("shows a 409's reason", async () => {
    recordRequests(server, 'post', '/tenants', () =>
      errorResponse(
        409,
        'host cluster gpu-west has no room for profile small: 8 CPU needed, 2 free',
      ),
    );
    const { user, dialog, onCreated } = await openDialog();
    await fillInAlpha(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'host cluster gpu-west has no room for profile small: 8 CPU needed, 2 free',
    );
    expect(onCreated).not.toHaveBeenCalled();
  });

  it("maps a 400's details onto the fields", async () => {
    recordRequests(server, 'post', '/tenants/plan', () =>
      errorResponse(400, 'profile: is not visible to the owner', [
        { field: 'profile', message: 'is not visible to the owner' },
      ]),
    );
    const { user, dialog } = await openDialog();
    await fillInAlpha(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Dry run' }));

    expect(
      await within(dialog).findByText('is not visible to the owner'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByLabelText('Compute profile'),
    ).toHaveAccessibleDescription('is not visible to the owner');
  });
});
