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

import { KubeConfig } from '@kubernetes/client-node';
import { KubeSim, KubeSimOptions, startKubeSim } from '@ray-service/kube-sim';
import { ObjectClient } from '../ObjectClient';

export const SIM_TOKEN = 'sim-token-never-shown';

export interface TestCluster {
  sim: KubeSim;
  kc: KubeConfig;
  /** A fresh client, e.g. for a "restarted" backend. */
  newClient(timeoutMs?: number): ObjectClient;
  client: ObjectClient;
}

/**
 * A request timeout no answer of kube-sim reaches, however busy the machine:
 * tests that want a timeout make a client with a short one for that request.
 */
export const PATIENT_TIMEOUT_MS = 60_000;

/** A kube-sim with fast controllers and an ObjectClient for it. */
export async function startTestCluster(
  options: KubeSimOptions = {},
  timeoutMs = PATIENT_TIMEOUT_MS,
): Promise<TestCluster> {
  const sim = await startKubeSim({
    seed: 'well-equipped',
    token: SIM_TOKEN,
    ...options,
    controllers: {
      readyDelayMs: 50,
      namespaceFinalizeDelayMs: 50,
      ...options.controllers,
    },
  });
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig());
  const newClient = (ms = timeoutMs) =>
    ObjectClient.fromKubeConfig(kc, { timeoutMs: ms });
  return { sim, kc, newClient, client: newClient() };
}
