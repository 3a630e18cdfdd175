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

import { ConflictError } from '@backstage/errors';
import { HostClusterConfig } from '../config';
import type { PreflightResult } from './preflight';
import type { HostClusterInput } from '../planner';

/**
 * What the planner knows of a host cluster: what preflight detected
 * (delivery controller, ingress and storage class) and what admins
 * configured (ClusterIssuer, base domain, API server CIDRs, how vcluster
 * APIs are exposed). Pure.
 *
 * @throws ConflictError when preflight found no Helm delivery controller:
 * no tenant can be planned on that cluster.
 */
export function hostClusterInput(
  config: HostClusterConfig,
  preflight: PreflightResult,
): HostClusterInput {
  if (!preflight.deliveryController) {
    const check = preflight.checks.find(c => c.name === 'delivery-controller');
    throw new ConflictError(
      `host cluster "${config.name}" has no usable Helm delivery controller${
        check ? `: ${check.message}` : ''
      }`,
    );
  }
  return {
    name: config.name,
    deliveryController: preflight.deliveryController,
    ...(preflight.ingressClassName && {
      ingressClassName: preflight.ingressClassName,
    }),
    ...(preflight.storageClassName && {
      storageClassName: preflight.storageClassName,
    }),
    ...(config.clusterIssuer && { clusterIssuer: config.clusterIssuer }),
    ...(config.baseDomain && { baseDomain: config.baseDomain }),
    ...(config.apiServerCidrs?.length && {
      apiServerCidrs: config.apiServerCidrs,
    }),
    ...(config.vclusterApiExposure && {
      vclusterApiExposure: config.vclusterApiExposure,
    }),
  };
}
