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
  emptySeed,
  wellEquippedSeed,
  type KubeObject,
  type Seed,
} from '@ray-service/kube-sim';
import { KUBERNETES_VERSION } from './binaries';
import { KubeHttpClient } from './kubeHttp';
import { waitFor } from './waitFor';

export type HostSeedName = 'empty' | 'well-equipped';
/** Whose Helm CRDs the host has: Flux's HelmRelease and sources, k3s's HelmChart, or both. */
export type DeliveryControllers = 'flux' | 'k3s' | 'both';

export interface HostSeedOptions {
  seed?: HostSeedName;
  deliveryController?: DeliveryControllers;
  /** Folder with the upstream CRDs (default: ../shared/conformance found from the cwd); `null` forces minimal CRDs. */
  crdDir?: string | null;
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

function objectKey(object: KubeObject): string {
  const { apiVersion, kind, metadata } = object;
  return `${apiVersion}/${kind}/${metadata?.namespace ?? ''}/${metadata?.name}`;
}

/**
 * kube-sim's seed as objects to apply to a real API server: the "well-equipped" host's CRDs
 * (KubeRay, Volcano, Flux and/or k3s from the conformance folder; Volcano's Command and
 * cert-manager as minimal CRDs), namespaces, StorageClass, IngressClass, ClusterIssuer and
 * GPU nodes.
 */
export function hostSeed(options: HostSeedOptions = {}): Seed {
  if (options.seed === 'empty') return emptySeed();
  const delivery = options.deliveryController ?? 'flux';
  const seeds = (
    delivery === 'both' ? (['flux', 'k3s'] as const) : [delivery]
  ).map(deliveryController =>
    wellEquippedSeed({
      crdDir: options.crdDir,
      deliveryController,
      kubernetesVersion: KUBERNETES_VERSION,
    }),
  );
  return {
    crdDir: seeds[0].crdDir,
    crds: unique(
      seeds.flatMap(s => s.crds),
      c => c.crd.metadata.name,
    ),
    objects: unique(
      seeds.flatMap(s => s.objects),
      objectKey,
    ),
  };
}

function isEstablished(crd: KubeObject): boolean {
  return (crd.status?.conditions ?? []).some(
    (c: { type: string; status: string }) =>
      c.type === 'Established' && c.status === 'True',
  );
}

/**
 * Applies a seed server-side: the CRDs (KubeRay's are too large for client-side apply's
 * annotation), waits until they are Established, then the objects in order, each object's
 * `status` through its /status subresource (a Node's capacity, a ClusterIssuer's Ready).
 */
export async function applySeed(
  client: KubeHttpClient,
  seed: Seed,
  timeoutMs: number,
): Promise<void> {
  await Promise.all(seed.crds.map(({ crd }) => client.apply(crd)));
  await Promise.all(
    seed.crds.map(({ crd }) =>
      waitFor(
        async () =>
          isEstablished(
            await client.getJson(
              `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`,
            ),
          ) || undefined,
        { description: `CRD ${crd.metadata.name} Established`, timeoutMs },
      ),
    ),
  );
  for (const object of seed.objects) {
    const { status, ...rest } = object;
    await client.apply(rest);
    if (status) {
      const { apiVersion, kind, metadata } = object;
      await client.apply(
        {
          apiVersion,
          kind,
          metadata: { name: metadata.name, namespace: metadata.namespace },
          status,
        },
        'status',
      );
    }
  }
}
