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

import { z } from 'zod';
import { groupRefSchema } from './groups';
import { ISOLATION_MODES, IsolationMode } from './templates';
import { parseTemplateVersionRef } from './templateVersionRef';
import { isDnsLabel, slugSchema } from './validation';

/**
 * Longest tenant name: every name derived from it (namespace `ray-<name>`,
 * release `ray-<name>-vcluster`, the vcluster's StatefulSet) stays within
 * Kubernetes' limits.
 */
export const MAX_TENANT_NAME_LENGTH = 32;

export const tenantNameSchema = z
  .string()
  .max(
    MAX_TENANT_NAME_LENGTH,
    `must be at most ${MAX_TENANT_NAME_LENGTH} characters`,
  )
  .refine(
    isDnsLabel,
    'must be lowercase letters, digits and "-", starting and ending with a letter or digit',
  );

export const templateVersionRefSchema = z.string().superRefine((ref, ctx) => {
  try {
    parseTemplateVersionRef(ref);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/** Body of `POST /tenants` and `POST /tenants/plan`. */
export const tenantRequestSchema = z.strictObject({
  name: tenantNameSchema,
  owner: groupRefSchema,
  profile: slugSchema,
  templateVersion: templateVersionRefSchema,
  hostCluster: slugSchema.optional(),
  isolation: z.enum(ISOLATION_MODES).optional(),
});

export type TenantRequest = z.infer<typeof tenantRequestSchema>;

/** Body of `POST /tenants/{name}/upgrade`. */
export const tenantUpgradeRequestSchema = z.strictObject({
  templateVersion: templateVersionRefSchema,
});

export type TenantUpgradeRequest = z.infer<typeof tenantUpgradeRequestSchema>;

export const TENANT_PHASES = [
  'Pending',
  'Provisioning',
  'Ready',
  'Degraded',
  'Upgrading',
  'Deleting',
  'Failed',
] as const;

export type TenantPhase = (typeof TENANT_PHASES)[number];

/**
 * The conditions of a tenant, in the order they are reported. `Reconciled`
 * (whether the last pass wrote everything it had to) is not part of the
 * phase; `Planned` appears only while the tenant cannot be planned (a
 * missing profile or version, an unavailable host cluster).
 */
export const TENANT_CONDITION_TYPES = [
  'NamespaceReady',
  'QuotaApplied',
  'QueueReady',
  'NetworkPoliciesApplied',
  'ControlPlaneReady',
  'OperatorReady',
  'AddonsReady',
  'Reconciled',
  'Planned',
] as const;

export type TenantConditionType = (typeof TENANT_CONDITION_TYPES)[number];

export type ConditionStatus = 'True' | 'False' | 'Unknown';

/** A condition like Kubernetes': what was observed in the cluster and why. */
export interface TenantCondition {
  type: TenantConditionType;
  status: ConditionStatus;
  reason: string;
  message: string;
  lastTransitionTime: string;
}

/** A tenant as the REST API shows it. */
export interface Tenant {
  name: string;
  /** Owner group ref, e.g. `group:default/ml-team-alpha`. */
  owner: string;
  profile: string;
  /** `name@version` of the template version the tenant runs (or upgrades to). */
  templateVersion: string;
  hostCluster: string;
  isolation: IsolationMode;
  /** The tenant's host namespace. */
  namespace: string;
  phase: TenantPhase;
  conditions: TenantCondition[];
  /** Bumped on every change of the desired state (create, upgrade, delete). */
  generation: number;
  /** The generation the last reconcile pass converged on. */
  observedGeneration: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  deletionRequestedAt?: string;
}

/** A Kubernetes object as planned: apiVersion, kind, metadata and the rest. */
export type KubernetesObjectJson = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
};

/** Answer of `POST /tenants/plan`: what creating the tenant would apply. */
export interface TenantPlan {
  /** The host cluster and isolation the plan was made for (picked when not given). */
  hostCluster: string;
  isolation: IsolationMode;
  namespace: string;
  objects: KubernetesObjectJson[];
  /** Human lines, e.g. "Quota: 32 CPU, 128Gi memory, 14 × nvidia.com/mig-1g.5gb". */
  summary: string[];
  /** The objects as one multi-document YAML, ready to read or commit. */
  yaml: string;
}

export type PreflightStatus = 'pass' | 'warn' | 'fail';

/**
 * How a host cluster installs Helm charts: Flux (`HelmRelease`) or the
 * RKE2/k3s helm-controller (`HelmChart`). In detection order: a host serving
 * both gets Flux.
 */
export const DELIVERY_CONTROLLERS = ['flux', 'helmChart'] as const;

export type DeliveryController = (typeof DELIVERY_CONTROLLERS)[number];

/** `GET /host-clusters/{name}/preflight`. */
export interface HostClusterPreflight {
  hostCluster: string;
  passed: boolean;
  deliveryController?: DeliveryController;
  ingressClassName?: string;
  storageClassName?: string;
  checks: { name: string; status: PreflightStatus; message: string }[];
  checkedAt: string;
}

/** Resources in canonical quantities plus extended resources by name. */
export interface ResourceAmounts {
  cpu: string;
  memory: string;
  /** e.g. `{ "nvidia.com/gpu": 16, "nvidia.com/mig-1g.10gb": 28 }` */
  extended: Record<string, number>;
}

/** `GET /host-clusters/{name}/capacity`. */
export interface HostClusterCapacity {
  hostCluster: string;
  nodes: {
    name: string;
    allocatable: ResourceAmounts;
    /** GPU model from the node's `nvidia.com/gpu.product` label, if any. */
    gpuModel?: string;
  }[];
  /** Sum of the nodes' allocatable resources. */
  allocatable: ResourceAmounts;
  /** What tenant ResourceQuotas already reserve. */
  reserved: ResourceAmounts;
  /** allocatable − reserved. */
  free: ResourceAmounts;
  /** GPUs by model, e.g. `{ "A100-40GB": 16 }`. */
  gpusByModel: Record<string, number>;
  checkedAt: string;
}
