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

import YAML from 'yaml';
import type { KubeObject } from '../../util';
import { ownerRef } from '../context';
import { authEnv } from './auth';
import {
  CREATED_BY_LABEL,
  KUBERAY_OPERATOR,
  ORIGINATED_FROM_CRD_LABEL,
  ORIGINATED_FROM_NAME_LABEL,
} from './names';

/*
 * How a RayJob's job reaches its cluster (KubeRay v1.7.0 utils/dashboardclient
 * ConvertRayJobToReq, common/job.go BuildJobSubmitCommand, rayjob_controller.go
 * createNewK8sJob). In K8sJobMode (the default) KubeRay creates a submitter Job running
 * `ray job submit`; kube-sim runs no pods for Jobs, so it submits the same request itself
 * and mirrors the outcome into the submitter Job's status.
 */

/** The `POST /api/jobs/` body KubeRay sends for a RayJob. */
export function submitRequest(rayJob: KubeObject): Record<string, unknown> {
  const spec = rayJob.spec ?? {};
  const request: Record<string, unknown> = {
    entrypoint: spec.entrypoint ?? '',
    submission_id: rayJob.status?.jobId,
  };
  if (spec.runtimeEnvYAML)
    request.runtime_env = YAML.parse(spec.runtimeEnvYAML);
  if (spec.metadata) request.metadata = spec.metadata;
  if (spec.entrypointNumCpus)
    request.entrypoint_num_cpus = spec.entrypointNumCpus;
  if (spec.entrypointNumGpus)
    request.entrypoint_num_gpus = spec.entrypointNumGpus;
  if (spec.entrypointResources)
    request.entrypoint_resources = JSON.parse(spec.entrypointResources);
  return request;
}

export function submissionMode(rayJob: KubeObject): string {
  return rayJob.spec?.submissionMode ?? 'K8sJobMode';
}

/** The submitter Job of K8sJobMode, `<rayjob>`, owned by the RayJob. */
export function submitterJob(
  rayJob: KubeObject,
  cluster: KubeObject,
): KubeObject {
  const labels = {
    [ORIGINATED_FROM_NAME_LABEL]: rayJob.metadata.name,
    [ORIGINATED_FROM_CRD_LABEL]: 'RayJob',
    [CREATED_BY_LABEL]: KUBERAY_OPERATOR,
  };
  const image =
    cluster.spec?.headGroupSpec?.template?.spec?.containers?.[0]?.image;
  const { dashboardURL, jobId } = rayJob.status ?? {};
  const address = `http://${dashboardURL}`;
  // BuildJobSubmitCommand (K8sJobMode): submit unless the job exists, then follow its logs
  const command = [
    `if ! ray job status --address ${address} ${jobId} >/dev/null 2>&1 ;`,
    `then ray job submit --address ${address} --no-wait --submission-id ${jobId} -- ${
      rayJob.spec?.entrypoint ?? ''
    } ; fi ;`,
    `ray job logs --address ${address} --follow ${jobId}`,
  ].join(' ');
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: rayJob.metadata.name,
      namespace: rayJob.metadata.namespace,
      labels,
      ownerReferences: [ownerRef(rayJob)],
    },
    spec: {
      backoffLimit: rayJob.spec?.submitterConfig?.backoffLimit ?? 2,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'ray-job-submitter',
              image,
              command: ['/bin/bash', '-ce', '--'],
              args: [command],
              env: [
                { name: 'PYTHONUNBUFFERED', value: '1' },
                { name: 'RAY_DASHBOARD_ADDRESS', value: dashboardURL },
                { name: 'RAY_JOB_SUBMISSION_ID', value: jobId },
                ...authEnv(cluster).map(([name, v]) =>
                  typeof v === 'string'
                    ? { name, value: v }
                    : { name, valueFrom: v },
                ),
              ],
            },
          ],
        },
      },
    },
  };
}

/**
 * The submitter Job's status once `ray job logs --follow` has seen the job end: Complete,
 * whether the Ray job succeeded or not (its outcome is in the RayJob).
 */
export function submitterJobStatus(started: string, ended: string): KubeObject {
  const condition = (type: string) => ({
    type,
    status: 'True',
    lastProbeTime: ended,
    lastTransitionTime: ended,
  });
  return {
    startTime: started,
    completionTime: ended,
    succeeded: 1,
    conditions: [condition('SuccessCriteriaMet'), condition('Complete')],
    ready: 0,
    terminating: 0,
  };
}
