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
import { ISOLATION_MODES } from './templates';
import {
  DNS_LABEL_PATTERN,
  SEMVER,
  slugSchema,
  timestampSchema,
} from './validation';

/**
 * Longest tenant name: every name derived from it (namespace `ray-<name>`,
 * release `ray-<name>-vcluster`, the vcluster's StatefulSet) stays within
 * Kubernetes' limits.
 */
export const MAX_TENANT_NAME_LENGTH = 32;

/** Names the API's routes use beside tenant names (`POST /tenants/plan`). */
export const RESERVED_TENANT_NAMES = ['plan'] as const;

export const tenantNameSchema = z
  .string()
  .max(
    MAX_TENANT_NAME_LENGTH,
    `must be at most ${MAX_TENANT_NAME_LENGTH} characters`,
  )
  .regex(
    DNS_LABEL_PATTERN,
    'must be lowercase letters, digits and "-", starting and ending with a letter or digit',
  )
  .regex(
    new RegExp(`^(?!(${RESERVED_TENANT_NAMES.join('|')})$)`),
    `must not be ${RESERVED_TENANT_NAMES.map(name => `"${name}"`).join(
      ', ',
    )}: the API's routes use it`,
  );

/**
 * Warm-pool standbys are named (and keyed) `wp-<random>`; tenants created on
 * demand may not take such names, so a claimed standby's namespace never
 * clashes with a later tenant's.
 */
export const POOL_KEY_PREFIX = 'wp-';

/** The name of a new tenant: a tenant name outside the standbys' prefix. */
export const newTenantNameSchema = tenantNameSchema.regex(
  new RegExp(`^(?!${POOL_KEY_PREFIX})`),
  `must not start with "${POOL_KEY_PREFIX}": such names are kept for warm-pool standbys`,
);

/** `kuberay@1.2.0`: a DNS-1123 label, `@`, a semantic version. */
const TEMPLATE_VERSION_REF = new RegExp(
  `^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?@${SEMVER.source.slice(1)}`,
);

export const templateVersionRefSchema = z
  .string()
  .max(320, 'must be at most 320 characters')
  .regex(
    TEMPLATE_VERSION_REF,
    'must be "<name>@<version>" with a DNS-1123 label and a semantic version, e.g. "kuberay@1.2.0"',
  );

/** Body of `POST /tenants` and `POST /tenants/plan`. */
export const tenantRequestSchema = z
  .strictObject({
    name: newTenantNameSchema,
    owner: groupRefSchema,
    profile: slugSchema,
    templateVersion: templateVersionRefSchema,
    hostCluster: slugSchema.optional(),
    isolation: z.enum(ISOLATION_MODES).optional(),
  })
  .meta({ id: 'TenantRequest' });

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

export const CONDITION_STATUSES = ['True', 'False', 'Unknown'] as const;

export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

/** A condition like Kubernetes': what was observed in the cluster and why. */
export const tenantConditionSchema = z
  .object({
    type: z.enum(TENANT_CONDITION_TYPES),
    status: z.enum(CONDITION_STATUSES),
    /** CamelCase, machine-readable. */
    reason: z.string(),
    message: z.string(),
    /** When `status` last changed. */
    lastTransitionTime: timestampSchema,
  })
  .meta({ id: 'TenantCondition' });

export type TenantCondition = z.infer<typeof tenantConditionSchema>;

/**
 * How a create got its tenant (in `POST /tenants` answers only): claimed
 * from the profile's warm pool (Ready at once), or provisioned on demand,
 * with the reason when the profile has a warm pool that could not serve it.
 */
export const tenantProvisioningSchema = z
  .object({
    source: z.enum(['warmPool', 'onDemand']),
    reason: z.string().optional().meta({
      description:
        'Why a warm-pool profile fell back to on demand, e.g. "the warm pool of small has no ready tenant"',
    }),
  })
  .meta({ id: 'TenantProvisioning' });

export type TenantProvisioning = z.infer<typeof tenantProvisioningSchema>;

/** A tenant as the REST API shows it. */
export const tenantSchema = z
  .object({
    name: z.string(),
    owner: z.string().meta({
      description: 'Owner group ref, e.g. group:default/ml-team-alpha',
    }),
    profile: z.string(),
    templateVersion: z.string().meta({
      description:
        'name@version of the template version the tenant runs (or upgrades to)',
      example: 'kuberay@2.0.0',
    }),
    hostCluster: z.string(),
    isolation: z.enum(ISOLATION_MODES),
    namespace: z.string().meta({ description: "The tenant's host namespace" }),
    phase: z.enum(TENANT_PHASES),
    conditions: z.array(tenantConditionSchema),
    generation: z.number().int().meta({
      description:
        'Bumped on every change of the desired state (create, upgrade, delete)',
    }),
    observedGeneration: z.number().int().meta({
      description: 'The generation the last reconcile pass converged on',
    }),
    createdBy: z.string(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    deletionRequestedAt: timestampSchema.optional(),
    pool: z.string().optional().meta({
      description:
        'The warm-pool profile whose standby this tenant is, while nobody has claimed it (admins only see these)',
    }),
    provisioning: tenantProvisioningSchema.optional(),
  })
  .meta({ id: 'Tenant' });

export type Tenant = z.infer<typeof tenantSchema>;

/** A Kubernetes object as planned: apiVersion, kind, metadata and the rest. */
export const kubernetesObjectSchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.string(),
  metadata: z.looseObject({
    name: z.string(),
    namespace: z.string().optional(),
  }),
});

export type KubernetesObjectJson = z.infer<typeof kubernetesObjectSchema>;

/** Answer of `POST /tenants/plan`: what creating the tenant would apply. */
export const tenantPlanSchema = z
  .object({
    hostCluster: z.string().meta({
      description:
        'The host cluster the plan was made for (picked when not given)',
    }),
    isolation: z.enum(ISOLATION_MODES),
    namespace: z.string(),
    objects: z.array(kubernetesObjectSchema),
    summary: z.array(z.string()).meta({
      description:
        'Human lines, e.g. "Quota: 32 CPU, 128Gi memory, 14 × nvidia.com/mig-1g.5gb"',
    }),
    yaml: z.string().meta({
      description:
        'The objects as one multi-document YAML, ready to read or commit',
    }),
    provisioning: tenantProvisioningSchema.optional().meta({
      description:
        'Whether a create now would take a Ready tenant of the warm pool (planned in its namespace) or provision on demand, and why',
    }),
  })
  .meta({ id: 'TenantPlan' });

export type TenantPlan = z.infer<typeof tenantPlanSchema>;

export const PREFLIGHT_STATUSES = ['pass', 'warn', 'fail'] as const;

export type PreflightStatus = (typeof PREFLIGHT_STATUSES)[number];

/**
 * How a host cluster installs Helm charts: Flux (`HelmRelease`) or the
 * RKE2/k3s helm-controller (`HelmChart`). In detection order: a host serving
 * both gets Flux.
 */
export const DELIVERY_CONTROLLERS = ['flux', 'helmChart'] as const;

export type DeliveryController = (typeof DELIVERY_CONTROLLERS)[number];

/** `GET /host-clusters/{name}/preflight`. */
export const hostClusterPreflightSchema = z
  .object({
    hostCluster: z.string(),
    passed: z
      .boolean()
      .meta({ description: 'False when any check failed (warnings allowed)' }),
    deliveryController: z.enum(DELIVERY_CONTROLLERS).optional(),
    ingressClassName: z.string().optional(),
    storageClassName: z.string().optional(),
    checks: z.array(
      z.object({
        name: z.string(),
        status: z.enum(PREFLIGHT_STATUSES),
        message: z.string(),
      }),
    ),
    checkedAt: timestampSchema,
  })
  .meta({ id: 'HostClusterPreflight' });

export type HostClusterPreflight = z.infer<typeof hostClusterPreflightSchema>;

/** Resources in canonical quantities plus extended resources by name. */
export const resourceAmountsSchema = z
  .object({
    cpu: z.string(),
    memory: z.string(),
    extended: z.record(z.string(), z.number()).meta({
      description:
        'e.g. { "nvidia.com/gpu": 16, "nvidia.com/mig-1g.10gb": 28 }',
    }),
  })
  .meta({ id: 'ResourceAmounts' });

export type ResourceAmounts = z.infer<typeof resourceAmountsSchema>;

/**
 * `GET /host-clusters/{name}/capacity`: the sum of the Ready, schedulable
 * nodes' allocatable resources, what tenant ResourceQuotas reserve, and
 * allocatable − reserved.
 */
export const hostClusterCapacitySchema = z
  .object({
    hostCluster: z.string(),
    nodes: z.array(
      z.object({
        name: z.string(),
        allocatable: resourceAmountsSchema,
        gpuModel: z.string().optional().meta({
          description:
            "GPU model from the node's nvidia.com/gpu.product label, if any",
        }),
      }),
    ),
    allocatable: resourceAmountsSchema,
    reserved: resourceAmountsSchema,
    free: resourceAmountsSchema,
    gpusByModel: z
      .record(z.string(), z.number())
      .meta({ description: 'GPUs by model, e.g. { "A100-40GB": 16 }' }),
    checkedAt: timestampSchema,
  })
  .meta({
    id: 'HostClusterCapacity',
    description:
      "The Ready, schedulable nodes' allocatable resources, what tenant ResourceQuotas reserve, and what is free (allocatable − reserved)",
  });

export type HostClusterCapacity = z.infer<typeof hostClusterCapacitySchema>;
