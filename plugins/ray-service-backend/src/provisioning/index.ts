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

export { plan } from './planner/plan';
export type {
  DeliveryController,
  HostClusterInput,
  Plan,
  PlanInput,
  PlannedObject,
  VclusterApiExposure,
} from './planner/types';
export { PLANNED_KINDS } from './planner/kinds';
export { VOLCANO_COMMAND } from './planner/queue';
export type { PlannedKind } from './planner/kinds';
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
} from './planner/labels';
export type { ManagedScope } from './planner/labels';
export {
  MAX_TENANT_NAME_LENGTH,
  tenantNamespace,
  vclusterKubeconfigSecretName,
  vclusterReleaseName,
  volcanoQueueName,
} from './planner/names';
export {
  rayClusterSchedulingLabels,
  raySchedulingFor,
} from './planner/scheduling';
export type { RayScheduling } from './planner/scheduling';
export { rayImage } from './planner/registry';
export { tenantIngressSettings } from './planner/ingress';
export type { TenantIngressSettings } from './planner/ingress';
export { HOST_CLUSTER_DEFAULTS } from './planner/context';
export { planToYaml } from './planner/yaml';
