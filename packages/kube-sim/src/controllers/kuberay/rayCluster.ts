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

import { podQuotaError } from '../../podQuota';
import { rayNodeOfPod } from '../../ray/nodes';
import type { KubeObject } from '../../util';
import { ControllerContext, updateOwnStatus } from '../context';
import { ensureAuthSecret, containerToken } from './auth';
import { CREATED_BY_LABEL, KUBERAY_OPERATOR, RAY_CLUSTER_LABEL } from './names';
import { headPod, rayStartParamsOf, workerPod } from './pods';
import {
  desiredReplicas,
  rayClusterStatus,
  SUSPENDED,
  SUSPENDING,
  suspendStatus,
} from './rayClusterStatus';
import { rayClusterHeadService } from './services';
import { rayClusterSpecError, warn } from './validation';

/*
 * KubeRay v1.7.0's RayCluster controller (raycluster_controller.go rayClusterReconcile,
 * reconcilePods): the auth Secret, the head Service, a head pod and `replicas` worker pods
 * per group (min/max clamped; extra pods are deleted, `scaleStrategy.workersToDelete` first),
 * all pods deleted while suspending, then the status. It keeps the simulated Ray head of the
 * cluster in step with its running pods.
 */

/** The pods of a cluster, as KubeRay lists them (`ray.io/cluster=<name>`), not terminating. */
export function clusterPods(
  ctx: ControllerContext,
  cluster: KubeObject,
): KubeObject[] {
  return ctx.cluster.store
    .list(ctx.cluster.typeFor('v1', 'Pod'), {
      namespace: cluster.metadata.namespace,
      labelSelector: [
        { key: RAY_CLUSTER_LABEL, op: 'in', values: [cluster.metadata.name] },
        { key: CREATED_BY_LABEL, op: 'in', values: [KUBERAY_OPERATOR] },
        { key: 'vcluster.loft.sh/managed-by', op: 'notexists' },
      ],
    })
    .entries.map(e => e.obj)
    .filter(p => !p.metadata.deletionTimestamp);
}

function deletePods(ctx: ControllerContext, pods: KubeObject[]) {
  for (const p of pods)
    ctx.cluster.deleteObject(
      'v1',
      'Pod',
      p.metadata.namespace,
      p.metadata.name,
    );
}

/** Creates a pod unless quota admission refuses it; returns the refusal. */
function createPod(
  ctx: ControllerContext,
  pod: KubeObject,
): string | undefined {
  const refused = podQuotaError(ctx.cluster, pod);
  if (!refused) ctx.cluster.putObject(pod);
  return refused;
}

function reconcilePods(
  ctx: ControllerContext,
  cluster: KubeObject,
  pods: KubeObject[],
): { reason: string; message: string } | undefined {
  const phase = suspendStatus(cluster.status);
  if (phase === SUSPENDING) {
    deletePods(ctx, pods);
    return undefined;
  }
  if (phase === SUSPENDED) return undefined;
  if (cluster.spec?.suspend) return undefined;
  const heads = pods.filter(
    p => p.metadata.labels?.['ray.io/node-type'] === 'head',
  );
  if (!heads.length) {
    const refused = createPod(ctx, headPod(cluster));
    if (refused)
      return {
        reason: 'FailedCreateHeadPod',
        message: `FailedCreateHeadPod\n${refused}`,
      };
  }
  for (const group of cluster.spec?.workerGroupSpecs ?? []) {
    const current = pods.filter(
      p =>
        p.metadata.labels?.['ray.io/node-type'] === 'worker' &&
        p.metadata.labels?.['ray.io/group'] === group.groupName,
    );
    const toDelete: string[] = group.scaleStrategy?.workersToDelete ?? [];
    const listed = current.filter(p => toDelete.includes(p.metadata.name));
    deletePods(ctx, listed);
    const remaining = current.filter(p => !toDelete.includes(p.metadata.name));
    const desired = desiredReplicas(group);
    if (remaining.length > desired) deletePods(ctx, remaining.slice(desired));
    for (let i = remaining.length; i < desired; i++) {
      const refused = createPod(ctx, workerPod(cluster, group));
      if (refused)
        return {
          reason: 'FailedCreateWorkerPod',
          message: `FailedCreateWorkerPod\n${refused}`,
        };
    }
  }
  return undefined;
}

/** Starts, updates or stops the simulated Ray head of the cluster to match its running pods. */
function syncRayHead(
  ctx: ControllerContext,
  cluster: KubeObject,
  pods: KubeObject[],
) {
  const key = {
    cluster: ctx.cluster.clusterName,
    namespace: cluster.metadata.namespace,
    name: cluster.metadata.name,
  };
  const running = pods.filter(p => p.status?.phase === 'Running');
  const head = running.find(
    p => p.metadata.labels?.['ray.io/node-type'] === 'head',
  );
  if (!head) {
    ctx.deps.rayHeads.remove(key);
    return;
  }
  const auth = containerToken(
    ctx.cluster,
    head.metadata.namespace,
    head.spec?.containers?.[0],
  );
  const rayHead = ctx.deps.rayHeads.start(key, String(head.metadata.uid), {
    authToken: auth.enabled ? auth.token ?? '' : undefined,
    rayVersion: String(cluster.spec?.rayVersion ?? '2.60.0'),
    autoscalerV2:
      cluster.spec?.enableInTreeAutoscaling === true &&
      cluster.spec?.autoscalerOptions?.version === 'v2',
  });
  rayHead.setNodes(
    running.map(p => rayNodeOfPod(p, rayStartParamsOf(cluster, p))),
  );
}

export function reconcileRayCluster(
  ctx: ControllerContext,
  cluster: KubeObject,
): number | void {
  if (cluster.metadata.deletionTimestamp) return undefined;
  const invalid = rayClusterSpecError(cluster.spec);
  if (invalid) {
    warn(
      ctx,
      cluster,
      'InvalidRayClusterSpec',
      `The RayCluster spec is invalid ${cluster.metadata.namespace}/${cluster.metadata.name}: ${invalid}`,
    );
    return undefined;
  }
  ensureAuthSecret(ctx.cluster, cluster, ctx.deps.rayToken);
  const headService = ctx.cluster.ensureObject(rayClusterHeadService(cluster));
  const failure = reconcilePods(ctx, cluster, clusterPods(ctx, cluster));
  const pods = clusterPods(ctx, cluster);
  syncRayHead(ctx, cluster, pods);
  const status = rayClusterStatus({ cluster, pods, headService, failure });
  if (status) updateOwnStatus(ctx, cluster, () => status);
  // a refused pod is tried again, as KubeRay requeues on errors
  return failure ? ctx.settings.readyDelayMs : undefined;
}
