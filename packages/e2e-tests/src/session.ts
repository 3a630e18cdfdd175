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

import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { RayServiceClient } from '@ray-service/plugin-ray-service-common';
import { ARTIFACTS_DIR, Portal } from './portal';

/** Patience for what the portal does by itself (catalog processing, polls). */
export const PATIENCE_MS = 120_000;

export interface Session {
  page: Page;
  portal: Portal;
  /** Opens a path of the portal, signing in as the guest when asked, and waits until it settled. */
  open(path: string): Promise<void>;
  /** Waits until no progress bar shows (lazy chunks, data loads). */
  settle(): Promise<void>;
  /** Saves a full-page screenshot as `e2e-artifacts/<journey>/<nn>-<name>.png`. */
  screenshot(name: string): Promise<string>;
  /** The REST API as the signed-in user, with the typed client. */
  api: RayServiceClient;
  close(): Promise<void>;
}

/** The signed-in user's Backstage token, from the guest provider. */
async function guestToken(portal: Portal): Promise<string> {
  const response = await fetch(
    `${portal.backendUrl}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  if (!response.ok) {
    throw new Error(`guest sign-in answered ${response.status}`);
  }
  const body = await response.json();
  return body.backstageIdentity.token;
}

/**
 * A browser page on the portal for one journey, with the API as the same
 * user. Screenshots go to `e2e-artifacts/<journey>/`, numbered in order.
 */
export async function openSession(
  browser: Browser,
  portal: Portal,
  journey: string,
): Promise<Session> {
  const dir = resolve(ARTIFACTS_DIR, journey);
  await mkdir(dir, { recursive: true });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(PATIENCE_MS);
  const token = await guestToken(portal);
  const api = new RayServiceClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `${portal.backendUrl}/api/${pluginId}`,
    },
    fetchApi: {
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...init?.headers, Authorization: `Bearer ${token}` },
        }),
    },
  });
  let shots = 0;

  const settle = async () => {
    await page.waitForSelector('main');
    await page.waitForFunction(
      () =>
        !document.querySelector(
          '[data-testid="progress"], [role="progressbar"]',
        ),
    );
  };
  return {
    page,
    portal,
    api,
    settle,
    async open(path) {
      await page.goto(`${portal.appUrl}${path}`);
      const enter = page.getByRole('button', { name: 'Enter' });
      if (
        await enter
          .waitFor({ timeout: 5000 })
          .then(() => true)
          .catch(() => false)
      ) {
        await enter.click();
      }
      await settle();
    },
    async screenshot(name) {
      shots += 1;
      const file = resolve(
        dir,
        `${String(shots).padStart(2, '0')}-${name.replace(
          /[^a-z0-9]+/gi,
          '-',
        )}.png`,
      );
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: () => context.close(),
  };
}
