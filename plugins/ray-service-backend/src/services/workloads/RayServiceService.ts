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

import {
  RayService,
  rayServiceRequestSchema,
  RayServiceUpdate,
  rayServiceUpdateSchema,
} from '@ray-service/plugin-ray-service-common';
import { z } from 'zod';
import { Caller } from '../../access/callers';
import { planRayService } from '../../planner/workloads';
import { rayServiceView } from './views';
import {
  viewEachInTenant,
  WorkloadService,
  WorkloadServiceDeps,
} from './WorkloadService';

export type RayServiceRequest = z.output<typeof rayServiceRequestSchema>;

/**
 * A tenant's RayServices: deployed from a Serve config and a cluster spec,
 * changed (KubeRay applies a new Serve config in place and upgrades a new
 * cluster spec by the upgrade strategy), deleted.
 */
export class RayServiceService extends WorkloadService<
  RayServiceRequest,
  RayService
> {
  constructor(deps: WorkloadServiceDeps) {
    super(deps, {
      kind: 'RayService',
      audit: {
        create: 'rayService.create',
        update: 'rayService.update',
        delete: 'rayService.delete',
      },
      plan: planRayService,
      clusters: request => [{ spec: request.cluster, at: ['cluster'] }],
      view: viewEachInTenant(rayServiceView),
    });
  }

  async update(
    credentials: Caller,
    tenant: string,
    name: string,
    update: z.output<typeof rayServiceUpdateSchema> | RayServiceUpdate,
  ): Promise<RayService> {
    const { workspace } = await this.openFor(
      credentials,
      tenant,
      name,
      'updateWorkloads',
    );
    const request = rayServiceRequestSchema.parse({ name, ...update });
    return this.change(workspace, request);
  }
}
