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

import { waitFor } from '../../lib/__testUtils__/waitFor';
import type { TestPortal } from '../../__testUtils__/testPortal';
import type { StandIns, StandInControllers } from './standInControllers';

/**
 * How long what the control plane's controllers do (namespace
 * finalization, garbage collection) may take on a busy machine.
 */
export const PATIENCE = { timeoutMs: 150_000, intervalMs: 200 };

/**
 * Reconcile passes, each after a round of the stand-in controllers (those
 * of `standIns`; none: `{}`), until `done` answers something.
 */
export function passUntil<T>(
  portal: TestPortal,
  controllers: StandInControllers,
  done: () => Promise<T | undefined | false>,
  what: string,
  standIns: StandIns = { delivery: true, volcano: true },
): Promise<T> {
  return waitFor(
    async () => {
      await controllers.act(standIns);
      await portal.pass();
      return done();
    },
    what,
    PATIENCE,
  );
}
