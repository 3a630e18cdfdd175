#!/usr/bin/env node
/*
 * Copyright 2026 The Ray as a Service for Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Takes screenshots of portal pages with headless Chromium (Debian's
 * /usr/bin/chromium, or CHROMIUM_PATH) so UI work can be looked at:
 *   node scripts/screenshots.mjs /ray-service /catalog ...
 * Needs a running `yarn start`; writes PNGs to screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const baseUrl = process.env.PORTAL_URL ?? 'http://localhost:3000';
const paths = process.argv.slice(2).filter(a => !a.startsWith('--'));
const clicks = process.argv
  .slice(2)
  .filter(a => a.startsWith('--click='))
  .map(a => a.slice('--click='.length));
mkdirSync('screenshots', { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
/** Opens a page, entering as the guest user when the sign-in page shows. */
async function open(path) {
  await page.goto(`${baseUrl}${path}`);
  const enter = page.getByRole('button', { name: 'Enter' });
  const signIn = await enter
    .waitFor({ timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  if (signIn) await enter.click();
  await page.waitForLoadState('networkidle');
  await settle();
}

/** Waits until the page shows no progress bar (lazy chunks, data loads). */
async function settle() {
  await page.waitForSelector('main', { timeout: 60000 });
  await page
    .waitForFunction(
      () =>
        !document.querySelector(
          '[data-testid="progress"], [role="progressbar"]',
        ),
      undefined,
      { timeout: 60000 },
    )
    .catch(() => console.warn('page still shows a progress bar'));
}

for (const path of paths.length ? paths : ['/ray-service']) {
  await open(path);
  for (const text of clicks) {
    await page.getByText(text, { exact: true }).first().click();
    await page.waitForLoadState('networkidle');
    await settle();
  }
  await page.waitForTimeout(1000);
  const file = `screenshots/${path.replace(/[^a-z0-9]+/gi, '_') || 'root'}${
    clicks.length ? `_${clicks.join('_').replace(/[^a-z0-9]+/gi, '_')}` : ''
  }.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(`saved ${file}`);
}
await browser.close();
