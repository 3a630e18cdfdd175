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

import type { Fetched } from '../lib/fetched';
import type { ObservedObject } from '../kubernetes/ObjectClient';
import { findCondition } from '../kubernetes/objectConditions';
import {
  tenantNamespace,
  VCLUSTER_MANAGED_BY_LABEL,
  VCLUSTER_NAMESPACE_LABEL,
  VCLUSTER_OBJECT_NAME_ANNOTATION,
  VCLUSTER_OBJECT_NAMESPACE_ANNOTATION,
  vclusterReleaseName,
} from '../vocabulary';
import {
  KUBERAY_NAMESPACE_IN_VCLUSTER,
  KUBERAY_RELEASE_IN_VCLUSTER,
} from '../planner/operatorRelease';
import { readiness, Readiness } from './readiness';

/**
 * The operator's pods inside the vcluster are `kuberay-operator-<replicaset
 * hash>-<id>`: its Deployment is named after its release.
 */
const OPERATOR_POD_PREFIX = `${KUBERAY_RELEASE_IN_VCLUSTER}-`;

/**
 * The label selector of the host pods synced from the namespace of the KubeRay
 * operator inside a tenant's vcluster (listed in the tenant namespace).
 */
export function syncedOperatorPodSelector(tenant: string): string {
  return [
    `${VCLUSTER_MANAGED_BY_LABEL}=${vclusterReleaseName(tenant)}`,
    `${VCLUSTER_NAMESPACE_LABEL}=${KUBERAY_NAMESPACE_IN_VCLUSTER}`,
  ].join(',');
}

function annotation(pod: ObservedObject, key: string): string | undefined {
  return pod.metadata.annotations?.[key];
}

/** Whether a synced host pod is one of the KubeRay operator's. */
export function isSyncedOperatorPod(pod: ObservedObject): boolean {
  return (
    annotation(pod, VCLUSTER_OBJECT_NAME_ANNOTATION)?.startsWith(
      OPERATOR_POD_PREFIX,
    ) ?? false
  );
}

/** `kuberay-system/kuberay-operator-…`: the pod's name inside the vcluster. */
function virtualName(pod: ObservedObject): string {
  const namespace =
    annotation(pod, VCLUSTER_OBJECT_NAMESPACE_ANNOTATION) ??
    KUBERAY_NAMESPACE_IN_VCLUSTER;
  return `${namespace}/${annotation(pod, VCLUSTER_OBJECT_NAME_ANNOTATION)}`;
}

const hostName = (pod: ObservedObject) =>
  `${pod.metadata.namespace}/${pod.metadata.name}`;

interface ContainerStatus {
  name?: string;
  state?: {
    waiting?: { reason?: string; message?: string };
    terminated?: { reason?: string; message?: string; exitCode?: number };
  };
}

interface PodStatus {
  phase?: string;
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
}

/**
 * Why a pod is not Ready: a container that waits (its reason, e.g.
 * `ImagePullBackOff`, is the condition's) or terminated, else its
 * scheduling, conditions or phase.
 */
function whyNotReady(pod: ObservedObject): { reason?: string; text: string } {
  const status = (pod.status ?? {}) as PodStatus;
  const containers = [
    ...(status.initContainerStatuses ?? []),
    ...(status.containerStatuses ?? []),
  ];
  const detail = (state: { reason?: string; message?: string }) =>
    `${state.reason}${state.message ? `: ${state.message}` : ''}`;
  for (const container of containers) {
    const waiting = container.state?.waiting;
    if (waiting?.reason) {
      return {
        reason: waiting.reason,
        text: `container ${container.name} is waiting: ${detail(waiting)}`,
      };
    }
  }
  for (const container of containers) {
    const terminated = container.state?.terminated;
    if (terminated?.reason) {
      return {
        text: `container ${container.name} terminated: ${detail(terminated)}`,
      };
    }
  }
  const scheduled = findCondition(pod, 'PodScheduled');
  if (scheduled?.status === 'False') {
    return {
      text: `not scheduled${scheduled.reason ? ` (${scheduled.reason})` : ''}${
        scheduled.message ? `: ${scheduled.message}` : ''
      }`,
    };
  }
  const ready = findCondition(pod, 'Ready');
  return {
    text: `${status.phase ?? 'Pending'}${
      ready?.message ? `: ${ready.message}` : ', not Ready'
    }`,
  };
}

const creation = (pod: ObservedObject) =>
  String(pod.metadata.creationTimestamp ?? '');

/**
 * `OperatorReady` of a vcluster tenant from the host, when the vcluster API
 * could not be reached (`unreachable` says why): True when a pod of the
 * KubeRay operator is Ready, False when its pods exist but none is, Unknown
 * (`VClusterUnreachable`) when there is none or the pods could not be read.
 */
export function syncedOperatorReadiness(
  tenant: string,
  unreachable: string,
  pods: Fetched<ObservedObject[]>,
): Readiness {
  const because = `read on the host because the vcluster API was unreachable: ${unreachable}`;
  if ('error' in pods) {
    return readiness(
      'Unknown',
      'VClusterUnreachable',
      `${unreachable}; the operator's pods synced to the host could not be read either: ${pods.error}`,
    );
  }
  const operatorPods = pods.value.filter(isSyncedOperatorPod);
  const ready = operatorPods.find(
    pod => findCondition(pod, 'Ready')?.status === 'True',
  );
  if (ready) {
    return readiness(
      'True',
      'OperatorPodReady',
      `the KubeRay operator's pod ${virtualName(
        ready,
      )} is Ready (host pod ${hostName(ready)}; ${because})`,
    );
  }
  if (!operatorPods.length) {
    return readiness(
      'Unknown',
      'VClusterUnreachable',
      `${unreachable}; no pod of the KubeRay operator is synced to the host (pods in ${tenantNamespace(
        tenant,
      )} with ${syncedOperatorPodSelector(tenant)})`,
    );
  }
  // the newest pod that is not going away says most
  const [pod] = [...operatorPods].sort(
    (a, b) =>
      Number(Boolean(a.metadata.deletionTimestamp)) -
        Number(Boolean(b.metadata.deletionTimestamp)) ||
      creation(b).localeCompare(creation(a)),
  );
  const why = whyNotReady(pod);
  const others =
    operatorPods.length > 1 ? `, ${operatorPods.length} pods, none Ready` : '';
  return readiness(
    'False',
    why.reason ?? 'OperatorPodNotReady',
    `the KubeRay operator's pod ${virtualName(pod)} is not Ready: ${
      why.text
    } (host pod ${hostName(pod)}${others}; ${because})`,
  );
}
