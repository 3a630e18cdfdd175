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

/**
 * kube-sim: a simulated Kubernetes API server for tests, demos and local runs — a test bed
 * like kind or KWOK. Production always talks to real clusters.
 *
 * @packageDocumentation
 */

export { startKubeSim } from './server';
export type {
  ControllerOptions,
  KubeSim,
  KubeSimOptions,
  ListFilter,
  ObjectStoreView,
  RayDashboardOptions,
  RaySimControl,
  RaySimOptions,
  VClusterInfo,
  WatchControl,
  WatchOptions,
} from './types';
export type {
  FaultInjector,
  FaultRule,
  RequestFilter,
  RequestRecord,
  RequestStats,
} from './faults';
export {
  emptySeed,
  findConformanceDir,
  makeNode,
  minimalCrd,
  seedKinds,
  wellEquippedNodes,
  wellEquippedSeed,
} from './seeds';
export type { DeliveryController, Seed, SeedName, SeedOptions } from './seeds';
export { kubeconfigYaml } from './kubeconfig';
export { createTlsMaterial } from './tls';
export type { TlsMaterial } from './tls';
export { vclusterHostName } from './controllers/vclusterTranslate';
export type { KubeconfigInput } from './kubeconfig';
export type { KubeObject } from './util';
