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

import type { KubeObject } from '../util';
import { ControllerContext, keyOf, phaseElapsed } from './context';
import { CREATED_BY_LABEL, KUBERAY_OPERATOR } from './kuberay/names';
import { podStatus, Waiting } from './podStatus';
import { simulatedNodeName } from './vclusterSync';
import { VCLUSTER_MANAGED_BY_LABEL } from './vclusterTranslate';

/*
 * kube-sim has no scheduler and no kubelet. The pods its simulated KubeRay creates are
 * "scheduled" at once (to the cluster's first node) and "start" `readyDelayMs` after they
 * were created: then they are Running and Ready with a pod IP. A container whose env needs a
 * Secret key that does not exist waits in `CreateContainerConfigError`, as on a real node.
 * Other pods are left alone.
 */

/** Pods the simulated kubelet runs: KubeRay's, not vcluster's host copies of them. */
export function isSimulatedPod(pod: KubeObject): boolean {
  const labels = pod.metadata?.labels ?? {};
  return (
    labels[CREATED_BY_LABEL] === KUBERAY_OPERATOR &&
    !labels[VCLUSTER_MANAGED_BY_LABEL]
  );
}

function missingSecret(
  ctx: ControllerContext,
  pod: KubeObject,
): Waiting | undefined {
  for (const container of pod.spec?.containers ?? []) {
    for (const e of container.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (!ref || ref.optional) continue;
      const secret = ctx.cluster.getObject(
        'v1',
        'Secret',
        pod.metadata.namespace,
        ref.name,
      );
      if (!secret)
        return {
          reason: 'CreateContainerConfigError',
          message: `secret "${ref.name}" not found`,
        };
      if (secret.data?.[ref.key] === undefined)
        return {
          reason: 'CreateContainerConfigError',
          message: `couldn't find key ${ref.key} in Secret ${pod.metadata.namespace}/${ref.name}`,
        };
    }
  }
  return undefined;
}

export function reconcilePod(
  ctx: ControllerContext,
  pod: KubeObject,
): number | void {
  if (!isSimulatedPod(pod) || pod.metadata.deletionTimestamp) return undefined;
  if (pod.status?.phase === 'Running') return undefined;
  const elapsed = phaseElapsed(ctx, keyOf('', 'pods', pod), 1);
  const delay = ctx.settings.readyDelayMs;
  const waiting = elapsed < delay ? undefined : missingSecret(ctx, pod);
  const ready = elapsed >= delay && !waiting;
  const nodeName = pod.spec?.nodeName ?? simulatedNodeName(ctx.cluster);
  const status = podStatus({
    ready,
    containers: pod.spec?.containers ?? [],
    previous: pod.status,
    podIP: ready ? ctx.nextPodIP() : undefined,
    waiting,
  });
  if (
    pod.spec?.nodeName !== nodeName ||
    JSON.stringify(status) !== JSON.stringify(pod.status)
  )
    ctx.cluster.putObject({ ...pod, spec: { ...pod.spec, nodeName }, status });
  if (ready) return undefined;
  return waiting ? delay : delay - elapsed;
}
