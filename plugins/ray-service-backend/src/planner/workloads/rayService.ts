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

import { rayServiceRequestSchema } from '@ray-service/plugin-ray-service-common';
import { z } from 'zod';
import type { PlannedObject } from '../types';
import { WorkloadContext } from './context';
import {
  rayClusterSpecObject,
  schedulingLabels,
  workloadObject,
} from './rayCluster';

export type RayServicePlanRequest = z.output<typeof rayServiceRequestSchema>;

/** A RayService of the tenant: its Serve config and cluster. Pure. @throws WorkloadPlanError */
export function planRayService(
  request: RayServicePlanRequest,
  ctx: WorkloadContext,
): PlannedObject {
  return workloadObject(
    'RayService',
    request.name,
    request,
    {
      serveConfigV2: request.serveConfig,
      upgradeStrategy: { type: request.upgradeStrategy },
      rayClusterConfig: rayClusterSpecObject(request.cluster, ctx, {
        at: ['cluster'],
        serve: true,
      }),
    },
    ctx,
    schedulingLabels(ctx),
  );
}
