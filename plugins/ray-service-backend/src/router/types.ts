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

import { HttpAuthService } from '@backstage/backend-plugin-api';
import { HostClusterDirectory } from '../hostClusters/HostClusterDirectory';
import { AuditLogService } from '../services/AuditLogService';
import { PoolService } from '../services/PoolService';
import { ProfileService } from '../services/ProfileService';
import { TemplateService } from '../services/TemplateService';
import { Placement } from '../services/tenants/placement/Placement';
import { TenantService } from '../services/tenants/TenantService';
import { RayClusterService } from '../services/workloads/RayClusterService';
import { RayDataService } from '../services/workloads/RayDataService';
import { RayJobService } from '../services/workloads/RayJobService';
import { RayServiceService } from '../services/workloads/RayServiceService';
import { TenantUsageService } from '../services/workloads/TenantUsageService';

/** What every resource router may use. */
export interface RouterDeps {
  httpAuth: HttpAuthService;
  hostClusters: HostClusterDirectory;
  placement: Placement;
  profiles: ProfileService;
  templates: TemplateService;
  audit: AuditLogService;
  tenants: TenantService;
  pools: PoolService;
  usage: TenantUsageService;
  rayClusters: RayClusterService;
  rayJobs: RayJobService;
  rayServices: RayServiceService;
  rayData: RayDataService;
}
