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

import { launchChromium, openSession, Session, startPortal } from '../src';

/** The middle value (the upper one of an even count). */
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs a benchmark in headless Chromium: starts the dev portal as `user` (or
 * uses E2E_PORTAL_URL), opens a session whose screenshots go to
 * `e2e-artifacts/<journey>/`, measures, and stops everything. A failure is
 * printed and makes the exit code 1.
 */
export function runBench(
  options: { user: string; journey: string },
  measure: (session: Session) => Promise<void>,
): void {
  const run = async () => {
    const portal = await startPortal({ user: options.user });
    const browser = await launchChromium();
    let session: Session | undefined;
    try {
      session = await openSession(browser, portal, options.journey);
      await measure(session);
    } finally {
      await session?.close();
      await browser.close();
      await portal.stop();
    }
  };
  run().catch(error => {
    console.error(error);
    process.exitCode = 1;
  });
}
