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
import { rayServiceApi } from '@ray-service/plugin-ray-service-common';
import { parseRouteInput } from '../lib/routeInput';
import { callerOf } from './caller';
import { tenantNameInput, workloadOutput } from './schemas';
import { ActionRegistration } from './types';

/**
 * `submit-ray-job`: like `POST /tenants/{tenant}/rayjobs`. The job's
 * environment variables go to the cluster only; the answer names them.
 */
export const registerSubmitRayJob: ActionRegistration = (registry, deps) =>
  registry.register({
    name: 'submit-ray-job',
    title: 'Submit a Ray job',
    description:
      "Submits a RayJob in a Ray tenant the caller may create workloads in: an entrypoint, an optional runtime environment (pip, envVars, workingDir), on a new cluster ({ new: { head: { cpu, memory }, workerGroups: [...] } }, shut down after the job) or one of the tenant's ({ existing: <RayCluster name> }). Refused with the numbers when it does not fit the tenant's quota. Answers the RayJob; follow it with list-ray-jobs and get-ray-job-logs.",
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z
          .object({
            tenant: tenantNameInput,
            name: z
              .string()
              .describe(
                'The RayJob name: a DNS label of at most 40 characters',
              ),
            entrypoint: z
              .string()
              .describe('The command that runs the job, e.g. python train.py'),
            cluster: z
              .object({})
              .passthrough()
              .describe(
                "{ new: <cluster spec> } for a cluster of its own, or { existing: <name of one of the tenant's RayClusters> }",
              ),
            runtimeEnv: z
              .object({})
              .passthrough()
              .optional()
              .describe(
                'pip (packages), envVars (never shown again: answers name them only), workingDir (an https, gs or s3 URL of a zip)',
              ),
            activeDeadlineSeconds: z
              .number()
              .int()
              .optional()
              .describe('Stop the job after this many seconds'),
            submissionMode: z
              .enum(['K8sJobMode', 'HTTPMode'])
              .optional()
              .describe(
                'K8sJobMode (default): a Kubernetes Job submits the entrypoint; HTTPMode: the operator submits it over HTTP',
              ),
          })
          // Unknown fields reach the REST rules, which name them in a 400.
          .passthrough(),
      output: z => z.object({ job: workloadOutput('The RayJob') }),
    },
    action: async ({ input: { tenant, ...body }, credentials }) => {
      const { params, body: request } = parseRouteInput(
        rayServiceApi.submitRayJob,
        { params: { tenant }, body },
      );
      return {
        output: {
          job: await deps.rayJobs.submit(
            callerOf(credentials),
            params.tenant,
            request,
          ),
        },
      };
    },
  });
