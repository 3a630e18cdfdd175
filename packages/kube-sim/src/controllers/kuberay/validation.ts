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

import type { KubeObject } from '../../util';
import type { ControllerContext } from '../context';

/*
 * The checks KubeRay v1.7.0 makes before it acts (utils/validation.go ValidateRayClusterSpec,
 * ValidateRayJobSpec), those a user of the portal can run into. An invalid RayCluster gets a
 * Warning Event and nothing else; an invalid RayJob becomes ValidationFailed.
 */

function versionAtLeast(version: string, min: number[]): boolean {
  const parts = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < min.length; i++) {
    if ((parts[i] ?? 0) !== min[i]) return (parts[i] ?? 0) > min[i];
  }
  return true;
}

export function rayClusterSpecError(
  spec: KubeObject | undefined,
): string | undefined {
  if (!spec?.headGroupSpec?.template?.spec?.containers?.length)
    return 'headGroupSpec should have at least one container';
  const autoscaling = spec.enableInTreeAutoscaling === true;
  for (const g of spec.workerGroupSpecs ?? []) {
    if (!g.template?.spec?.containers?.length)
      return 'workerGroupSpec should have at least one container';
    if (
      !autoscaling &&
      (g.minReplicas === undefined || g.maxReplicas === undefined)
    )
      return `worker group ${g.groupName} must set both minReplicas and maxReplicas when autoscaling is disabled`;
    if (g.minReplicas < 0)
      return `worker group ${g.groupName} has negative minReplicas ${g.minReplicas}`;
    if (g.maxReplicas < 0)
      return `worker group ${g.groupName} has negative maxReplicas ${g.maxReplicas}`;
    if (g.minReplicas > g.maxReplicas)
      return `worker group ${g.groupName} has minReplicas ${g.minReplicas} greater than maxReplicas ${g.maxReplicas}`;
  }
  if (spec.authOptions?.mode === 'token') {
    if (!spec.rayVersion)
      return "authOptions.mode is 'token' but RayVersion was not specified. Ray version 2.52.0 or later is required";
    if (!versionAtLeast(spec.rayVersion, [2, 52, 0]))
      return `authOptions.mode is 'token' but minimum Ray version is 2.52.0, got ${spec.rayVersion}`;
  }
  return undefined;
}

export function rayJobSpecError(job: KubeObject): string | undefined {
  const spec = job.spec ?? {};
  const invalid = (why: string) => `The RayJob spec is invalid: ${why}`;
  if (spec.suspend && !spec.shutdownAfterJobFinishes)
    return invalid(
      'a RayJob with shutdownAfterJobFinishes set to false is not allowed to be suspended',
    );
  if ((spec.ttlSecondsAfterFinished ?? 0) < 0)
    return invalid('TTLSecondsAfterFinished must be a non-negative integer');
  const selector =
    spec.clusterSelector && Object.keys(spec.clusterSelector).length;
  if (selector && spec.suspend)
    return invalid(
      "the ClusterSelector mode doesn't support the suspend operation",
    );
  if (!selector && !spec.rayClusterSpec)
    return invalid('one of RayClusterSpec or ClusterSelector must be set');
  if (selector && !spec.clusterSelector['ray.io/cluster'])
    return 'cluster name in ClusterSelector should not be empty';
  return spec.rayClusterSpec
    ? rayClusterSpecError(spec.rayClusterSpec)
    : undefined;
}

/** A Warning Event about an object, as KubeRay's recorder writes (once per reason and message). */
export function warn(
  ctx: ControllerContext,
  obj: KubeObject,
  reason: string,
  message: string,
) {
  const name = `${obj.metadata.name}.${reason.toLowerCase()}`;
  ctx.cluster.ensureObject({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: obj.metadata.namespace },
    type: 'Warning',
    reason,
    message,
    involvedObject: {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
    },
    source: { component: 'kuberay-operator' },
    count: 1,
  });
}
