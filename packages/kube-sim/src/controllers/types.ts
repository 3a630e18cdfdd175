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

import type { ClusterObjects } from '../cluster/objects';
import type { RayHeads } from '../ray/heads';
import type { KubeObject } from '../util';

/** A simulated vcluster API served by the same HTTPS server under a path prefix. */
export interface VClusterHandle {
  namespace: string;
  name: string;
  url: string;
  token: string;
  objects: ClusterObjects;
}

/** What the host's controllers need to manage vclusters (implemented by the server). */
export interface VClusterHost {
  ensureVCluster(namespace: string, name: string): VClusterHandle;
  destroyVCluster(namespace: string, name: string): void;
  caPem: string;
  caData: string;
}

export interface ControllerDeps {
  vclusterHost?: VClusterHost;
  /** The ray.io CRDs to install inside a vcluster that deploys kuberay-operator. */
  rayCrds: () => KubeObject[];
  /** The simulated Ray heads (shared by the host and its vclusters). */
  rayHeads: RayHeads;
  /** The token of the real Ray head kube-sim stands in front of: every auth Secret gets it. */
  rayToken?: string;
}
