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

import { KubeObject, now } from '../util';
import { setCondition } from './conditions';
import {
  ControllerContext,
  keyOf,
  ownerRef,
  phaseElapsed,
  updateOwnStatus,
} from './context';

function headService(
  owner: KubeObject,
  name: string,
  clusterName: string,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels: {
        'ray.io/cluster': clusterName,
        'ray.io/node-type': 'head',
        'ray.io/identifier': `${clusterName}-head`,
        'app.kubernetes.io/name': 'kuberay',
        'app.kubernetes.io/created-by': 'kuberay-operator',
      },
      ownerReferences: [ownerRef(owner)],
    },
    spec: {
      type: 'ClusterIP',
      selector: { 'ray.io/cluster': clusterName, 'ray.io/node-type': 'head' },
      ports: [
        { name: 'gcs-server', port: 6379, targetPort: 6379, protocol: 'TCP' },
        { name: 'dashboard', port: 8265, targetPort: 8265, protocol: 'TCP' },
        { name: 'client', port: 10001, targetPort: 10001, protocol: 'TCP' },
        { name: 'serve', port: 8000, targetPort: 8000, protocol: 'TCP' },
        { name: 'metrics', port: 8080, targetPort: 8080, protocol: 'TCP' },
      ],
    },
  };
}

function sumWorkers(spec: KubeObject | undefined) {
  let desired = 0;
  let min = 0;
  let max = 0;
  for (const g of spec?.workerGroupSpecs ?? []) {
    const replicas = g.replicas ?? g.minReplicas ?? 0;
    const groups = g.numOfHosts ?? 1;
    desired += replicas * groups;
    min += (g.minReplicas ?? 0) * groups;
    max += (g.maxReplicas ?? replicas) * groups;
  }
  return { desired, min, max };
}

/** RayCluster: a head Service at once, state `ready` after the delay. */
export function reconcileRayCluster(
  ctx: ControllerContext,
  obj: KubeObject,
): number | void {
  const name = obj.metadata.name;
  const svcName = `${name}-head-svc`;
  const svc = ctx.cluster.ensureObject(headService(obj, svcName, name));
  const gen = obj.metadata.generation ?? 1;
  const workers = sumWorkers(obj.spec);
  const alreadyReady = obj.status?.state === 'ready';
  const elapsed = alreadyReady
    ? Infinity
    : phaseElapsed(ctx, keyOf('ray.io', 'rayclusters', obj), 1);
  const ready = elapsed >= ctx.settings.readyDelayMs;
  updateOwnStatus(ctx, obj, status => {
    const next: KubeObject = {
      ...status,
      desiredWorkerReplicas: workers.desired,
      minWorkerReplicas: workers.min,
      maxWorkerReplicas: workers.max,
      observedGeneration: gen,
    };
    next.head = {
      ...(next.head ?? {}),
      serviceName: svcName,
      serviceIP: svc.spec?.clusterIP,
      podName: `${name}-head`,
    };
    if (ready) {
      const wasReady = status.state === 'ready';
      next.state = 'ready';
      next.readyWorkerReplicas = workers.desired;
      next.availableWorkerReplicas = workers.desired;
      next.head.podIP = next.head.podIP ?? '10.244.0.10';
      next.endpoints = {
        client: '10001',
        dashboard: '8265',
        'gcs-server': '6379',
        metrics: '8080',
        serve: '8000',
      };
      if (!wasReady) {
        next.lastUpdateTime = now();
        next.stateTransitionTimes = {
          ...(status.stateTransitionTimes ?? {}),
          ready: now(),
        };
      }
      setCondition(next, {
        type: 'HeadPodReady',
        status: 'True',
        reason: 'HeadPodRunningAndReady',
        message: '',
      });
      setCondition(next, {
        type: 'RayClusterProvisioned',
        status: 'True',
        reason: 'AllPodRunningAndReadyFirstTime',
        message: '',
      });
    } else {
      setCondition(next, {
        type: 'HeadPodReady',
        status: 'False',
        reason: 'HeadPodNotFound',
        message: 'Head Pod not found',
      });
      setCondition(next, {
        type: 'RayClusterProvisioned',
        status: 'False',
        reason: 'RayClusterPodsProvisioning',
        message: 'RayCluster Pods are being provisioned for first time',
      });
    }
    return next;
  });
  if (!ready) return ctx.settings.readyDelayMs - elapsed;
  return undefined;
}

/** RayJob: Initializing → Running (after the delay) → Complete/SUCCEEDED (after twice the delay). */
export function reconcileRayJob(
  ctx: ControllerContext,
  obj: KubeObject,
): number | void {
  const name = obj.metadata.name;
  const ns = obj.metadata.namespace;
  const status = obj.status ?? {};
  if (
    status.jobDeploymentStatus === 'Complete' ||
    status.jobDeploymentStatus === 'Failed'
  )
    return undefined;
  if (obj.spec?.suspend) {
    updateOwnStatus(ctx, obj, s => ({
      ...s,
      jobDeploymentStatus: 'Suspended',
    }));
    return undefined;
  }
  const delay = ctx.settings.readyDelayMs;
  const elapsed = phaseElapsed(ctx, keyOf('ray.io', 'rayjobs', obj), 1);
  const clusterName =
    status.rayClusterName ??
    obj.spec?.clusterSelector?.['ray.io/cluster'] ??
    `${name}-raycluster`.slice(0, 63);
  updateOwnStatus(ctx, obj, s => {
    const next: KubeObject = {
      ...s,
      rayClusterName: clusterName,
      jobId: s.jobId ?? obj.spec?.jobId ?? `${name}-job`,
      startTime: s.startTime ?? now(),
      observedGeneration: obj.metadata.generation ?? 1,
      dashboardURL: `${clusterName}-head-svc.${ns}.svc.cluster.local:8265`,
    };
    if (elapsed >= 2 * delay) {
      next.jobDeploymentStatus = 'Complete';
      next.jobStatus = 'SUCCEEDED';
      next.endTime = now();
      next.succeeded = 1;
      next.failed = 0;
      next.message = 'Job finished successfully.';
      next.rayJobInfo = { startTime: next.startTime, endTime: next.endTime };
    } else if (elapsed >= delay) {
      next.jobDeploymentStatus = 'Running';
      next.jobStatus = 'RUNNING';
    } else {
      next.jobDeploymentStatus = 'Initializing';
      next.jobStatus = s.jobStatus ?? 'PENDING';
    }
    return next;
  });
  if (elapsed >= 2 * delay) return undefined;
  return (elapsed >= delay ? 2 * delay : delay) - elapsed;
}

/** RayService: head and serve Services, Ready after the delay. */
export function reconcileRayService(
  ctx: ControllerContext,
  obj: KubeObject,
): number | void {
  const name = obj.metadata.name;
  const clusterName = `${name}-raycluster`;
  ctx.cluster.ensureObject(headService(obj, `${name}-head-svc`, clusterName));
  ctx.cluster.ensureObject({
    ...headService(obj, `${name}-serve-svc`, clusterName),
    spec: {
      type: 'ClusterIP',
      selector: { 'ray.io/cluster': clusterName, 'ray.io/serve': 'true' },
      ports: [{ name: 'serve', port: 8000, targetPort: 8000, protocol: 'TCP' }],
    },
  });
  const elapsed =
    obj.status?.serviceStatus === 'Running'
      ? Infinity
      : phaseElapsed(ctx, keyOf('ray.io', 'rayservices', obj), 1);
  const ready = elapsed >= ctx.settings.readyDelayMs;
  updateOwnStatus(ctx, obj, s => {
    const next: KubeObject = {
      ...s,
      observedGeneration: obj.metadata.generation ?? 1,
    };
    if (ready) {
      next.serviceStatus = 'Running';
      next.numServeEndpoints = 1;
      next.activeServiceStatus = {
        ...(s.activeServiceStatus ?? {}),
        rayClusterName: clusterName,
      };
      setCondition(next, {
        type: 'Ready',
        status: 'True',
        reason: 'NonZeroServeEndpoints',
        message: 'Number of serve endpoints is greater than 0',
        observedGeneration: obj.metadata.generation ?? 1,
      });
      setCondition(next, {
        type: 'UpgradeInProgress',
        status: 'False',
        reason: 'NoPendingCluster',
        message: 'Active Ray cluster exists and no pending Ray cluster',
        observedGeneration: obj.metadata.generation ?? 1,
      });
    } else {
      setCondition(next, {
        type: 'Ready',
        status: 'False',
        reason: 'Initializing',
        message: 'Initializing',
        observedGeneration: obj.metadata.generation ?? 1,
      });
    }
    return next;
  });
  return ready ? undefined : ctx.settings.readyDelayMs - elapsed;
}
