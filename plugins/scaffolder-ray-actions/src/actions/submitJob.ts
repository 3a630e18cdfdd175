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
  RayJob,
  RayJobRequest,
} from '@ray-service/plugin-ray-service-common';
import { RayActionDeps } from '../lib/deps';
import { followLog } from '../lib/jobLogs';
import { rayRuntime } from '../lib/runtime';
import { pendingConditions } from '../lib/status';
import { Outcome } from '../lib/watch';
import { createWorkload, workloadSubject } from '../lib/workloads';
import { examples } from './submitJob.examples';
import {
  clusterSpecDescription,
  waitInputs,
  workloadInputs,
  workloadOutputs,
} from './fields';

const DEFAULT_TIMEOUT_SECONDS = 3600;
const DEFAULT_LOG_TAIL_LINES = 200;

/** A job is done when Ray says it succeeded; stopped or failed is a failed step. */
function jobOutcome(subject: string) {
  return (job: RayJob): Outcome => {
    if (job.jobStatus === 'SUCCEEDED') {
      return { done: true };
    }
    if (
      job.jobStatus === 'FAILED' ||
      job.jobStatus === 'STOPPED' ||
      job.phase === 'Failed'
    ) {
      return {
        failed: `${subject} ${job.jobStatus ?? job.phase}: ${
          job.message ?? pendingConditions(job)
        }`,
      };
    }
    return undefined;
  };
}

/**
 * `ray:job:submit`: a RayJob in an existing tenant, on a cluster of its own
 * or one of the tenant's, as the user running the template. Optionally waits
 * until the job ends, streaming the end of its log into the task log. A dry
 * run answers the RayJob's YAML and submits nothing.
 */
export function submitJobAction(deps: RayActionDeps) {
  return createTemplateAction({
    id: 'ray:job:submit',
    description:
      "Submits a RayJob in one of your tenants, as the user running the template: on a new cluster shut down after the job, or on one of the tenant's RayClusters. Optionally waits for the job to end, with its log in the task log. A dry run shows the RayJob's YAML and submits nothing.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...workloadInputs,
        entrypoint: z =>
          z
            .string()
            .describe(
              'The command that runs the job, e.g. python train.py --epochs 3',
            ),
        cluster: z =>
          z
            .object({})
            .passthrough()
            .describe(
              `Where the job runs: { new: <cluster>, shutdownAfterJobFinishes (default true), ttlSecondsAfterFinished (default 60) } for a cluster of its own, or { existing: <name of one of the tenant's RayClusters> }. ${clusterSpecDescription}`,
            ),
        runtimeEnv: z =>
          z
            .object({})
            .passthrough()
            .optional()
            .describe(
              'Runtime environment: pip (packages), envVars (never shown again), workingDir (an https, gs or s3 URL of a zip)',
            ),
        activeDeadlineSeconds: z =>
          z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Stop the job after this many seconds'),
        submissionMode: z =>
          z
            .enum(['K8sJobMode', 'HTTPMode'])
            .optional()
            .describe(
              'K8sJobMode (default): a Kubernetes Job submits the entrypoint; HTTPMode: the operator submits it',
            ),
        ...waitInputs(
          'waitForCompletion',
          'the job ends, with its log in the task log',
          {
            wait: false,
            timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
          },
        ),
        logTailLines: z =>
          z
            .number()
            .int()
            .min(1)
            .max(10_000)
            .optional()
            .describe(
              `How many of the log's last lines to read on each look (default ${DEFAULT_LOG_TAIL_LINES})`,
            ),
      },
      output: {
        ...workloadOutputs('RayJob'),
        jobStatus: z =>
          z
            .string()
            .optional()
            .describe("Ray's status of the job when the step ended"),
        submissionId: z =>
          z.string().optional().describe('The submission id on the cluster'),
        clusterName: z =>
          z.string().optional().describe('The RayCluster the job runs on'),
      },
    },
    async handler(ctx) {
      const ray = rayRuntime(ctx, deps);
      const {
        tenant,
        name,
        waitForCompletion,
        timeoutSeconds,
        logTailLines,
        ...rest
      } = ctx.input;
      const path = { tenant };
      const body = compactFormValue({ name, ...rest }) as RayJobRequest;
      const followJobLog = followLog({
        read: async () =>
          (
            await deps.client.getRayJobLogs(
              {
                path: { tenant, name },
                query: { tail: logTailLines ?? DEFAULT_LOG_TAIL_LINES },
              },
              await ray.asInitiator(),
            )
          ).logs,
        write: line => ctx.logger.info(line),
      });
      const subject = workloadSubject({ kind: 'RayJob', tenant, name });
      const job = await createWorkload(
        ctx,
        ray,
        {
          kind: 'RayJob',
          tenant,
          name,
          plan: options => deps.client.planRayJob({ path, body }, options),
          create: options => deps.client.submitRayJob({ path, body }, options),
        },
        waitForCompletion === true
          ? {
              goal: 'finished',
              timeoutMs: (timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
              read: options =>
                deps.client.getRayJob({ path: { tenant, name } }, options),
              observe: observed => ({
                phase: observed.jobStatus
                  ? `${observed.phase} (job ${observed.jobStatus})`
                  : observed.phase,
                conditions: observed.conditions,
              }),
              onObserved: async observed => {
                if (observed.jobStatus && observed.jobStatus !== 'PENDING') {
                  await followJobLog();
                }
              },
              outcome: jobOutcome(subject),
            }
          : undefined,
      );
      if (job) {
        ctx.output('jobStatus', job.jobStatus);
        ctx.output('submissionId', job.submissionId);
        ctx.output('clusterName', job.clusterName);
      }
    },
  });
}
