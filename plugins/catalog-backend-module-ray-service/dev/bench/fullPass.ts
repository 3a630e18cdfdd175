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
 * `yarn bench:catalog`: the provider's full pass over 5,000 tenants (set
 * BENCH_TENANTS for another count): time and memory. A loopback HTTP server
 * answers GET /tenants like the backend (pages of at most 500, cursors), so
 * the figures are the provider's own: requests, parsing, entity building and
 * handing the mutation to the catalog's connection.
 */

import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  RayServiceClient,
  Tenant,
} from '@ray-service/plugin-ray-service-common';
import { fixtureTenant } from '@ray-service/plugin-ray-service-common/testUtils';
import { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { RayTenantEntityProvider } from '../../src/RayTenantEntityProvider';

const COUNT = Number(process.env.BENCH_TENANTS ?? 5000);
const RUNS = 5;

const tenants: Tenant[] = Array.from({ length: COUNT }, (_, i) =>
  fixtureTenant(`tenant-${String(i).padStart(5, '0')}`, {
    owner: `group:default/team-${i % 50}`,
    hostCluster: `cluster-${i % 4}`,
  }),
);

const server = createServer((request, response) => {
  const url = new URL(request.url!, 'http://localhost');
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 500);
  const start = Number(url.searchParams.get('cursor') ?? 0);
  const next = start + limit;
  response.setHeader('Content-Type', 'application/json');
  response.end(
    JSON.stringify({
      items: tenants.slice(start, next),
      ...(next < tenants.length && { nextCursor: String(next) }),
    }),
  );
});

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

async function main() {
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/api/ray-service`;
  const logger = {
    info: () => {},
    warn: console.warn,
    error: console.error,
    debug: () => {},
    child: () => logger,
  };
  console.log(`full pass over ${COUNT} tenants, ${RUNS} runs`);
  for (let run = 1; run <= RUNS; run++) {
    let entities = 0;
    const provider = new RayTenantEntityProvider({
      client: new RayServiceClient({
        discoveryApi: { getBaseUrl: async () => baseUrl },
      }),
      token: async () => 'bench',
      context: {
        namespace: 'default',
        platformOwner: 'group:default/platform-team',
        appBaseUrl: 'http://localhost:3000',
        apiBaseUrl: baseUrl,
      },
      logger,
    });
    await provider.connect({
      applyMutation: async (mutation: EntityProviderMutation) => {
        entities = mutation.type === 'full' ? mutation.entities.length : 0;
      },
      refresh: async () => {},
    });
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }, 5);
    const started = performance.now();
    await provider.refresh();
    const ms = performance.now() - started;
    clearInterval(sampler);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    console.log(
      `run ${run}: ${ms.toFixed(0)} ms, ${entities} entities, heap +${mb(
        heapPeak - heapBefore,
      )} at peak, rss ${mb(process.memoryUsage().rss)}`,
    );
  }
  server.close();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
