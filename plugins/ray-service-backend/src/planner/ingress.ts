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

import { planContext } from './context';
import type { PlanInput } from './types';

export const CLUSTER_ISSUER_ANNOTATION = 'cert-manager.io/cluster-issuer';

/** How a tenant's dashboard Ingress (created with its Ray cluster) must look. */
export interface TenantIngressSettings {
  ingressClassName: string;
  /** `<tenant>.<baseDomain>`, when the host cluster has a base domain. */
  host?: string;
  annotations: Record<string, string>;
  /** Secret cert-manager fills for the host, when TLS is on. */
  tlsSecretName?: string;
}

/**
 * The planner creates no Ingress: RayClusters bring their own (inside a
 * vcluster, synced to the host). This is what those Ingresses must carry so
 * that the host's ingress controller serves them and cert-manager issues
 * their certificates.
 */
export function tenantIngressSettings(input: PlanInput): TenantIngressSettings {
  const { host, template, tenantName } = planContext(input);
  const hostname = host.baseDomain
    ? `${tenantName}.${host.baseDomain}`
    : undefined;
  const tls = template.security.tls && hostname !== undefined;
  return {
    ingressClassName: host.ingressClassName,
    ...(hostname ? { host: hostname } : {}),
    annotations:
      tls && host.clusterIssuer
        ? { [CLUSTER_ISSUER_ANNOTATION]: host.clusterIssuer }
        : {},
    ...(tls ? { tlsSecretName: `${tenantName}-dashboard-tls` } : {}),
  };
}
