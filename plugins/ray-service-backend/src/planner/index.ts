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
 * Provisioning: the pure planner of tenants (see docs/tenants.md).
 */

export { plan } from './plan';
export type {
  DeliveryController,
  HostClusterInput,
  Plan,
  PlanInput,
  PlannedObject,
  VclusterApiExposure,
} from './types';
export { PLANNED_KINDS } from '../vocabulary/kinds';
export { VOLCANO_COMMAND } from './queue';
export type { PlannedKind } from '../vocabulary/kinds';
export {
  DEFAULT_INSTANCE,
  INSTANCE_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  MAX_INSTANCE_LENGTH,
  OWNER_LABEL,
  TEMPLATE_VERSION_LABEL,
  TENANT_LABEL,
  isInstanceName,
  managedSelector,
} from '../vocabulary/labels';
export type { ManagedScope } from '../vocabulary/labels';
export {
  MAX_TENANT_NAME_LENGTH,
  tenantNamespace,
  vclusterKubeconfigSecretName,
  vclusterReleaseName,
  volcanoQueueName,
} from '../vocabulary/names';
export {
  rayClusterSchedulingLabels,
  raySchedulingFor,
} from './scheduling';
export type { RayScheduling } from './scheduling';
export { rayImage } from './registry';
export { tenantIngressSettings } from './ingress';
export type { TenantIngressSettings } from './ingress';
export { HOST_CLUSTER_DEFAULTS } from './context';
export { planToYaml } from './yaml';
