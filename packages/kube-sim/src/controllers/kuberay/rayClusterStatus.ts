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

import {
  formatQuantity,
  parseQuantity,
  Quantity,
  sumQuantities,
} from '../../quantity';
import { deepEqual, KubeObject, now } from '../../util';
import { getCondition, removeCondition, setCondition } from '../conditions';

/*
 * RayCluster status as KubeRay v1.7.0 computes it (raycluster_controller.go calculateStatus,
 * updateEndpoints, updateHeadInfo; utils CalculateDesiredReplicas, CalculateDesiredResources,
 * FindHeadPodReadyCondition), with the RayClusterStatusConditions feature gate on.
 */

export const REPLICA_FAILURE = 'ReplicaFailure';
export const SUSPENDING = 'RayClusterSuspending';
export const SUSPENDED = 'RayClusterSuspended';

/** `GetWorkerGroupDesiredReplicas`: replicas clamped to min/max, 0 when suspended, × hosts. */
export function desiredReplicas(group: KubeObject): number {
  if (group.suspend) return 0;
  const min = group.minReplicas ?? 0;
  const max = group.maxReplicas ?? 2147483647;
  const replicas = group.replicas ?? min;
  return Math.min(max, Math.max(min, replicas)) * (group.numOfHosts ?? 1);
}

function groups(cluster: KubeObject): KubeObject[] {
  return cluster.spec?.workerGroupSpecs ?? [];
}

/** `CalculatePodResource`: requests, limits where no request is given, over all containers. */
function podResources(
  podSpec: KubeObject | undefined,
): Record<string, Quantity> {
  const total: Record<string, Quantity[]> = {};
  for (const c of podSpec?.containers ?? []) {
    const merged = {
      ...(c.resources?.limits ?? {}),
      ...(c.resources?.requests ?? {}),
    };
    for (const [name, q] of Object.entries(merged)) {
      const parsed = parseQuantity(q);
      if (parsed) (total[name] = total[name] ?? []).push(parsed);
    }
  }
  return Object.fromEntries(
    Object.entries(total).map(([k, v]) => [k, sumQuantities(v)]),
  );
}

/** KubeRay's `IsGPUResourceKey`. */
function isGpuKey(key: string): boolean {
  return key.endsWith('gpu') || /nvidia\.com\/mig-\d+g\.\d+gb$/.test(key);
}

/** `CalculateDesiredResources`: the head plus `replicas` (not clamped) × hosts of each group. */
function desiredResources(cluster: KubeObject) {
  const all: Record<string, Quantity[]> = {};
  const add = (podSpec: KubeObject, times: number) => {
    for (const [k, q] of Object.entries(podResources(podSpec)))
      (all[k] = all[k] ?? []).push({
        value: q.value * times,
        format: q.format,
      });
  };
  add(cluster.spec?.headGroupSpec?.template?.spec, 1);
  for (const g of groups(cluster))
    if (!g.suspend)
      add(g.template?.spec, (g.replicas ?? 0) * (g.numOfHosts ?? 1));
  const sum = (key: string) => formatQuantity(sumQuantities(all[key] ?? []));
  const gpus = Object.keys(all)
    .filter(isGpuKey)
    .flatMap(k => all[k]);
  return {
    desiredCPU: sum('cpu'),
    desiredMemory: sum('memory'),
    desiredGPU: formatQuantity(sumQuantities(gpus)),
    desiredTPU: sum('google.com/tpu'),
  };
}

function isRunningAndReady(pod: KubeObject): boolean {
  return (
    pod.status?.phase === 'Running' &&
    getCondition(pod, 'Ready')?.status === 'True'
  );
}

/** `CheckAllPodsRunning`: some pods, all Running and none with Ready=False. */
function allRunning(pods: KubeObject[]): boolean {
  return (
    pods.length > 0 &&
    pods.every(
      p =>
        p.status?.phase === 'Running' &&
        getCondition(p, 'Ready')?.status !== 'False',
    )
  );
}

/** `FindHeadPodReadyCondition`. */
function headPodReady(head: KubeObject | undefined) {
  const notReady = (reason: string, message: string) => ({
    type: 'HeadPodReady',
    status: 'False' as const,
    reason,
    message,
  });
  if (!head) return notReady('HeadPodNotFound', 'Head Pod not found');
  const ready = getCondition(head, 'Ready');
  if (!ready) return notReady('Unknown', '');
  let reason =
    ready.reason ||
    (ready.status === 'True' ? 'HeadPodRunningAndReady' : 'Unknown');
  let message = ready.message ?? '';
  if (reason === 'ContainersNotReady') {
    const waiting = (head.status?.containerStatuses ?? []).find(
      (c: KubeObject) => !c.ready && c.state?.waiting,
    )?.state?.waiting;
    if (waiting) {
      reason = waiting.reason;
      if (waiting.message)
        message = message ? `${message}; ${waiting.message}` : waiting.message;
    }
  }
  return { type: 'HeadPodReady', status: ready.status, reason, message };
}

export function suspendStatus(
  status: KubeObject | undefined,
): string | undefined {
  for (const type of [SUSPENDING, SUSPENDED])
    if (getCondition({ status }, type)?.status === 'True') return type;
  return undefined;
}

export interface ObservedCluster {
  cluster: KubeObject;
  pods: KubeObject[];
  headService?: KubeObject;
  /** A pod create or delete that failed: `ReplicaFailure` (reason, message). */
  failure?: { reason: string; message: string };
}

/** The next status of a RayCluster, or undefined when nothing but lastUpdateTime would change. */
export function rayClusterStatus({
  cluster,
  pods,
  headService,
  failure,
}: ObservedCluster): KubeObject | undefined {
  const old: KubeObject = cluster.status ?? {};
  const next: KubeObject = structuredClone(old);
  const workers = pods.filter(
    p => p.metadata.labels?.['ray.io/node-type'] === 'worker',
  );
  const head = pods.find(
    p => p.metadata.labels?.['ray.io/node-type'] === 'head',
  );
  const suspend = cluster.spec?.suspend === true;
  if (failure)
    setCondition(next, { type: REPLICA_FAILURE, status: 'True', ...failure });
  else removeCondition(next, REPLICA_FAILURE);
  next.observedGeneration = cluster.metadata.generation ?? 1;
  const count = (n: number, key: string) => {
    if (n) next[key] = n;
    else delete next[key];
  };
  const desired = groups(cluster).reduce((n, g) => n + desiredReplicas(g), 0);
  count(workers.filter(isRunningAndReady).length, 'readyWorkerReplicas');
  count(
    workers.filter(p => p.status?.phase === 'Running').length,
    'availableWorkerReplicas',
  );
  count(desired, 'desiredWorkerReplicas');
  count(
    groups(cluster)
      .filter(g => !g.suspend)
      .reduce((n, g) => n + (g.minReplicas ?? 0) * (g.numOfHosts ?? 1), 0),
    'minWorkerReplicas',
  );
  count(
    Math.min(
      2147483647,
      groups(cluster)
        .filter(g => !g.suspend)
        .reduce(
          (n, g) => n + (g.maxReplicas ?? 2147483647) * (g.numOfHosts ?? 1),
          0,
        ),
    ),
    'maxWorkerReplicas',
  );
  Object.assign(next, desiredResources(cluster));
  if (!failure && pods.length === desired + 1 && allRunning(pods)) {
    next.state = 'ready';
    delete next.reason;
  }
  setCondition(next, headPodReady(head));
  const phase = suspendStatus(old);
  if (
    getCondition({ status: next }, 'RayClusterProvisioned')?.status !==
      'True' &&
    phase !== SUSPENDED
  ) {
    setCondition(
      next,
      allRunning(pods)
        ? {
            type: 'RayClusterProvisioned',
            status: 'True',
            reason: 'AllPodRunningAndReadyFirstTime',
            message: 'All Ray Pods are ready for the first time',
          }
        : {
            type: 'RayClusterProvisioned',
            status: 'False',
            reason: 'RayClusterPodsProvisioning',
            message: 'RayCluster Pods are being provisioned for first time',
          },
    );
  }
  const flag = (type: string, on: boolean) =>
    setCondition(next, {
      type,
      status: on ? 'True' : 'False',
      reason: type,
      message: '',
    });
  if (phase === SUSPENDING) {
    if (!pods.length) {
      setCondition(next, {
        type: 'RayClusterProvisioned',
        status: 'False',
        reason: 'RayClusterPodsProvisioning',
        message: 'RayCluster has been suspended',
      });
      flag(SUSPENDING, false);
      flag(SUSPENDED, true);
    }
  } else if (phase === SUSPENDED) {
    if (!suspend) flag(SUSPENDED, false);
  } else {
    flag(SUSPENDED, false);
    flag(SUSPENDING, suspend);
  }
  if (suspend && !pods.length) next.state = 'suspended';
  if (headService) {
    next.endpoints = {
      ...(next.endpoints ?? {}),
      ...Object.fromEntries(
        (headService.spec?.ports ?? [])
          .filter((p: KubeObject) => p.name)
          .map((p: KubeObject) => [
            p.name,
            String(p.nodePort ?? p.targetPort ?? p.port),
          ]),
      ),
    };
  }
  const headless = headService?.spec?.clusterIP === 'None';
  next.head = {
    ...(head?.status?.podIP ? { podIP: head.status.podIP } : {}),
    ...(headService
      ? {
          serviceIP: headless
            ? head?.status?.podIP
            : headService.spec?.clusterIP,
        }
      : {}),
    ...(head ? { podName: head.metadata.name } : {}),
    ...(headService ? { serviceName: headService.metadata.name } : {}),
  };
  if (!next.head.serviceIP) delete next.head.serviceIP;
  if (old.state !== next.state && next.state) {
    next.stateTransitionTimes = {
      ...(old.stateTransitionTimes ?? {}),
      [next.state]: now(),
    };
  }
  const changed = !deepEqual(
    { ...next, lastUpdateTime: undefined },
    { ...old, lastUpdateTime: undefined },
  );
  if (!changed) return undefined;
  next.lastUpdateTime = now();
  return next;
}
