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

import { startKubeSim } from '../server';
import { RayHttpError } from '../ray/http';
import type { KubeSim, KubeSimOptions } from '../types';
import { eventually, LONGER_THAN_ANY_TEST_MS, raw } from './helpers';

/** A Ray container with the given resources. */
export function rayContainer(
  name: string,
  resources: Record<string, unknown> = {},
) {
  return { name, image: 'rayproject/ray:2.60.0', resources };
}

/** A RayCluster spec: a head and the given worker groups. */
export function rayClusterSpec(
  workerGroupSpecs: unknown[] = [],
  extra: Record<string, unknown> = {},
) {
  return {
    rayVersion: '2.60.0',
    headGroupSpec: {
      rayStartParams: {},
      template: {
        spec: {
          containers: [
            rayContainer('ray-head', {
              requests: { cpu: '1', memory: '2Gi' },
              limits: { cpu: '1', memory: '2Gi' },
            }),
          ],
        },
      },
    },
    workerGroupSpecs,
    ...extra,
  };
}

/** A worker group of `replicas` pods with 2 CPUs, 4Gi and one GPU each. */
export function gpuWorkers(replicas: number, groupName = 'gpu') {
  return {
    groupName,
    replicas,
    minReplicas: 0,
    maxReplicas: 5,
    rayStartParams: {},
    template: {
      spec: {
        containers: [
          rayContainer('ray-worker', {
            requests: { cpu: '2', memory: '4Gi', 'nvidia.com/gpu': '1' },
            limits: { cpu: '2', memory: '4Gi', 'nvidia.com/gpu': '1' },
          }),
        ],
      },
    },
  };
}

export function rayObject(kind: string, name: string, spec: unknown) {
  return { apiVersion: 'ray.io/v1', kind, metadata: { name }, spec };
}

/** Creates a ray.io object through the API (answers the created object). */
export async function createRay(
  sim: Pick<KubeSim, 'url' | 'caData' | 'token'>,
  namespace: string,
  kind: 'RayCluster' | 'RayJob' | 'RayService',
  name: string,
  spec: unknown,
) {
  const res = await raw(
    sim,
    'POST',
    `/apis/ray.io/v1/namespaces/${namespace}/${kind.toLowerCase()}s`,
    { body: rayObject(kind, name, spec) },
  );
  if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
  return res.json;
}

/** Waits until the object's status satisfies the check. */
export function rayStatus(
  objects: KubeSim['objects'],
  namespace: string,
  kind: string,
  name: string,
  check: (status: any) => boolean,
  timeoutMs = 10_000,
): Promise<any> {
  return eventually(() => {
    const obj = objects.get('ray.io/v1', kind, namespace, name);
    return obj && check(obj.status ?? {}) ? obj : undefined;
  }, timeoutMs);
}

export async function createNamespace(sim: KubeSim, name: string) {
  await raw(sim, 'POST', '/api/v1/namespaces', {
    body: { metadata: { name } },
  });
}

export function condition(obj: any, type: string) {
  return obj?.status?.conditions?.find((c: any) => c.type === type);
}

/** The plain-text error a simulated Ray head answers for the call. */
export function rayRefusal(fn: () => unknown): RayHttpError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RayHttpError) return e;
    throw e;
  }
  throw new Error('expected the simulated Ray head to refuse');
}

/**
 * A well-equipped sim with fast controllers (unless `options` say otherwise) and the namespace
 * the test works in.
 */
export async function startRaySim(
  namespace: string,
  options: KubeSimOptions = {},
): Promise<KubeSim> {
  const sim = await startKubeSim({
    seed: 'well-equipped',
    ...options,
    controllers: {
      readyDelayMs: 50,
      namespaceFinalizeDelayMs: 50,
      ...options.controllers,
    },
  });
  await createNamespace(sim, namespace);
  return sim;
}

/** Runs the test body on its own sim (see `startRaySim`), stopped afterwards. */
export async function withRaySim(
  namespace: string,
  options: KubeSimOptions,
  body: (sim: KubeSim) => Promise<void>,
): Promise<void> {
  const sim = await startRaySim(namespace, options);
  try {
    await body(sim);
  } finally {
    await sim.stop();
  }
}

/** Runs the test body on its own sim (see `withRaySim`) whose pods never become ready. */
export function withUnreadyRaySim(
  namespace: string,
  body: (sim: KubeSim) => Promise<void>,
): Promise<void> {
  return withRaySim(
    namespace,
    { controllers: { readyDelayMs: LONGER_THAN_ANY_TEST_MS } },
    body,
  );
}

/** Creates a RayCluster and waits until it is `ready`. */
export async function readyRayCluster(
  sim: KubeSim,
  namespace: string,
  name: string,
  spec: unknown,
): Promise<any> {
  await createRay(sim, namespace, 'RayCluster', name, spec);
  return rayStatus(
    sim.objects,
    namespace,
    'RayCluster',
    name,
    s => s.state === 'ready',
  );
}

/** The token in a RayCluster's auth Secret. */
export function authToken(
  sim: KubeSim,
  namespace: string,
  secret: string,
): string {
  const data = sim.objects.get('v1', 'Secret', namespace, secret)!.data
    .auth_token;
  return Buffer.from(data, 'base64').toString('utf8');
}
