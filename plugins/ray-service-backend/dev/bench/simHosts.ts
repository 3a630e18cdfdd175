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

import type { KubeSim } from '@ray-service/kube-sim';
import type { BenchHosts } from './watchVsPoll';

const POLICY = ['networking.k8s.io/v1', 'NetworkPolicy'] as const;

/** Kube-sims as the hosts of a comparison: their own stats count requests, their controllers act. */
export function simHosts(sims: KubeSim[]): BenchHosts {
  return {
    resetRequests: () => sims.forEach(sim => sim.stats.reset()),
    requests: async () => sims.flatMap(sim => sim.stats.requests),
    async setReleaseSuspended(cluster, tenant, suspend) {
      const sim = sims[cluster];
      const [release] = sim.objects.list(
        'helm.toolkit.fluxcd.io/v2',
        'HelmRelease',
        { labelSelector: { 'ray-service.io/tenant': tenant } },
      );
      sim.objects.put({
        ...release,
        metadata: {
          ...release.metadata,
          generation: (release.metadata.generation ?? 1) + 1,
        },
        spec: { ...release.spec, suspend },
      });
    },
    async aNetworkPolicy(cluster, namespace) {
      const [policy] = sims[cluster].objects.list(...POLICY, { namespace });
      return policy.metadata.name;
    },
    async deleteNetworkPolicy(cluster, namespace, name) {
      sims[cluster].objects.delete(...POLICY, namespace, name);
    },
    hasNetworkPolicy: async (cluster, namespace, name) =>
      sims[cluster].objects.get(...POLICY, namespace, name) !== undefined,
    whileControllersAct: (_tenants, work) => work(),
  };
}
