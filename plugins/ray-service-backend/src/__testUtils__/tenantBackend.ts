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

import { KubeSim } from '@ray-service/kube-sim';
import { Api, apiFor, seedTenantCatalog, tenantTestConfig } from './tenantApi';
import { CallerName, startRayServiceTestBackend } from './testBackend';

type BackendOptions = NonNullable<
  Parameters<typeof startRayServiceTestBackend>[0]
>;

/**
 * The plugin in a test backend whose host clusters are `clusters`
 * (`tenantTestConfig`, with `rayService` settings put over it), the tenant
 * catalog seeded by an admin unless `seedCatalog` is false (a restarted
 * backend finds it in its database; some tests seed their own or need none).
 * `api(caller)` calls it as a test caller.
 */
export async function startTenantBackend(
  clusters: Record<string, KubeSim>,
  options: Omit<BackendOptions, 'config'> & {
    rayService?: object;
    seedCatalog?: boolean;
  } = {},
) {
  const { rayService, seedCatalog = true, ...backendOptions } = options;
  const started = await startRayServiceTestBackend({
    ...backendOptions,
    config: {
      rayService: { ...tenantTestConfig(clusters).rayService, ...rayService },
    },
  });
  const api = (caller: CallerName): Api => apiFor(started.server, caller);
  if (seedCatalog) {
    await seedTenantCatalog(api('admin'));
  }
  return { ...started, api };
}
