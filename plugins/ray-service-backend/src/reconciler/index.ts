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
 * Level-triggered reconciliation of tenants on a host cluster (see README.md).
 */

export { HostClusterReconciler } from './HostClusterReconciler';
export type { ReconcilerOptions } from './HostClusterReconciler';
export { diff, teardown } from './diff';
export type { Diff, TenantActions } from './diff';
export { contains, isApplied } from './compare';
export { observe } from './observe';
export type { Observation } from './observe';
export { tenantStatus } from './status';
export type { StatusInput, StatusOutcome } from './status';
export { defaultVClusterConnector } from './vcluster';
export type { VClusterConnector } from './vcluster';
export type {
  ConditionStatus,
  DesiredTenant,
  ReconcileResult,
  ReconcileStats,
  TenantCondition,
  TenantConditionType,
  TenantOutcome,
  TenantPhase,
  TenantStatus,
} from './types';
