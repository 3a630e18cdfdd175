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
 * `yarn bench:fields`: how long the Ray tenant template's own form fields
 * take in the dev portal, as a team member: from "Next" to the profile
 * picker's and the version picker's choices, and from "Next" to the dry run's
 * answer. Medians of a few runs after one warm-up, in a headless Chromium.
 */

import { performance as clock } from 'node:perf_hooks';
import { CreatePage } from '../src';
import { median, runBench } from './benchSession';

const RUNS = 5;

runBench({ user: 'alice.alpha', journey: 'bench-fields' }, async session => {
  const create = new CreatePage(session);
  const { page } = session;
  const timings = { profiles: [], versions: [], dryRun: [] } as Record<
    string,
    number[]
  >;
  for (let run = 0; run <= RUNS; run++) {
    await create.template('Ray tenant');
    await create.textField('Tenant name').fill(`alpha-bench-${run}`);
    await session.settle();
    let started = clock.now();
    await create.next();
    const radio = (group: string, title: string) =>
      page
        .getByRole('radiogroup', { name: group })
        .getByRole('radio', { name: new RegExp(`^${title}\\b`) })
        .waitFor();
    await radio('Compute profile', 'Small');
    const profiles = clock.now() - started;
    await radio('Template version', 'kuberay@2\\.0\\.0');
    const versions = clock.now() - started;
    await create.choose('Compute profile', 'Small');
    await create.choose('Template version', 'kuberay@2.0.0');
    started = clock.now();
    await create.next();
    await create.dryRunPassed();
    const dryRun = clock.now() - started;
    if (run > 0) {
      timings.profiles.push(profiles);
      timings.versions.push(versions);
      timings.dryRun.push(dryRun);
    }
  }
  console.log(
    `Ray tenant template as alice.alpha, median of ${RUNS} runs after a warm-up:`,
  );
  console.log(
    `  Next → profile picker's choices: ${median(timings.profiles).toFixed(
      0,
    )} ms`,
  );
  console.log(
    `  Next → version picker's choices: ${median(timings.versions).toFixed(
      0,
    )} ms`,
  );
  console.log(
    `  Next → dry run answered (plan on the host cluster): ${median(
      timings.dryRun,
    ).toFixed(0)} ms`,
  );
});
