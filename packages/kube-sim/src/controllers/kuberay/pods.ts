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
import { ownerRef } from '../context';
import { authEnv } from './auth';
import {
  HEAD_GROUP,
  ORIGINATED_FROM_CRD_LABEL,
  podGenerateName,
  RAY_SERVE_LABEL,
  rayPodLabels,
} from './names';
import { headServiceName } from './services';

/*
 * The Ray pods KubeRay v1.7.0 builds from a RayCluster's templates (common/pod.go
 * DefaultHeadPodTemplate, DefaultWorkerPodTemplate, BuildPod), reduced to what can be seen
 * from outside: generated names, labels, owner, the `ray start` command and the environment
 * (token auth included). Resources (GPUs too) are kept as the template has them.
 */

function env(container: KubeObject, name: string, value: string | KubeObject) {
  container.env = container.env ?? [];
  if (container.env.some((e: KubeObject) => e.name === name)) return;
  container.env.push(
    typeof value === 'string' ? { name, value } : { name, valueFrom: value },
  );
}

function rayStartCommand(
  nodeType: 'head' | 'worker',
  params: Record<string, string>,
): string {
  const flags = Object.entries(params)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => (v === 'true' ? `--${k}` : `--${k}=${v}`))
    .join(' ');
  return `ray start ${
    nodeType === 'head' ? '--head ' : ''
  }${flags} --block`.replace(/\s+/g, ' ');
}

function buildPod(
  cluster: KubeObject,
  group: KubeObject,
  nodeType: 'head' | 'worker',
  groupName: string,
): KubeObject {
  const template = structuredClone(group.template ?? {});
  const spec = template.spec ?? {};
  const name = cluster.metadata.name;
  const ns = cluster.metadata.namespace;
  const fqdn = `${headServiceName(cluster)}.${ns}.svc.cluster.local`;
  const labels = rayPodLabels(name, nodeType, groupName, {
    ...(template.metadata?.labels ?? {}),
    ...(group.labels ?? {}),
  });
  // Pods of a RayService's cluster: workers serve at once, the head once Serve is healthy.
  if (cluster.metadata.labels?.[ORIGINATED_FROM_CRD_LABEL] === 'RayService')
    labels[RAY_SERVE_LABEL] = nodeType === 'head' ? 'false' : 'true';
  const ray = spec.containers?.[0];
  if (ray) {
    const params: Record<string, string> = { ...(group.rayStartParams ?? {}) };
    if (nodeType === 'head')
      params['dashboard-host'] = params['dashboard-host'] ?? '0.0.0.0';
    else params.address = `${fqdn}:6379`;
    ray.command = ['/bin/bash', '-c', '--'];
    ray.args = [`ulimit -n 65536; ${rayStartCommand(nodeType, params)}`];
    env(ray, 'RAY_CLUSTER_NAME', {
      fieldRef: { fieldPath: "metadata.labels['ray.io/cluster']" },
    });
    env(ray, 'RAY_CLUSTER_NAMESPACE', {
      fieldRef: { fieldPath: 'metadata.namespace' },
    });
    if (nodeType === 'worker') env(ray, 'FQ_RAY_IP', fqdn);
    env(ray, 'RAY_PORT', '6379');
    env(
      ray,
      'RAY_ADDRESS',
      nodeType === 'head' ? '127.0.0.1:6379' : `${fqdn}:6379`,
    );
    env(ray, 'RAY_USAGE_STATS_KUBERAY_IN_USE', '1');
    for (const [k, v] of authEnv(cluster)) env(ray, k, v);
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: podGenerateName(
        nodeType === 'head' ? name : `${name}-${groupName}`,
        nodeType,
      ),
      namespace: ns,
      labels,
      annotations: { ...(template.metadata?.annotations ?? {}) },
      ownerReferences: [ownerRef(cluster)],
    },
    spec: { restartPolicy: 'Always', ...spec },
  };
}

export function headPod(cluster: KubeObject): KubeObject {
  return buildPod(
    cluster,
    cluster.spec?.headGroupSpec ?? {},
    'head',
    HEAD_GROUP,
  );
}

export function workerPod(cluster: KubeObject, group: KubeObject): KubeObject {
  return buildPod(cluster, group, 'worker', String(group.groupName));
}

/** The Ray container's `rayStartParams` of a pod's group, for the simulated Ray node. */
export function rayStartParamsOf(
  cluster: KubeObject,
  pod: KubeObject,
): Record<string, string> {
  if (pod.metadata.labels?.['ray.io/node-type'] === 'head')
    return cluster.spec?.headGroupSpec?.rayStartParams ?? {};
  const group = (cluster.spec?.workerGroupSpecs ?? []).find(
    (g: KubeObject) => g.groupName === pod.metadata.labels?.['ray.io/group'],
  );
  return group?.rayStartParams ?? {};
}
