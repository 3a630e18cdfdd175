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
import { ProfileService } from '../services/ProfileService';
import { TemplateService } from '../services/TemplateService';
import { TenantService } from '../services/tenants/TenantService';
import { WorkloadServices } from '../services/workloads';

/** The services the registry actions call, as the router does. */
export interface ActionsDeps
  extends Pick<WorkloadServices, 'usage' | 'rayClusters' | 'rayJobs'> {
  tenants: TenantService;
  profiles: ProfileService;
  templates: TemplateService;
}

/** Registers one action of the plugin with the actions registry. */
export type ActionRegistration = (
  registry: ActionsRegistryService,
  deps: ActionsDeps,
) => void;
