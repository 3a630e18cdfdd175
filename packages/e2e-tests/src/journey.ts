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

import { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './chromium';
import { Portal, startPortal } from './portal';
import { openSession, Session } from './session';

/**
 * `describe` when Chromium is there; otherwise the journeys are skipped with
 * a message, and in CI that is a failure (see `chromiumAvailable`).
 */
export function describeInBrowser(name: string, journeys: () => void): void {
  (chromiumAvailable() ? describe : describe.skip)(name, journeys);
}

/** What a journey's tests use, once `browserJourney`'s `beforeAll` ran. */
export interface BrowserJourney {
  readonly session: Session;
  readonly page: Page;
}

/**
 * Registers the hooks of a browser journey in the enclosing `describe`:
 * before all, the dev portal as `user`, a headless Chromium, a session whose
 * screenshots go to `e2e-artifacts/<journey>/`, then `prepare` (seeding);
 * a screenshot of what the page showed when each test ended, passed or
 * failed; after all, everything closed and stopped.
 */
export function browserJourney(options: {
  user: string;
  journey: string;
  prepare?: (session: Session) => Promise<void>;
}): BrowserJourney {
  let portal: Portal | undefined;
  let browser: Browser | undefined;
  let session: Session | undefined;

  beforeAll(async () => {
    portal = await startPortal({ user: options.user });
    browser = await launchChromium();
    session = await openSession(browser, portal, options.journey);
    await options.prepare?.(session);
  }, 15 * 60_000);
  afterEach(async () => {
    await session?.screenshot('end-of-test');
  });
  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await portal?.stop();
  });

  const started = (): Session => {
    if (!session)
      throw new Error(`the ${options.journey} journey's session did not start`);
    return session;
  };
  return {
    get session() {
      return started();
    },
    get page() {
      return started().page;
    },
  };
}
