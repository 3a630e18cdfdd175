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

/** Why a pod's containers are not running yet (the kubelet's waiting reason). */
export interface Waiting {
  reason: string;
  message?: string;
}

/**
 * A pod's status as the kubelet reports it: Running and Ready, or Pending with its containers
 * waiting (`ContainerCreating` unless another reason is given). A Pending pod has no IP yet.
 */
export function podStatus(options: {
  ready: boolean;
  containers: KubeObject[];
  previous?: KubeObject;
  podIP?: string;
  hostIP?: string;
  waiting?: Waiting;
}): KubeObject {
  const { ready, containers, previous } = options;
  const status: KubeObject = {
    conditions: structuredClone(previous?.conditions ?? []),
  };
  const started = previous?.startTime ?? now();
  const met = { status: 'True' as const, reason: '', message: '' };
  setCondition(status, { type: 'PodScheduled', ...met });
  setCondition(status, { type: 'Initialized', ...met });
  for (const type of ['ContainersReady', 'Ready']) {
    setCondition(
      status,
      ready
        ? { type, ...met }
        : {
            type,
            status: 'False',
            reason: 'ContainersNotReady',
            message: `containers with unready status: [${containers
              .map(c => c.name)
              .join(' ')}]`,
          },
    );
  }
  // the kubelet leaves out an empty reason and message
  for (const condition of status.conditions) {
    if (!condition.reason) delete condition.reason;
    if (!condition.message) delete condition.message;
  }
  const running = previous?.containerStatuses?.[0]?.state?.running;
  const waiting = options.waiting ?? { reason: 'ContainerCreating' };
  const podIP = options.podIP ?? '10.244.1.20';
  return {
    phase: ready ? 'Running' : 'Pending',
    conditions: status.conditions,
    hostIP: options.hostIP ?? '10.0.0.10',
    ...(ready ? { podIP, podIPs: [{ ip: podIP }] } : {}),
    startTime: started,
    containerStatuses: containers.map(c => ({
      name: c.name,
      image: c.image,
      imageID: '',
      ready,
      started: ready,
      restartCount: 0,
      state: ready
        ? { running: { startedAt: running?.startedAt ?? now() } }
        : { waiting },
    })),
  };
}
