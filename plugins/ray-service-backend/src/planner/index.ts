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
 * The pure planner of tenants (see docs/tenants.md): a tenant, its profile,
 * template version and host cluster in, the Kubernetes objects out.
 */

export { plan } from './plan';
export type { HostClusterInput, Plan, PlanInput, PlannedObject } from './types';
export { rayClusterSchedulingLabels, raySchedulingFor } from './scheduling';
export type { RayScheduling } from './scheduling';
export { rayImage } from './registry';
export { podSecurityLevel, raySecurity } from './podSecurity';
export { tenantIngressSettings } from './ingress';
export type { TenantIngressSettings } from './ingress';
export { HOST_CLUSTER_DEFAULTS } from './context';
export { planToYaml } from './yaml';
