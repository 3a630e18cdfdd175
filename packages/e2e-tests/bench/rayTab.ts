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
 * `yarn bench:ui`: the Ray tab of a tenant with 200 RayClusters and 500
 * RayJobs in headless Chromium. Starts the dev portal as alice.alpha (or uses
 * E2E_PORTAL_URL), seeds a tenant, and answers the tenant's workload lists
 * in the browser with schema-checked fixtures (page.route), so the figures
 * are the frontend's. Reports, per run, the time from navigation to the
 * first card's content (the tenant's health) and to both tables, then the
 * time per page change of the RayJobs table and the long tasks meanwhile.
 */

import { performance as clock } from 'node:perf_hooks';
import {
  fixtureRayCluster,
  fixtureRayJob,
} from '@ray-service/plugin-ray-service-common/testUtils';
import { seedTeamTenant } from '../src';
import { median, runBench } from './benchSession';

const TENANT = 'alpha-bench';
const RUNS = 5;
const PAGE_CHANGES = 10;

const clusters = Array.from({ length: 200 }, (_, i) =>
  fixtureRayCluster(TENANT, `cluster-${String(i).padStart(3, '0')}`, {
    phase: i % 10 ? 'Ready' : 'Suspended',
  }),
);
const jobs = Array.from({ length: 500 }, (_, i) =>
  fixtureRayJob(TENANT, `job-${String(i).padStart(3, '0')}`, {
    phase: i % 7 ? 'Succeeded' : 'Failed',
    jobStatus: i % 7 ? 'SUCCEEDED' : 'FAILED',
  }),
);

runBench({ user: 'alice.alpha', journey: 'bench-ray-tab' }, async session => {
  await seedTeamTenant(session, {
    name: TENANT,
    owner: 'group:default/ml-team-alpha',
  });
  const { page } = session;
  const answer = (items: unknown[]) => ({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ items }),
  });
  const base = `**/api/ray-service/tenants/${TENANT}`;
  await page.route(`${base}/rayclusters?*`, route =>
    route.fulfill(answer(clusters)),
  );
  await page.route(`${base}/rayjobs?*`, route => route.fulfill(answer(jobs)));
  await page.route(`${base}/rayservices?*`, route => route.fulfill(answer([])));
  await page.route(`${base}/job-history?*`, route => route.fulfill(answer([])));
  await session.open('/catalog');

  const tenantPath = `/catalog/default/resource/${TENANT}`;
  const healthShown = () => page.getByText('NamespaceReady').first().waitFor();
  const tablesShown = async () => {
    await page.getByText('cluster-000', { exact: true }).waitFor();
    await page.getByText('job-000', { exact: true }).waitFor();
  };

  // Cold: a full load of the Ray tab's URL (the dev bundle, sign-in, the entity).
  const coldCard: number[] = [];
  const coldTables: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    await page.goto(`${session.portal.appUrl}${tenantPath}/ray`);
    await healthShown();
    coldCard.push(await page.evaluate(() => globalThis.performance.now()));
    await tablesShown();
    coldTables.push(await page.evaluate(() => globalThis.performance.now()));
  }

  // In the app: from the tenant's Overview, a click on the Ray tab.
  const tabCard: number[] = [];
  const tabTables: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    await session.open(tenantPath);
    await page.getByText('Ray tenant', { exact: true }).waitFor();
    const started = clock.now();
    await page.getByRole('tab', { name: 'Ray' }).click();
    await healthShown();
    tabCard.push(clock.now() - started);
    await tablesShown();
    tabTables.push(clock.now() - started);
    console.log(
      `run ${run}: Ray tab clicked → first card ${tabCard[run - 1].toFixed(
        0,
      )} ms, both tables ${tabTables[run - 1].toFixed(
        0,
      )} ms; full load → first card ${coldCard[run - 1].toFixed(0)} ms`,
    );
  }
  await session.screenshot('ray-tab-200-clusters-500-jobs');

  // Paging the RayJobs table: from the click to the next page's first row.
  await page.evaluate(() => {
    (window as any).longTasks = [];
    new PerformanceObserver(list =>
      (window as any).longTasks.push(...list.getEntries().map(e => e.duration)),
    ).observe({ type: 'longtask' });
  });
  // Dev builds suffix MUI class names (MuiCard-root-123).
  const jobsCard = page
    .locator('[class*="MuiCard-root"]')
    .filter({ hasText: 'Submit job' })
    .last();
  const pageChanges: number[] = [];
  for (let i = 1; i <= PAGE_CHANGES; i++) {
    const expected = `job-${String(i * 10).padStart(3, '0')}`;
    const started = clock.now();
    await jobsCard.getByRole('button', { name: 'Next Page' }).click();
    await jobsCard.getByText(expected, { exact: true }).waitFor();
    pageChanges.push(clock.now() - started);
  }
  const longTasks: number[] = await page.evaluate(
    () => (window as any).longTasks,
  );
  await session.screenshot('ray-jobs-page-11');
  const summary = (what: string, values: number[]) =>
    console.log(
      `${what}: median ${median(values).toFixed(0)} ms (runs: ${values
        .map(v => v.toFixed(0))
        .join(', ')})`,
    );
  console.log('');
  summary('Ray tab clicked → first card (health)', tabCard);
  summary('Ray tab clicked → both tables (200 clusters, 500 jobs)', tabTables);
  summary('full load of the tab URL → first card', coldCard);
  summary('full load of the tab URL → both tables', coldTables);
  console.log(
    `RayJobs page change: median ${median(pageChanges).toFixed(
      0,
    )} ms, max ${Math.max(...pageChanges).toFixed(
      0,
    )} ms over ${PAGE_CHANGES} pages; long tasks meanwhile: ${
      longTasks.length
    } (longest ${Math.max(0, ...longTasks).toFixed(0)} ms)`,
  );
});
