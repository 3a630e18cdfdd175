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
  RayServiceRequest,
} from '@ray-service/plugin-ray-service-common';
import { RayActionDeps } from '../lib/deps';
import { rayRuntime } from '../lib/runtime';
import { createWorkload } from '../lib/workloads';
import { examples } from './deployService.examples';
import {
  clusterSpecDescription,
  phaseOutput,
  waitInputs,
  workloadInputs,
  workloadOutputs,
} from './fields';

const DEFAULT_TIMEOUT_SECONDS = 900;

/**
 * `ray:service:deploy`: a RayService (Ray Serve applications on a cluster
 * KubeRay keeps up) in an existing tenant, as the user running the template,
 * waited for until it serves. A dry run answers the RayService's YAML and
 * deploys nothing.
 */
export function deployServiceAction(deps: RayActionDeps) {
  return createTemplateAction({
    id: 'ray:service:deploy',
    description:
      "Deploys a RayService (Ray Serve applications) in one of your tenants, as the user running the template, and waits until it serves. A dry run shows the RayService's YAML and deploys nothing.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...workloadInputs,
        serveConfig: z =>
          z
            .string()
            .describe(
              "Ray Serve's config (serveConfigV2) as YAML, with a non-empty applications list",
            ),
        cluster: z =>
          z.object({}).passthrough().describe(clusterSpecDescription),
        upgradeStrategy: z =>
          z
            .enum(['NewCluster', 'None'])
            .optional()
            .describe(
              'NewCluster (default): a change of the cluster starts a new one and switches over; None: changes apply in place',
            ),
        ...waitInputs('waitForReady', 'the service is Ready', {
          wait: true,
          timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
        }),
      },
      output: {
        ...workloadOutputs('RayService'),
        ...phaseOutput,
        serviceStatus: z =>
          z.string().optional().describe("KubeRay's status of the service"),
      },
    },
    async handler(ctx) {
      const { tenant, name, waitForReady, timeoutSeconds, ...rest } = ctx.input;
      const path = { tenant };
      const body = compactFormValue({ name, ...rest }) as RayServiceRequest;
      const service = await createWorkload(
        ctx,
        rayRuntime(ctx, deps),
        {
          kind: 'RayService',
          tenant,
          name,
          plan: options => deps.client.planRayService({ path, body }, options),
          create: options =>
            deps.client.createRayService({ path, body }, options),
        },
        waitForReady === false
          ? undefined
          : {
              timeoutMs: (timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
              read: options =>
                deps.client.getRayService({ path: { tenant, name } }, options),
              readyPhases: ['Ready', 'Running'],
            },
      );
      if (service) {
        ctx.output('phase', service.phase);
        ctx.output('serviceStatus', service.serviceStatus);
      }
    },
  });
}
