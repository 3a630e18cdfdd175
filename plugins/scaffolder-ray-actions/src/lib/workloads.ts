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
import {
  RequestOptions,
  WorkloadPlan,
} from '@ray-service/plugin-ray-service-common';
import { outputLinks } from '../actions/fields';
import { RayRuntime } from './runtime';
import { Observed } from './status';
import { Outcome, phaseOutcome } from './watch';

/** What the three workload actions create. */
export type WorkloadKind = 'RayCluster' | 'RayJob' | 'RayService';

export interface WorkloadRequest<T> {
  kind: WorkloadKind;
  tenant: string;
  name: string;
  /** The backend's dry run of the request (a `plan*` route). */
  plan(options: RequestOptions): Promise<WorkloadPlan>;
  create(options: RequestOptions): Promise<T>;
}

/** `RayCluster "etl" in tenant "fraud-models"` */
export function workloadSubject(
  request: Pick<WorkloadRequest<unknown>, 'kind' | 'tenant' | 'name'>,
): string {
  return `${request.kind} "${request.name}" in tenant "${request.tenant}"`;
}

/**
 * A dry run answers the plan (its YAML and warnings in the task log and the
 * outputs) and creates nothing: undefined. Otherwise creates the workload
 * once across retries of the task and answers it.
 */
export async function planOrCreate<T extends { warnings?: string[] }>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ctx: ActionContext<any, any>,
  ray: RayRuntime,
  request: WorkloadRequest<T>,
): Promise<T | undefined> {
  const subject = workloadSubject(request);
  const warn = (warnings: string[] = []) =>
    warnings.forEach(warning => ctx.logger.warn(`Warning: ${warning}`));

  if (ctx.isDryRun) {
    const plan = await ray.call(`plan ${subject}`, request.plan);
    ctx.logger.info(`Dry run: ${subject} would be created as:`);
    plan.yaml
      .trimEnd()
      .split('\n')
      .forEach(line => ctx.logger.info(line));
    warn(plan.warnings);
    ctx.output('yaml', plan.yaml);
    ctx.output('warnings', plan.warnings);
    return undefined;
  }

  return ray.once(
    `create-${request.kind.toLowerCase()}-${request.tenant}-${request.name}`,
    async () => {
      const created = await ray.call(`create ${subject}`, request.create);
      ctx.logger.info(`Created ${subject}`);
      warn(created.warnings);
      return created;
    },
  );
}

/** How to wait for a created workload to settle. */
export interface WorkloadWait<T> {
  timeoutMs: number;
  read(options: RequestOptions): Promise<T>;
  /** Default: `Ready`. */
  goal?: string;
  /** Default: the workload's own phase and conditions. */
  observe?(value: T): Observed;
  /** Default: one of `readyPhases` is done, `Failed` failed. */
  outcome?(value: T): Outcome;
  readyPhases?: string[];
  onObserved?(value: T): Promise<void>;
}

/**
 * The flow of the workload actions: outputs naming the workload and its
 * tenant's links, the dry run or the create (once across retries), then,
 * when `wait` is given, waiting for it with its progress in the task log.
 * Answers the workload as last seen; undefined in a dry run.
 */
export async function createWorkload<
  T extends Observed & { warnings?: string[] },
>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ctx: ActionContext<any, any>,
  ray: RayRuntime,
  request: WorkloadRequest<T>,
  wait: WorkloadWait<T> | undefined,
): Promise<T | undefined> {
  ctx.output('name', request.name);
  ctx.output('tenant', request.tenant);
  outputLinks(ctx, ray.tenantLinks(request.tenant));
  const created = await planOrCreate(ctx, ray, request);
  if (!created || !wait) {
    return created;
  }
  const subject = workloadSubject(request);
  return ray.watch<T>({
    subject,
    goal: wait.goal ?? 'Ready',
    timeoutMs: wait.timeoutMs,
    read: () => ray.call(`read ${subject}`, wait.read),
    observe: wait.observe ?? (value => value),
    outcome:
      wait.outcome ??
      phaseOutcome(subject, {
        ready: wait.readyPhases ?? ['Ready'],
        failed: ['Failed'],
      }),
    onObserved: wait.onObserved,
  });
}
