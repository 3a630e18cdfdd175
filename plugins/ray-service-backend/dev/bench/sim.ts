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

import { KubeSimOptions, startKubeSim } from '@ray-service/kube-sim';
import { randomBytes } from 'node:crypto';

/** The `rayService.hostClusters` entry of a kube-sim reached with `token`: host cluster `sim`. */
export function simHostCluster(
  sim: { url: string; caData: string },
  token: string,
) {
  return {
    name: 'sim',
    url: sim.url,
    caData: sim.caData,
    clusterIssuer: 'ray-service-ca',
    auth: { type: 'serviceAccountToken', token },
  };
}

/**
 * A well-equipped kube-sim in this process with quick controllers (Ready
 * after 50 ms) and a random token, and its entry in the backend's config.
 */
export async function startBenchSim(options: KubeSimOptions = {}) {
  const token = randomBytes(24).toString('hex');
  const sim = await startKubeSim({
    seed: 'well-equipped',
    token,
    controllers: { readyDelayMs: 50, namespaceFinalizeDelayMs: 50 },
    ...options,
  });
  return { sim, hostCluster: simHostCluster(sim, token) };
}
