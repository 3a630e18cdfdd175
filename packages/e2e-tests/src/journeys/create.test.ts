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

/*
 * Issue 10's journeys on the Create page, as a plain member of ml-team-alpha
 * (alice.alpha): the "Ray tenant" template filled with the Ray pickers, its
 * dry run, the task log reaching Ready and the output link to the tenant's
 * Ray tab; then the "Ray job" template into a Ready tenant.
 * Screenshots: e2e-artifacts/create/.
 */

import {
  browserJourney,
  CreatePage,
  describeInBrowser,
  seedTeamTenant,
  warmUpRayJobs,
} from '..';

const TEAM = 'group:default/ml-team-alpha';
/** Made by the tenant journey through the form; new on every run, so a portal that already runs (E2E_PORTAL_URL) can run it again. */
const NEW_TENANT = `alpha-new-${Date.now().toString(36)}`;
/** Made through the API for the job journey. */
const JOB_TENANT = 'alpha-jobs';
const RAY_TAB_LINK = "Open the tenant's Ray tab";

jest.setTimeout(10 * 60_000);

describeInBrowser('the Create page in the dev portal, as a team member', () => {
  const journey = browserJourney({ user: 'alice.alpha', journey: 'create' });
  let create: CreatePage;
  beforeAll(() => {
    create = new CreatePage(journey.session);
  });

  it('creates a tenant with the "Ray tenant" template and follows the link to its Ray tab', async () => {
    const { session, page } = journey;
    await create.template('Ray tenant');
    await create.textField('Tenant name').fill(NEW_TENANT);
    // The member's only group is chosen for them, once the catalog answered.
    const owner = await page
      .getByRole('textbox', { name: 'Owner' })
      .elementHandle();
    await page.waitForFunction(
      input => (input as HTMLInputElement | null)?.value === 'ML Team Alpha',
      owner,
    );
    await session.screenshot('tenant-name-and-owner');
    await create.next();

    await create.choose('Compute profile', 'Small');
    await create.choose('Template version', 'kuberay@2.0.0');
    await session.screenshot('tenant-profile-and-version');
    await create.next();

    await create.dryRunPassed();
    await expect(page.locator('main').innerText()).resolves.toContain(
      `namespace ray-${NEW_TENANT}`,
    );
    await session.screenshot('tenant-dry-run');
    await create.next();
    await session.screenshot('tenant-review');

    const task = await create.create(RAY_TAB_LINK);
    // Pending → Provisioning → Ready, or Pending → Ready when one pass
    // converges it between two of the action's looks
    await task.getByText(/Phase: \w+ → Ready/).waitFor();
    await expect(task.innerText()).resolves.toMatch(
      new RegExp(`Tenant\\s+${NEW_TENANT}\\s+is Ready`),
    );
    await session.screenshot('tenant-task-done');

    await task.getByRole('link', { name: RAY_TAB_LINK }).click();
    await page.waitForURL(`**/catalog/default/resource/${NEW_TENANT}/ray`);
    // The catalog has the new tenant within seconds of its creation.
    await page.getByText('Health', { exact: true }).waitFor();
    await session.settle();
    await session.screenshot('tenant-ray-tab');
  });

  it('runs a job with the "Ray job" template in a Ready tenant and sees it succeed', async () => {
    const { session, page } = journey;
    await seedTeamTenant(session, { name: JOB_TENANT, owner: TEAM });
    await warmUpRayJobs(session, JOB_TENANT);

    await create.template('Ray job');
    await create.choose('Tenant', JOB_TENANT);
    await create.textField('Job name').fill('hello-template');
    await session.screenshot('job-tenant-and-name');
    await create.next();
    await session.screenshot('job-cluster');
    await create.next();
    await create.dryRunPassed();
    await session.screenshot('job-dry-run');
    await create.next();

    const task = await create.create(RAY_TAB_LINK);
    await expect(task.innerText()).resolves.toMatch(
      /RayJob\s+hello-template\s+in tenant \S+\s+ended SUCCEEDED/,
    );
    await session.screenshot('job-task-done');
    expect(page.url()).toMatch(/\/create\/tasks\//);
  });

  it('stops a job too big for the tenant at the dry run, with the reason, before anything runs', async () => {
    const { session, page } = journey;
    await seedTeamTenant(session, { name: JOB_TENANT, owner: TEAM });

    await create.template('Ray job');
    await create.choose('Tenant', JOB_TENANT);
    await create.textField('Job name').fill('too-big');
    await create.next();
    // The small profile's quota is 8 CPU.
    await create.textField('CPU').fill('64');
    await create.next();

    const refusal = page
      .getByRole('alert')
      .filter({ hasText: 'This cannot work as chosen' });
    await refusal.waitFor();
    // The field and the numbers, e.g. "cluster.new.head: … the tenant has 8100m free of 8100m".
    await expect(refusal.innerText()).resolves.toMatch(
      /cluster\.new\.head: .*the tenant has \S+ free of \S+/,
    );
    await session.screenshot('job-refused');

    // The form stays on the dry run: Review does not lead to Create.
    await page.getByRole('button', { name: 'Review' }).click();
    await session.settle();
    await expect(
      page.getByRole('button', { name: 'Create' }).count(),
    ).resolves.toBe(0);
    const jobs = await session.api.listRayJobs({
      path: { tenant: JOB_TENANT },
    });
    expect(jobs.items.map(job => job.name)).not.toContain('too-big');
  });
});
