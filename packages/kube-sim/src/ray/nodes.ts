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

import { createHash } from 'node:crypto';
import { quantityValue } from '../quantity';
import type { KubeObject } from '../util';

/** A node of a simulated Ray cluster: one running Ray pod. */
export interface RayNode {
  /** 56 hex characters, stable for the pod. */
  nodeId: string;
  ip: string;
  isHead: boolean;
  /** Ray's total resources of the node: CPU, GPU, memory, object_store_memory, node:<ip>, … */
  resources: Record<string, number>;
  startTimeMs: number;
  /** The pod's name (Ray's hostname inside a pod). */
  hostname: string;
}

/** Ray's default object store share of a node's memory. */
const OBJECT_STORE_SHARE = 0.3;

/** Ray's GPU resource keys in Kubernetes: `*gpu` and NVIDIA MIG slices (KubeRay's IsGPUResourceKey). */
function isGpuKey(key: string): boolean {
  return key.endsWith('gpu') || /nvidia\.com\/mig-\d+g\.\d+gb$/.test(key);
}

/**
 * The Ray resources a node starts with, as `ray start` gets them from KubeRay
 * (`generateRayStartCommand`): `num-cpus` from the Ray container's CPU limit, else its request
 * (rounded up), `num-gpus` from a GPU limit, memory from the memory limit (else the request:
 * Ray would detect the pod's memory), 30% of which goes to the object store; rayStartParams
 * win over all of these.
 */
export function nodeResources(
  container: KubeObject | undefined,
  rayStartParams: Record<string, string> = {},
): Record<string, number> {
  const limits = container?.resources?.limits ?? {};
  const requests = container?.resources?.requests ?? {};
  const cpu = Math.ceil(
    quantityValue(limits.cpu) || quantityValue(requests.cpu),
  );
  const gpuKey = Object.keys(limits)
    .sort()
    .find(k => isGpuKey(k) && quantityValue(limits[k]));
  const gpu = gpuKey ? Math.ceil(quantityValue(limits[gpuKey])) : 0;
  const totalMemory =
    quantityValue(limits.memory) || quantityValue(requests.memory);
  const param = (key: string) =>
    rayStartParams[key] === undefined ? undefined : Number(rayStartParams[key]);
  const memory =
    param('memory') ?? Math.floor(totalMemory * (1 - OBJECT_STORE_SHARE));
  const resources: Record<string, number> = {
    CPU: param('num-cpus') ?? cpu,
    memory,
    object_store_memory:
      param('object-store-memory') ??
      Math.floor(totalMemory * OBJECT_STORE_SHARE),
  };
  const gpus = param('num-gpus') ?? gpu;
  if (gpus) resources.GPU = gpus;
  try {
    Object.assign(
      resources,
      JSON.parse(
        String(rayStartParams.resources ?? '{}').replace(/^['"]|['"]$/g, ''),
      ),
    );
  } catch {
    // a malformed --resources is ignored, as far as the simulation goes
  }
  return resources;
}

/** A stable 56-hex-character Ray node id for a pod. */
export function rayNodeId(podUid: string): string {
  return createHash('sha224').update(podUid).digest('hex');
}

/** The Ray node of a running Ray pod (head or worker). */
export function rayNodeOfPod(
  pod: KubeObject,
  rayStartParams?: Record<string, string>,
): RayNode {
  const isHead = pod.metadata?.labels?.['ray.io/node-type'] === 'head';
  const ip = String(pod.status?.podIP ?? '');
  const resources = nodeResources(pod.spec?.containers?.[0], rayStartParams);
  resources[`node:${ip}`] = 1;
  if (isHead) resources['node:__internal_head__'] = 1;
  return {
    nodeId: rayNodeId(String(pod.metadata?.uid ?? pod.metadata?.name)),
    ip,
    isHead,
    resources,
    startTimeMs: Date.parse(pod.status?.startTime ?? '') || Date.now(),
    hostname: String(pod.metadata?.name ?? ''),
  };
}
