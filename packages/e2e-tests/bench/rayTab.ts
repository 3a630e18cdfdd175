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

import { performance } from 'node:perf_hooks';
import {
  fixtureRayCluster,
  fixtureRayJob,
} from '@ray-service/plugin-ray-service-common/testUtils';
import {
  launchChromium,
  openSession,
  seedTeamTenant,
  startPortal,
} from '../src';

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

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const portal = await startPortal({ user: 'alice.alpha' });
  const browser = await launchChromium();
  try {
    const session = await openSession(browser, portal, 'bench-ray-tab');
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
    await page.route(`${base}/rayservices?*`, route =>
      route.fulfill(answer([])),
    );
    await page.route(`${base}/job-history?*`, route =>
      route.fulfill(answer([])),
    );
    await session.open('/catalog');

    const firstCard: number[] = [];
    const tables: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      await page.goto(
        `${portal.appUrl}/catalog/default/resource/${TENANT}/ray`,
      );
      await page.getByText('NamespaceReady').first().waitFor();
      const card = await page.evaluate(() => performance.now());
      await page.getByText('cluster-000').waitFor();
      await page.getByText('job-000').waitFor();
      const both = await page.evaluate(() => performance.now());
      firstCard.push(card);
      tables.push(both);
      console.log(
        `run ${run}: first card ${card.toFixed(
          0,
        )} ms, both tables ${both.toFixed(0)} ms after navigation`,
      );
    }
    await session.screenshot('ray-tab-200-clusters-500-jobs');

    // Paging the RayJobs table: from the click to the next page's first row.
    await page.evaluate(() => {
      (window as any).longTasks = [];
      new PerformanceObserver(list =>
        (window as any).longTasks.push(
          ...list.getEntries().map(e => e.duration),
        ),
      ).observe({ type: 'longtask' });
    });
    const jobsCard = page
      .locator('.MuiCard-root')
      .filter({ hasText: 'RayJobs' })
      .first();
    const pageChanges: number[] = [];
    for (let i = 1; i <= PAGE_CHANGES; i++) {
      const expected = `job-${String(i * 10).padStart(3, '0')}`;
      const started = performance.now();
      await jobsCard.getByRole('button', { name: 'Next Page' }).click();
      await jobsCard.getByText(expected, { exact: true }).waitFor();
      pageChanges.push(performance.now() - started);
    }
    const longTasks: number[] = await page.evaluate(
      () => (window as any).longTasks,
    );
    await session.screenshot('ray-jobs-page-11');
    console.log(
      `\nfirst card (health) after navigation: median ${median(
        firstCard,
      ).toFixed(0)} ms (runs: ${firstCard.map(v => v.toFixed(0)).join(', ')})`,
    );
    console.log(
      `both tables (200 clusters, 500 jobs): median ${median(tables).toFixed(
        0,
      )} ms`,
    );
    console.log(
      `RayJobs page change: median ${median(pageChanges).toFixed(
        0,
      )} ms, max ${Math.max(...pageChanges).toFixed(
        0,
      )} ms over ${PAGE_CHANGES} pages; long tasks meanwhile: ${
        longTasks.length
      } (longest ${Math.max(0, ...longTasks).toFixed(0)} ms)`,
    );
    await session.close();
  } finally {
    await browser.close();
    await portal.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
