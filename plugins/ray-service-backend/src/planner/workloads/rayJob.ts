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

import { rayJobRequestSchema } from '@ray-service/plugin-ray-service-common';
import { stringify } from 'yaml';
import { z } from 'zod';
import type { PlannedObject } from '../types';
import { WorkloadContext } from './context';
import {
  rayClusterSpecObject,
  schedulingLabels,
  workloadObject,
} from './rayCluster';

export type RayJobPlanRequest = z.output<typeof rayJobRequestSchema>;

/** KubeRay's label selecting an existing RayCluster for a RayJob. */
export const RAY_CLUSTER_LABEL = 'ray.io/cluster';

/** Ray's runtime_env of a job, as KubeRay's `runtimeEnvYAML` takes it. */
function runtimeEnvYaml(
  env: RayJobPlanRequest['runtimeEnv'],
): string | undefined {
  if (!env || Object.keys(env).length === 0) {
    return undefined;
  }
  return stringify({
    ...(env.pip && { pip: env.pip }),
    ...(env.envVars && { env_vars: env.envVars }),
    ...(env.workingDir && { working_dir: env.workingDir }),
  });
}

/** The job as asked, without the values of its environment variables. */
export function redactedJobRequest(request: RayJobPlanRequest) {
  const { runtimeEnv, ...rest } = request;
  const { envVars, ...env } = runtimeEnv ?? {};
  return {
    ...rest,
    ...(runtimeEnv && {
      runtimeEnv: {
        ...env,
        ...(envVars && { envVarNames: Object.keys(envVars).sort() }),
      },
    }),
  };
}

/** A RayJob of the tenant, on a new cluster or an existing one. Pure. @throws WorkloadPlanError */
export function planRayJob(
  request: RayJobPlanRequest,
  ctx: WorkloadContext,
): PlannedObject {
  const { cluster } = request;
  const runtimeEnv = runtimeEnvYaml(request.runtimeEnv);
  return workloadObject(
    'RayJob',
    request.name,
    redactedJobRequest(request),
    {
      entrypoint: request.entrypoint,
      ...(runtimeEnv && { runtimeEnvYAML: runtimeEnv }),
      submissionMode: request.submissionMode,
      ...(request.activeDeadlineSeconds !== undefined && {
        activeDeadlineSeconds: request.activeDeadlineSeconds,
      }),
      ...('new' in cluster
        ? {
            rayClusterSpec: rayClusterSpecObject(cluster.new, ctx, {
              at: ['cluster', 'new'],
            }),
            shutdownAfterJobFinishes: cluster.shutdownAfterJobFinishes,
            ttlSecondsAfterFinished: cluster.ttlSecondsAfterFinished,
          }
        : { clusterSelector: { [RAY_CLUSTER_LABEL]: cluster.existing } }),
    },
    ctx,
    'new' in cluster ? schedulingLabels(ctx) : {},
  );
}
