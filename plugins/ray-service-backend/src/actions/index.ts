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

import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerCreateTenant } from './createTenant';
import { registerGetRayJobLogs } from './getRayJobLogs';
import { registerGetTenant } from './getTenant';
import { registerGetTenantUsage } from './getTenantUsage';
import { registerListProfiles } from './listProfiles';
import { registerListTemplateVersions } from './listTemplateVersions';
import { registerListTenants } from './listTenants';
import { registerListRayClusters, registerListRayJobs } from './listWorkloads';
import { registerSubmitRayJob } from './submitRayJob';
import { ActionsDeps } from './types';

export type { ActionsDeps } from './types';

/**
 * The plugin's operations for agents (MCP clients through
 * `@backstage/plugin-mcp-actions-backend`, other plugins through the
 * actions service): each calls the same service as its REST route, with the
 * action's credentials, so the caller's permissions decide.
 */
export function registerRayServiceActions(
  registry: ActionsRegistryService,
  deps: ActionsDeps,
): void {
  for (const register of [
    registerListTenants,
    registerGetTenant,
    registerCreateTenant,
    registerListProfiles,
    registerListTemplateVersions,
    registerGetTenantUsage,
    registerListRayClusters,
    registerListRayJobs,
    registerSubmitRayJob,
    registerGetRayJobLogs,
  ]) {
    register(registry, deps);
  }
}
