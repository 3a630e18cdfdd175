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
  ISOLATION_MODES,
  Tenant,
} from '@ray-service/plugin-ray-service-common';
import { RayActionDeps } from '../lib/deps';
import { rayRuntime } from '../lib/runtime';
import { phaseOutcome } from '../lib/watch';
import { examples } from './createTenant.examples';
import { linkOutputs, outputLinks, phaseOutput, waitInputs } from './fields';

const DEFAULT_TIMEOUT_SECONDS = 900;

/**
 * `ray:tenant:create`: a tenant for a team, created as the user running the
 * template, waited for until Ready with each phase and condition change in
 * the task log. A dry run answers the plan and creates nothing.
 */
export function createTenantAction(deps: RayActionDeps) {
  return createTemplateAction({
    id: 'ray:tenant:create',
    description:
      'Creates a Ray tenant (a vcluster or namespace with a KubeRay operator, quota and Volcano queue) for a team, as the user running the template, and waits until it is Ready. A dry run shows the plan and creates nothing.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .describe(
              'Tenant name: lowercase letters, digits and "-", at most 32 characters; its namespace is ray-<name> unless a warm-pool standby is taken',
            ),
        owner: z =>
          z
            .string()
            .describe(
              'The owning group, one of yours: a group ref (group:default/ml-team-alpha) or a group name',
            ),
        profile: z =>
          z
            .string()
            .describe(
              'Compute profile (resources, GPUs) the tenant gets; published and visible to the owner',
            ),
        templateVersion: z =>
          z
            .string()
            .describe(
              'Tenant template version as name@version (e.g. kuberay@2.0.0); published and shared with the owner',
            ),
        isolation: z =>
          z
            .enum(ISOLATION_MODES)
            .optional()
            .describe(
              "vcluster or namespace; the template version's first mode unless given",
            ),
        hostCluster: z =>
          z
            .string()
            .optional()
            .describe(
              'Host cluster to place the tenant on; picked by free capacity unless given',
            ),
        ...waitInputs('waitForReady', 'the tenant is Ready', {
          wait: true,
          timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
        }),
      },
      output: {
        name: z => z.string().describe('The tenant name'),
        namespace: z => z.string().describe("The tenant's host namespace"),
        hostCluster: z =>
          z
            .string()
            .describe('The host cluster the tenant is (or would be) on'),
        ...phaseOutput,
        summary: z =>
          z
            .array(z.string())
            .optional()
            .describe('Dry run: what the tenant would get (quota, queue, …)'),
        yaml: z =>
          z
            .string()
            .optional()
            .describe(
              'Dry run: the Kubernetes objects the tenant would consist of',
            ),
        ...linkOutputs,
      },
    },
    async handler(ctx) {
      const ray = rayRuntime(ctx, deps);
      const { waitForReady, timeoutSeconds, ...request } = ctx.input;
      const { name } = request;

      if (ctx.isDryRun) {
        const plan = await ray.call(`plan tenant "${name}"`, options =>
          deps.client.planTenant({ body: request }, options),
        );
        ctx.logger.info(
          `Dry run: tenant "${name}" would go on ${plan.hostCluster} (${plan.isolation}) in namespace ${plan.namespace}`,
        );
        plan.summary.forEach(line => ctx.logger.info(`  ${line}`));
        ctx.output('name', name);
        ctx.output('namespace', plan.namespace);
        ctx.output('hostCluster', plan.hostCluster);
        ctx.output('summary', plan.summary);
        ctx.output('yaml', plan.yaml);
        outputLinks(ctx, ray.tenantLinks(name));
        return;
      }

      const created = await ray.once(`create-tenant-${name}`, async () => {
        const tenant = await ray.call(`create tenant "${name}"`, options =>
          deps.client.createTenant({ body: request }, options),
        );
        ctx.logger.info(createdLine(tenant));
        return tenant;
      });

      const tenant =
        waitForReady === false
          ? created
          : await ray.watch<Tenant>({
              subject: `Tenant "${name}"`,
              goal: 'Ready',
              timeoutMs: (timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
              read: () =>
                ray.call(`read tenant "${name}"`, options =>
                  deps.client.getTenant({ path: { name } }, options),
                ),
              observe: observed => observed,
              outcome: phaseOutcome(`Tenant "${name}"`, {
                ready: ['Ready'],
                failed: ['Failed'],
              }),
            });
      ctx.output('name', tenant.name);
      ctx.output('namespace', tenant.namespace);
      ctx.output('hostCluster', tenant.hostCluster);
      ctx.output('phase', tenant.phase);
      outputLinks(ctx, ray.tenantLinks(name));
    },
  });
}

/** What the create did: took a warm-pool standby, or provisions (and why, when a pool could not serve it). */
function createdLine(tenant: Tenant): string {
  const where = `on ${tenant.hostCluster} (namespace ${tenant.namespace})`;
  const { source, reason } = tenant.provisioning ?? {};
  if (source === 'warmPool') {
    return `Took a Ready tenant "${tenant.name}" from the warm pool of ${tenant.profile} ${where}`;
  }
  return `Created tenant "${tenant.name}" ${where}${
    reason ? `; provisioned on demand: ${reason}` : ''
  }`;
}
