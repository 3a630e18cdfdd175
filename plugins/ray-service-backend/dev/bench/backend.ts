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

import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import { EXAMPLE_GROUPS } from '../../src/__testUtils__/exampleOrg';
import {
  examplePermissions,
  exampleUserInfo,
} from '../../src/__testUtils__/examplePolicy';
import { rayServicePlugin } from '../../src/plugin';
import { freeLoopbackPort } from '../../src/__testUtils__/ports';

/** Authorization headers of the benchmarks' callers (mock tokens, the example org). */
export const BENCH_CALLERS = {
  admin: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('external:bench'),
    targetPluginId: 'ray-service',
  }),
  member: mockCredentials.user.header('user:default/alice.alpha'),
};

/** An in-memory SQLite database on one connection, so that every query sees it. */
export function inMemoryDatabase(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
}

/** A call to the plugin's API; resolves with the parsed body, throws on a non-2xx. */
export type Call = (
  method: string,
  path: string,
  body?: unknown,
  authorization?: string,
) => Promise<any>;

export interface BenchBackend {
  knex: Knex;
  /** `http://127.0.0.1:<port>/api/ray-service` */
  api: string;
  call: Call;
  stop(): Promise<void>;
}

/**
 * The plugin in a real Backstage backend on loopback HTTP and in-memory
 * SQLite (or the given database, e.g. PostgreSQL, which the backend does not
 * close), with the example org and the example policy's permissions; mock
 * tokens (BENCH_CALLERS) authenticate callers without an auth backend.
 */
export async function startBenchBackend(
  rayService: object,
  options: { knex?: Knex } = {},
): Promise<BenchBackend> {
  const port = await freeLoopbackPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const knex = options.knex ?? inMemoryDatabase();
  const config = new ConfigReader({
    backend: { baseUrl, listen: { host: '127.0.0.1', port } },
    permission: { enabled: true },
    // a benchmark measures latency; a busy machine must not turn it into 503s
    rayService: { reachabilityTimeoutMs: 60_000, ...rayService },
  });
  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => config,
    }),
  );
  backend.add(
    createServiceFactory({
      service: coreServices.database,
      deps: {},
      factory: () => ({ getClient: async () => knex }),
    }),
  );
  // A request without a token is refused (401), as in production.
  backend.add(
    mockServices.httpAuth.factory({
      defaultCredentials: mockCredentials.none(),
    }),
  );
  backend.add(mockServices.auth.factory());
  backend.add(
    createServiceFactory({
      service: coreServices.userInfo,
      deps: {},
      factory: () => exampleUserInfo,
    }),
  );
  backend.add(
    createServiceFactory({
      service: coreServices.permissions,
      deps: {},
      factory: () => examplePermissions(),
    }),
  );
  backend.add(catalogServiceMock.factory({ entities: EXAMPLE_GROUPS }));
  backend.add(rayServicePlugin);
  await backend.start();

  const api = `${baseUrl}/api/ray-service`;
  const call: Call = async (
    method,
    path,
    body,
    authorization = BENCH_CALLERS.admin,
  ) => {
    const headers = { Authorization: authorization };
    const response = await fetch(`${api}${path}`, {
      method,
      headers: body
        ? { ...headers, 'Content-Type': 'application/json' }
        : headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${text}`);
    }
    return text ? JSON.parse(text) : undefined;
  };
  return {
    knex,
    api,
    call,
    stop: async () => {
      await backend.stop();
      if (!options.knex) {
        await knex.destroy();
      }
    },
  };
}
