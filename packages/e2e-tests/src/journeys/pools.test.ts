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
 * Issue 12's journey, as the admin guest (a member of ml-team-alpha too):
 * the shipped large-mig profile's warm pool is full; a tenant from it is
 * Ready at once; the Pools tab shows the claim and the refill, on the table
 * and the chart; a larger desired capacity set on the Compute profiles tab
 * grows the pool within a loop. Screenshots: e2e-artifacts/pools/.
 */

import { Locator } from 'playwright-core';
import { browserJourney, describeInBrowser, PATIENCE_MS } from '..';

const POOL = 'large-mig';
/** New on every run, so a portal that already runs (E2E_PORTAL_URL) can run it again. */
const TENANT = `pool-e2e-${Date.now().toString(36)}`;

jest.setTimeout(10 * 60_000);

/** The Pools table's columns this journey reads. */
const COLUMN = { desiredNow: 2, ready: 3, provisioning: 4, claims: 5 };

describeInBrowser('warm pools in the dev portal, as an admin', () => {
  const journey = browserJourney({
    user: 'guest',
    journey: 'pools',
    // One standby outside any window, whatever day the journey runs on.
    prepare: async ({ api }) => {
      const { createdAt, updatedAt, createdBy, ...profile } =
        await api.getProfile({ path: { name: POOL } });
      if (profile.allocation.strategy !== 'warmPool') {
        throw new Error(`the shipped ${POOL} profile has no warm pool`);
      }
      await api.updateProfile({
        path: { name: POOL },
        body: {
          ...profile,
          allocation: {
            ...profile.allocation,
            desiredCapacity: 1,
            windows: [],
          },
        },
      });
    },
  });

  /** The pool's row on the Pools tab (it polls), once `holds` is true of its cells. */
  async function poolRowWhen(
    what: string,
    holds: (cells: string[]) => boolean,
  ): Promise<string[]> {
    const row: Locator = journey.page
      .getByRole('row')
      .filter({ has: journey.page.getByRole('cell', { name: POOL }) });
    const deadline = Date.now() + PATIENCE_MS;
    for (;;) {
      const cells = (await row.count())
        ? (await row.first().getByRole('cell').allInnerTexts()).map(cell =>
            cell.trim(),
          )
        : [];
      if (cells.length && holds(cells)) return cells;
      if (Date.now() > deadline) {
        throw new Error(`pool ${POOL} never ${what}; last row: ${cells}`);
      }
      await journey.page.waitForTimeout(1000);
    }
  }
  const full = (desired: string) => (cells: string[]) =>
    cells[COLUMN.desiredNow] === desired &&
    cells[COLUMN.ready] === desired &&
    cells[COLUMN.provisioning] === '0';

  it('shows a claim from the pool and the refill on the Pools tab', async () => {
    const { session, page } = journey;
    await session.open('/ray-service/pools');
    await poolRowWhen('filled to 1', full('1'));
    await session.screenshot('pool-full');

    const tenant = await session.api.createTenant({
      body: {
        name: TENANT,
        owner: 'group:default/ml-team-alpha',
        profile: POOL,
        templateVersion: 'kuberay@2.0.0',
      },
    });
    expect(tenant).toMatchObject({
      phase: 'Ready',
      provisioning: { source: 'warmPool' },
    });

    const refilled = await poolRowWhen(
      'showed the claim and refilled',
      cells => full('1')(cells) && cells[COLUMN.claims] === '1',
    );
    expect(refilled[COLUMN.claims]).toBe('1');
    // The chart's caption reads its last sample (one every 15 s in yarn start).
    await page
      .getByText(
        new RegExp(`^${POOL}: 1 ready of 1 desired at .*; 1 claim\\(s\\)`),
      )
      .waitFor();
    await session.screenshot('claim-and-refill');
  });

  it('grows the pool when an admin raises its desired capacity', async () => {
    const { session, page } = journey;
    await session.open('/ray-service/profiles');
    await page.getByRole('button', { name: `Edit ${POOL}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('spinbutton', { name: 'Desired capacity' })
      .fill('2');
    await session.screenshot('desired-capacity-2');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await session.open('/ray-service/pools');
    await poolRowWhen(
      'reached 2 desired',
      cells => cells[COLUMN.desiredNow] === '2',
    );
    await poolRowWhen('grew to 2 ready', full('2'));
    await session.screenshot('pool-grown');
  });
});
