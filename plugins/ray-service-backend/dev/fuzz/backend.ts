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
 * The backend schemathesis fuzzes (`scripts/fuzz-api.sh`, `yarn fuzz:api`):
 * the plugin in a real Backstage backend on loopback HTTP and in-memory
 * SQLite (see ../bench/backend.ts), with one host cluster on a well-equipped
 * kube-sim and a few profiles, template versions and a tenant to find. It
 * writes `FUZZ_API=<url>` and `FUZZ_AUTHORIZATION=<header>` on stdout once
 * it serves, and runs until it is terminated.
 */

process.env.LOG_LEVEL ??= 'warn';

import {
  profileInput,
  templateDocument,
} from '../../src/__testUtils__/fixtures';
import { BENCH_CALLERS, startBenchBackend } from '../bench/backend';
import { startBenchSim } from '../bench/sim';

async function main() {
  const { sim, hostCluster } = await startBenchSim();
  const backend = await startBenchBackend({
    reconcile: { requeueSeconds: 0.5 },
    hostClusters: [hostCluster],
  });
  const { call } = backend;
  await call('POST', '/profiles', profileInput({ visibleTo: [] }));
  await call(
    'POST',
    '/templates',
    templateDocument({
      spec: { state: 'published', sharedWith: ['ml-teams'] },
    }),
  );
  await call('POST', '/templates', templateDocument({ version: '1.1.0' }));
  await call('POST', '/tenants', {
    name: 'fuzz',
    owner: 'group:default/ml-team-alpha',
    profile: 'small',
    templateVersion: 'kuberay@1.0.0',
  });

  process.stdout.write(
    `FUZZ_API=${backend.api}\nFUZZ_AUTHORIZATION=${BENCH_CALLERS.admin}\n`,
  );
  const stop = async () => {
    await backend.stop();
    await sim.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
