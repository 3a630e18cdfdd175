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

import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';

/** The inputs that say whether and how long to wait for `goal`. */
export function waitInputs<N extends 'waitForReady' | 'waitForCompletion'>(
  name: N,
  goal: string,
  defaults: { wait: boolean; timeoutSeconds: number },
) {
  const inputs = {
    [name]: (zod: typeof z) =>
      zod
        .boolean()
        .optional()
        .describe(`Wait until ${goal} (default ${defaults.wait})`),
    timeoutSeconds: (zod: typeof z) =>
      zod
        .number()
        .int()
        .min(1)
        .max(7 * 86_400)
        .optional()
        .describe(
          `How long to wait before failing the step (default ${defaults.timeoutSeconds})`,
        ),
  };
  return inputs as {
    [K in N]: (zod: typeof z) => z.ZodOptional<z.ZodBoolean>;
  } & {
    timeoutSeconds: (zod: typeof z) => z.ZodOptional<z.ZodNumber>;
  };
}

/** The phase output of a created object. */
export const phaseOutput = {
  phase: (zod: typeof z) =>
    zod
      .string()
      .optional()
      .describe('The phase when the step ended (absent in a dry run)'),
};

/** The outputs every ray:* action has: where to find the tenant in the portal. */
export const linkOutputs = {
  entityRef: (zod: typeof z) =>
    zod
      .string()
      .describe("The tenant's catalog entity, e.g. resource:default/demo"),
  rayTabUrl: (zod: typeof z) =>
    zod.string().describe("The Ray tab of the tenant's entity page (URL)"),
  rayTabPath: (zod: typeof z) =>
    zod
      .string()
      .describe(
        "The Ray tab's path in the app, for template output links: /catalog/default/resource/<tenant>/ray",
      ),
  links: (zod: typeof z) =>
    zod
      .array(zod.object({ title: zod.string(), url: zod.string() }))
      .describe('Links for the template output'),
};

type LinkOutputs = {
  entityRef: string;
  rayTabPath: string;
  rayTabUrl: string;
  links: { title: string; url: string }[];
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function outputLinks(ctx: ActionContext<any, any>, links: LinkOutputs) {
  ctx.output('entityRef', links.entityRef);
  ctx.output('rayTabPath', links.rayTabPath);
  ctx.output('rayTabUrl', links.rayTabUrl);
  ctx.output('links', links.links);
}

/** The inputs naming the tenant and the workload, and the workloads' outputs. */
export const workloadInputs = {
  tenant: (zod: typeof z) =>
    zod
      .string()
      .describe('The tenant to create it in; you must be allowed to use it'),
  name: (zod: typeof z) =>
    zod
      .string()
      .describe(
        'Name: lowercase letters, digits and "-", at most 40 characters',
      ),
};

export function workloadOutputs(kind: string) {
  return {
    name: (zod: typeof z) => zod.string().describe(`The ${kind}`),
    tenant: (zod: typeof z) => zod.string().describe('Its tenant'),
    yaml: (zod: typeof z) =>
      zod
        .string()
        .optional()
        .describe('Dry run: the object as it would be created, as YAML'),
    warnings: (zod: typeof z) =>
      zod
        .array(zod.string())
        .optional()
        .describe('What is allowed but may not work as asked'),
    ...linkOutputs,
  };
}

/** A cluster spec as the REST API takes it; the Ray service checks it. */
export const clusterSpecDescription =
  'The cluster as the Ray service takes it (RayClusterSpec): head { cpu, memory }, workerGroups [{ name, replicas, minReplicas, maxReplicas, cpu, memory, gpu { model, count } }], autoscaling { enabled, idleTimeoutSeconds }, suspend, gcsFaultTolerance, auth (token | disabled), scheduler (volcano | default)';
