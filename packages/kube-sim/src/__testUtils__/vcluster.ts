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

import type { KubeSim, VClusterInfo } from '../types';
import { eventually, raw } from './helpers';

/** vcluster values that deploy the KubeRay operator inside the vcluster (into `namespace`). */
export const operatorValues = (namespace = 'kuberay-system') => ({
  experimental: {
    deploy: {
      vcluster: {
        helm: [
          {
            chart: { name: 'kuberay-operator', version: '1.7.0' },
            release: { name: 'kuberay-operator', namespace },
          },
        ],
      },
    },
  },
});

/** A Flux release of the vcluster chart `name` into `namespace`, with the operator inside. */
export const vclusterRelease = (name: string, namespace: string) => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name, namespace: 'flux-system' },
  spec: {
    interval: '10m',
    targetNamespace: namespace,
    releaseName: name,
    chart: {
      spec: {
        chart: 'vcluster',
        version: '0.36.1',
        sourceRef: { kind: 'HelmRepository', name: 'loft' },
      },
    },
    values: operatorValues(),
  },
});

/** Installs a vcluster release (from a Flux HelmRepository) and waits until it runs. */
export async function startVCluster(
  sim: KubeSim,
  name: string,
  namespace: string,
): Promise<VClusterInfo> {
  sim.objects.put({
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: { name: 'loft', namespace: 'flux-system' },
    spec: { interval: '10m', url: 'https://charts.loft.sh' },
  });
  await raw(
    sim,
    'POST',
    '/apis/helm.toolkit.fluxcd.io/v2/namespaces/flux-system/helmreleases',
    { body: vclusterRelease(name, namespace) },
  );
  return eventually(() => sim.vcluster(namespace, name), 10_000);
}
