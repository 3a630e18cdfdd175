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
import { fillIn, setupMsw } from '../../__testUtils__/renderAdmin';
import { renderTenantWorkloads } from '../../__testUtils__/workloadApi';
import { RayTenantContent } from './RayTenantContent';

const server = setupMsw();

/** The Ray tab of tenant alpha, once its button `name` was clicked. */
async function clickOnTab(name: string) {
  const rendered = await renderTenantWorkloads(server, <RayTenantContent />);
  await rendered.user.click(await screen.findByRole('button', { name }));
  return rendered;
}

/** Fills the Submit RayJob dialog's `fields` (by label) and submits it. */
async function submitJob(fields: Record<string, string>) {
  const { api, user } = await clickOnTab('Submit job');
  const dialog = await screen.findByRole('dialog', { name: 'Submit RayJob' });
  for (const [label, text] of Object.entries(fields)) {
    await fillIn(user, within(dialog).getByLabelText(label), text);
  }
  await user.click(within(dialog).getByRole('button', { name: 'Submit' }));
  return { api, dialog };
}

describe('the Ray tab', () => {
  it('shows health, quota use, workloads and the job history', async () => {
    await renderTenantWorkloads(server, <RayTenantContent />);

    expect(await screen.findByText('NamespaceReady')).toBeInTheDocument();
    const quota = await screen.findByRole('list', { name: 'Quota use' });
    expect(
      within(quota).getByText('CPU: 6 of 32 CPU (19%)'),
    ).toBeInTheDocument();
    expect(
      within(quota).getByText('nvidia.com/mig-1g.5gb: 7 of 14 (50%)'),
    ).toBeInTheDocument();
    expect(await screen.findByText('interactive')).toBeInTheDocument();
    expect(screen.getByText('workers: 2/2')).toBeInTheDocument();
    expect(await screen.findByText('train-2')).toBeInTheDocument();
    expect(screen.getByText('Ray: RUNNING')).toBeInTheDocument();
    expect(await screen.findByText('hello: RUNNING')).toBeInTheDocument();
    expect(await screen.findByText('old-run')).toBeInTheDocument();
    expect(screen.getByText('1m 20s')).toBeInTheDocument();
  });

  it('submits a job to a new cluster', async () => {
    const { api } = await submitJob({ Name: 'my-job', Workers: '2' });

    expect(
      await screen.findByText('RayJob submitted submitted'),
    ).toBeInTheDocument();
    expect(api.bodies['POST /tenants/alpha/rayjobs']).toEqual([
      {
        name: 'my-job',
        entrypoint:
          'python -c "import ray; ray.init(); print(ray.cluster_resources())"',
        cluster: {
          new: {
            head: { cpu: '1', memory: '2Gi' },
            workerGroups: [
              { name: 'workers', replicas: 2, cpu: '1', memory: '2Gi' },
            ],
            auth: 'token',
            scheduler: 'volcano',
          },
          shutdownAfterJobFinishes: true,
          ttlSecondsAfterFinished: 60,
        },
        submissionMode: 'K8sJobMode',
      },
    ]);
  });

  it('checks the job before sending it', async () => {
    const { api, dialog } = await submitJob({
      Name: 'Not A Name',
      'Head CPU': 'lots',
    });

    expect(
      await within(dialog).findByText(/lowercase letters/),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Head CPU')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.bodies['POST /tenants/alpha/rayjobs']).toBeUndefined();
  });

  it("reads a job's logs", async () => {
    const { api } = await clickOnTab('Logs of train-2');
    expect(
      await screen.findByRole('dialog', { name: 'Logs of train-2' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.requests).toContain('GET /tenants/alpha/rayjobs/train-2/logs'),
    );
    expect(await screen.findByTestId('job-logs')).toBeInTheDocument();
  });

  it("shows a cluster's nodes, use, demand and Serve applications", async () => {
    await clickOnTab('Ray data of interactive');
    const dialog = await screen.findByRole('dialog', {
      name: 'Ray data of interactive',
    });
    const nodes = await within(dialog).findByRole('table', {
      name: 'Ray nodes',
    });
    expect(within(nodes).getByText('10.0.0.12')).toBeInTheDocument();
    expect(
      within(nodes).getByText('CPU 2, GPU 1, memory 4.0 GiB'),
    ).toBeInTheDocument();
    const use = await within(dialog).findByRole('table', {
      name: 'Resource use',
    });
    expect(within(use).getByText('8.0 GiB')).toBeInTheDocument();
    const demand = await within(dialog).findByRole('table', {
      name: 'Pending demand',
    });
    expect(
      within(dialog).getByText('Ray 2.60.0 (commit 0d2c6fb9)'),
    ).toBeInTheDocument();
    expect(within(demand).getByText('CPU 4, GPU 1')).toBeInTheDocument();
    const serve = await within(dialog).findByRole('table', {
      name: 'Serve applications',
    });
    expect(within(serve).getByText('Hello HEALTHY ×1')).toBeInTheDocument();
  });

  it('deletes a cluster only after asking', async () => {
    const { api, user } = await clickOnTab('Delete interactive');
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete interactive?',
    });
    expect(api.requests).not.toContain(
      'DELETE /tenants/alpha/rayclusters/interactive',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(
      await screen.findByText('interactive is being deleted'),
    ).toBeInTheDocument();
    expect(api.requests).toContain(
      'DELETE /tenants/alpha/rayclusters/interactive',
    );
  });

  it('stops a running job after asking', async () => {
    const { api, user } = await renderTenantWorkloads(
      server,
      <RayTenantContent />,
    );
    expect(
      await screen.findByRole('button', { name: 'Logs of train-1' }),
    ).toBeInTheDocument();
    // Only the running job can be stopped.
    expect(screen.queryByRole('button', { name: 'Stop train-1' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Stop train-2' }));
    await user.click(
      within(
        await screen.findByRole('dialog', { name: 'Stop train-2?' }),
      ).getByRole('button', { name: 'Stop' }),
    );
    await waitFor(() =>
      expect(api.requests).toContain(
        'POST /tenants/alpha/rayjobs/train-2/stop',
      ),
    );
  });
});
