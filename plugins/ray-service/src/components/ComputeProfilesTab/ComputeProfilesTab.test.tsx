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
import { http, HttpResponse } from 'msw';
import {
  errorResponse,
  fillIn,
  renderWithRayServiceApis,
  renderWithUser,
  serveList,
  serveNever,
  setupMsw,
  testBaseUrl as baseUrl,
} from '../../__testUtils__/renderAdmin';
import { computeProfile } from '../../__testUtils__/fixtures';
import { ComputeProfilesTab } from './ComputeProfilesTab';

const server = setupMsw();

/** What the backend adds to a stored profile. */
const stored = (({ createdAt, updatedAt, createdBy }) => ({
  createdAt,
  updatedAt,
  createdBy,
}))(computeProfile('stored'));
const largeMig = computeProfile('large-mig', {
  displayName: 'Large (MIG)',
  description: 'Two A100-40GB in 1g.5gb slices',
  resources: [
    {
      cpu: '32',
      memory: '128Gi',
      storage: '500Gi',
      gpuModel: 'A100-40GB',
      gpuCount: 2,
    },
  ],
  partitioning: { 'A100-40GB': { mode: 'mig', profile: '1g.5gb' } },
  allocation: {
    strategy: 'warmPool',
    desiredCapacity: 2,
    timezone: 'Europe/Berlin',
    windows: [
      { days: ['sat', 'sun'], from: '00:00', to: '24:00', desiredCapacity: 0 },
    ],
  },
  published: true,
  visibleTo: ['group:default/ml-teams'],
});
const h100 = computeProfile('h100-training', {
  displayName: 'H100 training',
  resources: [
    {
      cpu: '64',
      memory: '512Gi',
      storage: '1Ti',
      gpuModel: 'H100-80GB',
      gpuCount: 4,
    },
  ],
  published: false,
});

function serveProfiles(items: unknown[] = [largeMig, h100]) {
  serveList(server, '/profiles', items);
}

/** Records the bodies of `method` requests to `path` and answers with `respond`. */
function record(
  method: 'post' | 'put',
  path: string,
  respond: (body: any) => Response = body =>
    HttpResponse.json({ ...body, ...stored }),
) {
  const bodies: any[] = [];
  server.use(
    http[method](`${baseUrl}${path}`, async ({ request }) => {
      const body = await request.json();
      bodies.push(body);
      return respond(body);
    }),
  );
  return bodies;
}

async function openCreateDialog() {
  serveProfiles([]);
  const user = await renderWithUser(<ComputeProfilesTab />);
  await user.click(await screen.findByText('Create profile'));
  const dialog = await screen.findByRole('dialog');
  const group = within(dialog).getByRole('group', { name: 'resource group 1' });
  return { user, dialog, group };
}

type Setup = Awaited<ReturnType<typeof openCreateDialog>>;

async function fillBasics({ user, dialog, group }: Setup, memory = '32Gi') {
  await fillIn(user, within(dialog).getByLabelText(/^Name/), 'mig-small');
  await fillIn(
    user,
    within(dialog).getByLabelText(/^Display name/),
    'MIG small',
  );
  await fillIn(user, within(group).getByLabelText('CPU'), '8');
  await fillIn(user, within(group).getByLabelText('Memory'), memory);
  await fillIn(user, within(group).getByLabelText('Storage'), '100Gi');
}

describe('ComputeProfilesTab', () => {
  it('shows a progress bar while loading', async () => {
    serveNever(server, '/profiles');
    await renderWithRayServiceApis(<ComputeProfilesTab />);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    server.use(
      http.get(`${baseUrl}/profiles`, () =>
        errorResponse(500, 'database is on fire'),
      ),
    );
    await renderWithRayServiceApis(<ComputeProfilesTab />);
    expect(
      (await screen.findAllByText(/database is on fire/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('lists profiles with their resources, GPUs, allocation and visibility', async () => {
    serveProfiles();
    await renderWithRayServiceApis(<ComputeProfilesTab />);
    expect(await screen.findByText('Large (MIG)')).toBeInTheDocument();
    expect(
      screen.getByText('32 CPU · 128Gi memory · 500Gi storage'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '2 × A100-40GB as MIG 1g.5gb = 14 × nvidia.com/mig-1g.5gb',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('4 × H100-80GB = 4 × nvidia.com/gpu'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Warm pool of 2 (Europe/Berlin), 1 window'),
    ).toBeInTheDocument();
    expect(screen.getByText('group:default/ml-teams')).toBeInTheDocument();
    expect(screen.getByText('Everyone')).toBeInTheDocument();
    expect(screen.getByLabelText('Published large-mig')).toBeChecked();
    expect(screen.getByLabelText('Published h100-training')).not.toBeChecked();
  });

  it('creates a MIG profile with a warm pool and a weekend window', async () => {
    const posts = record('post', '/profiles');
    const setup = await openCreateDialog();
    const { user, dialog, group } = setup;
    await fillBasics(setup);
    await user.selectOptions(
      within(group).getByLabelText('GPU model'),
      'A100-40GB',
    );
    const partitioning = within(dialog).getByRole('group', {
      name: 'partitioning of A100-40GB',
    });
    await user.selectOptions(
      within(partitioning).getByLabelText('Mode'),
      'mig',
    );
    await user.selectOptions(
      within(partitioning).getByLabelText('MIG profile'),
      '2g.10gb',
    );
    await user.selectOptions(
      within(partitioning).getByLabelText('MIG profile'),
      '1g.5gb',
    );
    expect(
      within(dialog).getByText(
        /1 × A100-40GB as MIG 1g\.5gb = 7 × nvidia\.com\/mig-1g\.5gb/,
      ),
    ).toBeInTheDocument();

    await user.click(within(dialog).getByLabelText('Warm pool'));
    await fillIn(user, within(dialog).getByLabelText('Desired capacity'), '2');
    await fillIn(
      user,
      within(dialog).getByLabelText('Time zone'),
      'Europe/Berlin',
    );
    await user.click(within(dialog).getByText('Add window'));
    const window = within(dialog).getByRole('group', { name: 'window 1' });
    await user.click(within(window).getByLabelText('sun'));
    await user.click(within(window).getByLabelText('sat'));
    await fillIn(user, within(window).getByLabelText('From'), '00:00');
    await fillIn(user, within(window).getByLabelText('To'), '24:00');
    await fillIn(user, within(window).getByLabelText('Window capacity'), '0');
    await user.type(
      within(dialog).getByLabelText('Visible to'),
      'ml-teams{Enter}',
    );
    await user.click(within(dialog).getByText('Create'));

    expect(await screen.findByText('Created mig-small')).toBeInTheDocument();
    expect(posts).toEqual([
      {
        name: 'mig-small',
        displayName: 'MIG small',
        description: '',
        resources: [
          {
            cpu: '8',
            memory: '32Gi',
            storage: '100Gi',
            gpuModel: 'A100-40GB',
            gpuCount: 1,
          },
        ],
        partitioning: { 'A100-40GB': { mode: 'mig', profile: '1g.5gb' } },
        allocation: {
          strategy: 'warmPool',
          desiredCapacity: 2,
          timezone: 'Europe/Berlin',
          windows: [
            {
              days: ['sat', 'sun'],
              from: '00:00',
              to: '24:00',
              desiredCapacity: 0,
            },
          ],
        },
        published: false,
        visibleTo: ['group:default/ml-teams'],
      },
    ]);
  });

  it('shows an invalid memory quantity beside the field without sending', async () => {
    const posts = record('post', '/profiles');
    const setup = await openCreateDialog();
    await fillBasics(setup, 'lots');
    expect(
      within(setup.dialog).getByText(/Shown once every group/),
    ).toBeInTheDocument();
    await setup.user.click(within(setup.dialog).getByText('Create'));

    expect(
      within(setup.group).getByLabelText('Memory'),
    ).toHaveAccessibleDescription(/invalid quantity "lots"/);
    expect(
      within(setup.group).getByLabelText('CPU'),
    ).not.toHaveAccessibleDescription(/invalid/);
    expect(posts).toEqual([]);
  });

  it("maps a 400's details onto the fields", async () => {
    record('post', '/profiles', () =>
      errorResponse(400, 'resources.0.storage: larger than any node', [
        { field: 'resources.0.storage', message: 'larger than any node' },
      ]),
    );
    const setup = await openCreateDialog();
    await fillBasics(setup);
    await setup.user.click(within(setup.dialog).getByText('Create'));

    expect(
      await within(setup.dialog).findByText('larger than any node'),
    ).toBeInTheDocument();
    expect(
      within(setup.group).getByLabelText('Storage'),
    ).toHaveAccessibleDescription('larger than any node');
  });

  it('shows a 409 for a duplicate name in the dialog', async () => {
    record('post', '/profiles', () =>
      errorResponse(409, 'a compute profile named "mig-small" already exists'),
    );
    const setup = await openCreateDialog();
    await fillBasics(setup);
    await setup.user.click(within(setup.dialog).getByText('Create'));

    expect(
      await within(setup.dialog).findByText(
        'a compute profile named "mig-small" already exists',
      ),
    ).toBeInTheDocument();
  });

  it('edits a profile without changing its name', async () => {
    serveProfiles();
    const puts = record('put', '/profiles/h100-training');
    const user = await renderWithUser(<ComputeProfilesTab />);
    await user.click(await screen.findByLabelText('Edit h100-training'));
    const dialog = await screen.findByRole('dialog');

    expect(within(dialog).getByLabelText(/^Name/)).toBeDisabled();
    await fillIn(
      user,
      within(dialog).getByLabelText(/^Display name/),
      'H100 big',
    );
    await user.click(within(dialog).getByText('Save'));

    expect(await screen.findByText('Saved h100-training')).toBeInTheDocument();
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({
      name: 'h100-training',
      displayName: 'H100 big',
    });
  });

  it('publishes a profile with the switch', async () => {
    serveProfiles();
    const puts = record('put', '/profiles/h100-training');
    const user = await renderWithUser(<ComputeProfilesTab />);
    await user.click(await screen.findByLabelText('Published h100-training'));

    expect(
      await screen.findByText('h100-training is now published'),
    ).toBeInTheDocument();
    const { createdAt, updatedAt, createdBy, ...input } = h100;
    expect(puts).toEqual([{ ...input, published: true }]);
  });

  it('shows why a profile in use cannot be deleted', async () => {
    serveProfiles();
    server.use(
      http.delete(`${baseUrl}/profiles/large-mig`, () =>
        errorResponse(409, 'profile "large-mig" is used by 2 tenants'),
      ),
    );
    const user = await renderWithUser(<ComputeProfilesTab />);
    await user.click(await screen.findByLabelText('Delete large-mig'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByText('Delete'));

    expect(
      await within(dialog).findByText(
        'profile "large-mig" is used by 2 tenants',
      ),
    ).toBeInTheDocument();
  });
});
