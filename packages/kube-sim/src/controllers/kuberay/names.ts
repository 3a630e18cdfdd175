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

import { randomSuffix } from '../../util';

/*
 * KubeRay v1.7.0's names and labels (ray-operator/controllers/ray/utils/util.go, constant.go,
 * common/pod.go labelPod), checked against its source.
 */

export const RAY_CLUSTER_LABEL = 'ray.io/cluster';
export const RAY_NODE_TYPE_LABEL = 'ray.io/node-type';
export const RAY_GROUP_LABEL = 'ray.io/group';
export const RAY_IDENTIFIER_LABEL = 'ray.io/identifier';
export const RAY_IS_NODE_LABEL = 'ray.io/is-ray-node';
export const RAY_SERVE_LABEL = 'ray.io/serve';
export const ORIGINATED_FROM_NAME_LABEL = 'ray.io/originated-from-cr-name';
export const ORIGINATED_FROM_CRD_LABEL = 'ray.io/originated-from-crd';
export const CREATED_BY_LABEL = 'app.kubernetes.io/created-by';
export const KUBERAY_OPERATOR = 'kuberay-operator';
export const HEAD_GROUP = 'headgroup';
export const KUBERAY_VERSION = 'v1.7.0';

/** `utils.CheckName`: at most 50 characters (the start is cut), no leading digit or punctuation. */
export function checkName(s: string): string {
  let out = s.length > 50 ? s.slice(s.length - 50) : s;
  if (/^[0-9]/.test(out) || /^[^\p{L}\p{N}]/u.test(out))
    out = `r${out.slice(1)}`;
  return out;
}

/** `utils.CheckLabel`: at most 63 characters (the start is cut), no leading punctuation. */
export function checkLabel(s: string): string {
  let out = s.length > 63 ? s.slice(s.length - 63) : s;
  if (/^[^\p{L}\p{N}]/u.test(out)) out = `r${out.slice(1)}`;
  return out;
}

/** `utils.PodName(prefix, nodeType, true)`: the generateName of a Ray pod. */
export function podGenerateName(
  prefix: string,
  nodeType: 'head' | 'worker',
): string {
  return `${prefix.slice(0, 50)}-${nodeType}-`.toLowerCase();
}

/** `utils.GenerateRayClusterName`: `<owner>-<5 random characters>` (RayJob, RayService). */
export function generateRayClusterName(owner: string): string {
  return `${owner}-${randomSuffix()}`;
}

/** `utils.GenerateRayJobId`: the submission id of a RayJob's job. */
export function generateRayJobId(rayJob: string): string {
  return `${rayJob}-${randomSuffix()}`;
}

/** `utils.GenerateIdentifier`: `<cluster>-<node type>`. */
export function identifier(
  cluster: string,
  nodeType: 'head' | 'worker',
): string {
  return checkLabel(`${cluster}-${nodeType}`);
}

/** `labelPod`: the labels of a Ray pod (template labels may not override cluster, node type or group). */
export function rayPodLabels(
  cluster: string,
  nodeType: 'head' | 'worker',
  group: string,
  templateLabels: Record<string, string> = {},
): Record<string, string> {
  const fixed = [RAY_CLUSTER_LABEL, RAY_NODE_TYPE_LABEL, RAY_GROUP_LABEL];
  return {
    [RAY_IS_NODE_LABEL]: 'yes',
    [RAY_CLUSTER_LABEL]: cluster,
    [RAY_NODE_TYPE_LABEL]: nodeType,
    [RAY_GROUP_LABEL]: group,
    [RAY_IDENTIFIER_LABEL]: identifier(cluster, nodeType),
    'app.kubernetes.io/name': 'kuberay',
    [CREATED_BY_LABEL]: KUBERAY_OPERATOR,
    ...Object.fromEntries(
      Object.entries(templateLabels).filter(([k]) => !fixed.includes(k)),
    ),
  };
}
