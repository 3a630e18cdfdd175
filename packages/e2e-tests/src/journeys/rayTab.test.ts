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
 * Issue 11's journeys, as a plain member of ml-team-alpha (alice.alpha):
 * the team's tenant in the catalog, its Ray tab with quota use, a job
 * submitted from the tab that finishes and shows its logs, and the Group
 * page's Ray tenants card. Screenshots: e2e-artifacts/ray-tab/.
 */

import {
  browserJourney,
  describeInBrowser,
  PATIENCE_MS,
  seedTeamTenant,
  warmUpRayJobs,
} from '..';

const TEAM = 'group:default/ml-team-alpha';
const TENANT = 'alpha-e2e';

jest.setTimeout(10 * 60_000);

describeInBrowser('the Ray tab in the dev portal, as a team member', () => {
  const journey = browserJourney({
    user: 'alice.alpha',
    journey: 'ray-tab',
    prepare: async session => {
      await seedTeamTenant(session, { name: TENANT, owner: TEAM });
      await warmUpRayJobs(session, TENANT);
    },
  });

  it("opens the team's tenant from the catalog and sees its quota use", async () => {
    const { session, page } = journey;
    await session.open(
      '/catalog?filters%5Bkind%5D=resource&filters%5Buser%5D=all',
    );
    // The provider's delta brings the new tenant within seconds; reload until listed.
    const link = page.getByRole('link', { name: TENANT, exact: true });
    const deadline = Date.now() + PATIENCE_MS;
    while (!(await link.count())) {
      if (Date.now() > deadline)
        throw new Error(`${TENANT} is not in the catalog`);
      await page.waitForTimeout(1000);
      await page.reload();
      await session.settle();
    }
    await session.screenshot('catalog-resources');
    await link.click();
    await page.getByText('Ray tenant', { exact: true }).waitFor();
    await session.settle();
    await session.screenshot('tenant-overview');

    await page.getByRole('tab', { name: 'Ray' }).click();
    await page.getByText('Health', { exact: true }).waitFor();
    const quota = page.getByRole('list', { name: 'Quota use' });
    await quota.waitFor();
    expect(await quota.innerText()).toMatch(/CPU: \S+ of \S+ CPU \(\d+%\)/);
    await page
      .getByTestId('quota-chart')
      .locator('svg.recharts-surface')
      .waitFor();
    await session.settle();
    await session.screenshot('ray-tab');
  });

  it('submits a job from the tab, watches it finish and reads its logs', async () => {
    const { session, page } = journey;
    await session.open(`/catalog/default/resource/${TENANT}/ray`);
    await page.getByRole('button', { name: 'Submit job' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Submit RayJob' });
    await dialog.getByLabel('Name').fill('hello-e2e');
    await dialog.getByLabel('Workers').fill('0');
    await session.screenshot('submit-job');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row').filter({ hasText: 'hello-e2e' });
    await row.getByText('Succeeded').waitFor({ timeout: 5 * 60_000 });
    await session.screenshot('job-succeeded');

    await page.getByRole('button', { name: 'Logs of hello-e2e' }).click();
    const logs = page.getByRole('dialog', { name: 'Logs of hello-e2e' });
    await logs.getByTestId('job-logs').waitFor();
    await session.settle();
    expect(await logs.getByTestId('job-logs').innerText()).not.toMatch(
      /^\s*\(no output yet\)\s*$/,
    );
    await session.screenshot('job-logs');
    await logs.getByRole('button', { name: 'Close' }).click();
  });

  it("shows the team's tenants on the Group page", async () => {
    const { session, page } = journey;
    await session.open('/catalog/default/group/ml-team-alpha');
    const card = page
      .locator('article, .MuiCard-root')
      .filter({ hasText: 'Ray tenants' });
    await card.getByRole('link', { name: TENANT }).first().waitFor();
    await session.settle();
    expect(await card.first().innerText()).toMatch(/Ready/);
    await session.screenshot('group-page');
  });
});
