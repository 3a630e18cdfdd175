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

import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  compactFormValue,
  RayClusterRequest,
} from '@ray-service/plugin-ray-service-common';
import { RayActionDeps } from '../lib/deps';
import { rayRuntime } from '../lib/runtime';
import { createWorkload } from '../lib/workloads';
import { examples } from './createCluster.examples';
import {
  clusterSpecDescription,
  phaseOutput,
  waitInputs,
  workloadInputs,
  workloadOutputs,
} from './fields';

const DEFAULT_TIMEOUT_SECONDS = 600;

/**
 * `ray:cluster:create`: a RayCluster in an existing tenant, as the user
 * running the template, waited for until Ready. A dry run answers the
 * RayCluster's YAML and creates nothing.
 */
export function createClusterAction(deps: RayActionDeps) {
  return createTemplateAction({
    id: 'ray:cluster:create',
    description:
      "Creates a RayCluster in one of your tenants, as the user running the template, and waits until it is Ready. The image comes from the tenant's template version; GPUs are asked for as the tenant's profile offers them. A dry run shows the RayCluster's YAML and creates nothing.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...workloadInputs,
        spec: z => z.object({}).passthrough().describe(clusterSpecDescription),
        ...waitInputs('waitForReady', 'the cluster is Ready', {
          wait: true,
          timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
        }),
      },
      output: { ...workloadOutputs('RayCluster'), ...phaseOutput },
    },
    async handler(ctx) {
      const { tenant, name, spec, waitForReady, timeoutSeconds } = ctx.input;
      const path = { tenant };
      const body = compactFormValue({ name, spec }) as RayClusterRequest;
      const cluster = await createWorkload(
        ctx,
        rayRuntime(ctx, deps),
        {
          kind: 'RayCluster',
          tenant,
          name,
          plan: options => deps.client.planRayCluster({ path, body }, options),
          create: options =>
            deps.client.createRayCluster({ path, body }, options),
        },
        waitForReady === false
          ? undefined
          : {
              timeoutMs: (timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
              read: options =>
                deps.client.getRayCluster({ path: { tenant, name } }, options),
              readyPhases: ['Ready', 'Suspended'],
            },
      );
      if (cluster) {
        ctx.output('phase', cluster.phase);
      }
    },
  });
}
