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
 * kube-control-plane: a real Kubernetes control plane (etcd, kube-apiserver,
 * kube-controller-manager built from the Go module proxy) for tests and local runs, seeded
 * like a host cluster. Like controller-runtime's envtest; never for production.
 *
 * @packageDocumentation
 */

export {
  BIN_DIR_ENV,
  BINARIES,
  binaryPath,
  controlPlaneAvailability,
  controlPlaneAvailable,
  controlPlaneBinDir,
  controlPlaneCacheRoot,
  KUBERNETES_VERSION,
  shouldRunControlPlaneTests,
} from './binaries';
export type { Binary, ControlPlaneAvailability } from './binaries';
export { startControlPlane } from './controlPlane';
export type { AuditEvent } from './audit';
export { parseRequestTotals, requestTotalsDelta } from './requestTotals';
export type { RequestTotal } from './requestTotals';
export type { ControlPlane, ControlPlaneOptions } from './controlPlane';
export { KubeHttpClient, KubeRequestError } from './kubeHttp';
export type { KubeResponse } from './kubeHttp';
export { hostSeed } from './seed';
export type {
  DeliveryControllers,
  HostSeedName,
  HostSeedOptions,
} from './seed';
