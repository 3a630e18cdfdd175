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
import { pageQuerySchema, templateSharingRequestSchema } from '../api';
import { auditEntrySchema } from '../audit';
import { hostClusterFactsSchema } from '../hostClusterFacts';
import { hostClusterSchema, pageSchema } from '../hostClusters';
import {
  poolAvailabilitySchema,
  poolHistoryQuerySchema,
  poolSampleSchema,
  poolSchema,
} from '../pools';
import { groupRefSchema } from '../groups';
import { computeProfileInputSchema, computeProfileSchema } from '../profiles';
import {
  templateVersionDocumentSchema,
  templateVersionSchema,
} from '../templates';
import {
  DELIVERY_CONTROLLERS,
  hostClusterCapacitySchema,
  hostClusterPreflightSchema,
  tenantNameSchema,
  tenantPlanSchema,
  tenantRequestSchema,
  tenantSchema,
  tenantUpgradeRequestSchema,
} from '../tenants';
import { semverSchema, slugSchema } from '../validation';
import { route } from './route';
import { workloadRoutes } from './workloadRoutes';

const nameParams = z.object({ name: slugSchema });
const tenantParams = z.object({ name: tenantNameSchema });
const templateVersionParams = z.object({
  name: slugSchema,
  version: semverSchema,
});

const rbacQuerySchema = z.object({
  serviceAccount: slugSchema.default('ray-service-backend'),
  namespace: slugSchema
    .default('backstage')
    .meta({ description: "Where the backend's ServiceAccount lives" }),
  deliveryController: z.enum(DELIVERY_CONTROLLERS).optional(),
});

const tenantListQuerySchema = pageQuerySchema.extend({
  owner: groupRefSchema.optional().meta({
    description:
      "Only this group's tenants (a group ref; `ml-team-alpha` is read as `group:default/ml-team-alpha`)",
  }),
});

const HOST_CLUSTERS = 'Host clusters';
const PROFILES = 'Profiles';
const TEMPLATES = 'Templates';
const TENANTS = 'Tenants';
const POOLS = 'Warm pools';

/** A lifecycle step of a template version: publish, deprecate or retire. */
function templateTransition(
  step: 'publish' | 'deprecate' | 'retire',
  summary: string,
  description?: string,
) {
  return route({
    method: 'post',
    path: `/templates/{name}@{version}/${step}`,
    tag: TEMPLATES,
    summary,
    ...(description && { description }),
    params: templateVersionParams,
    response: {
      status: 200,
      description: 'The version in its new state',
      schema: templateVersionSchema,
    },
    errors: [403, 409],
  });
}

/**
 * The REST API of the ray-service backend plugin (mounted at
 * `/api/ray-service`), one entry per operation. Every route but `/health`
 * needs a Backstage token; what a caller may do is the permission policy's
 * (see the permission kit, `@ray-service/plugin-ray-service-node`).
 */
export const rayServiceApi = {
  getHealth: route({
    method: 'get',
    path: '/health',
    tag: 'Health',
    summary: 'Liveness of the plugin',
    public: true,
    response: {
      status: 200,
      description: 'The plugin is up',
      schema: z.object({ status: z.literal('ok') }),
    },
  }),

  listHostClusters: route({
    method: 'get',
    path: '/host-clusters',
    tag: HOST_CLUSTERS,
    summary: 'The host clusters configured in app-config (admins)',
    query: pageQuerySchema,
    response: {
      status: 200,
      description: 'A page of host clusters, in config order',
      schema: pageSchema(hostClusterSchema),
    },
    errors: [403],
  }),
  getHostCluster: route({
    method: 'get',
    path: '/host-clusters/{name}',
    tag: HOST_CLUSTERS,
    summary: 'One host cluster (admins)',
    params: nameParams,
    response: {
      status: 200,
      description: 'The host cluster',
      schema: hostClusterSchema,
    },
    errors: [403],
  }),
  updateHostClusterFacts: route({
    method: 'patch',
    path: '/host-clusters/{name}',
    tag: HOST_CLUSTERS,
    summary: 'Record facts about a host cluster (admins)',
    description:
      'Each field present replaces the stored one; absent fields stay.',
    params: nameParams,
    body: hostClusterFactsSchema,
    response: {
      status: 200,
      description: 'The host cluster with its facts',
      schema: hostClusterSchema,
    },
    errors: [403],
  }),
  getHostClusterPreflight: route({
    method: 'get',
    path: '/host-clusters/{name}/preflight',
    tag: HOST_CLUSTERS,
    summary: 'Check the prerequisites of a host cluster (admins)',
    description:
      'Runs preflight now: Kubernetes version, Volcano, cert-manager, a Helm delivery controller (Flux or k3s/RKE2 HelmChart), an IngressClass, a StorageClass, the configured ClusterIssuer and the KubeRay CRDs. `passed` is false when any check failed (warnings allowed).',
    params: nameParams,
    response: {
      status: 200,
      description: 'The checks and what was detected',
      schema: hostClusterPreflightSchema,
    },
    errors: [403],
  }),
  getHostClusterCapacity: route({
    method: 'get',
    path: '/host-clusters/{name}/capacity',
    tag: HOST_CLUSTERS,
    summary: 'Allocatable resources and what tenant quotas reserve (admins)',
    params: nameParams,
    response: {
      status: 200,
      description: 'Capacity of the Ready, schedulable nodes',
      schema: hostClusterCapacitySchema,
    },
    errors: [403, 503],
  }),
  getHostClusterRbac: route({
    method: 'get',
    path: '/host-clusters/{name}/rbac',
    tag: HOST_CLUSTERS,
    summary: 'Least-privilege RBAC for the backend on this cluster (admins)',
    description:
      'A ServiceAccount, ClusterRole and ClusterRoleBinding as YAML, to `kubectl apply -f -`, so that the backend needs no cluster-admin. The delivery controller is the detected one unless given.',
    params: nameParams,
    query: rbacQuerySchema,
    response: {
      status: 200,
      description:
        'The RBAC objects as a stream of commented YAML documents (`---` between them), for `kubectl apply -f -`',
      contentType: 'text/plain',
      schema: z.string(),
    },
    errors: [403, 409],
  }),

  listProfiles: route({
    method: 'get',
    path: '/profiles',
    tag: PROFILES,
    summary: 'Compute profiles the caller may read, ordered by name',
    description:
      'Admins see every profile; others what `ray-service.profile.read` lets them (by default published profiles visible to their groups).',
    query: pageQuerySchema,
    response: {
      status: 200,
      description: 'A page of profiles',
      schema: pageSchema(computeProfileSchema),
    },
  }),
  createProfile: route({
    method: 'post',
    path: '/profiles',
    tag: PROFILES,
    summary: 'Create a profile (admins)',
    body: computeProfileInputSchema,
    response: {
      status: 201,
      description: 'The created profile',
      schema: computeProfileSchema,
    },
    // 422: a warm pool's template version that does not exist, a
    // partitioning entry for a model no resource group uses.
    errors: [403, 409, 422],
  }),
  getProfile: route({
    method: 'get',
    path: '/profiles/{name}',
    tag: PROFILES,
    summary: 'One profile',
    params: nameParams,
    response: {
      status: 200,
      description: 'The profile',
      schema: computeProfileSchema,
    },
  }),
  updateProfile: route({
    method: 'put',
    path: '/profiles/{name}',
    tag: PROFILES,
    summary: 'Replace a profile (admins)',
    description:
      "The body's `name` must be the path's: profiles cannot be renamed (409).",
    params: nameParams,
    body: computeProfileInputSchema,
    response: {
      status: 200,
      description: 'The updated profile',
      schema: computeProfileSchema,
    },
    // 422: as for create.
    errors: [403, 409, 422],
  }),
  deleteProfile: route({
    method: 'delete',
    path: '/profiles/{name}',
    tag: PROFILES,
    summary: 'Delete a profile no tenant uses (admins)',
    params: nameParams,
    response: { status: 204, description: 'Deleted' },
    errors: [403, 409],
  }),

  listTemplateVersions: route({
    method: 'get',
    path: '/templates',
    tag: TEMPLATES,
    summary: 'Tenant template versions, ordered by name, then version',
    description:
      'Versions are ordered by semver precedence (`1.9.0` before `1.10.0`). Admins see every version; others what `ray-service.template.read` lets them (by default published and deprecated versions shared with their groups or a parent group).',
    query: pageQuerySchema,
    response: {
      status: 200,
      description: 'A page of template versions',
      schema: pageSchema(templateVersionSchema),
    },
  }),
  importTemplateVersion: route({
    method: 'post',
    path: '/templates',
    tag: TEMPLATES,
    summary: 'Import a template version from a document (admins)',
    description:
      'The document comes as YAML (`application/yaml`, `text/yaml`) or JSON. It starts as a draft unless `spec.state` is `published`.',
    body: templateVersionDocumentSchema,
    yamlBody: true,
    response: {
      status: 201,
      description: 'The imported version',
      schema: templateVersionSchema,
    },
    // 422: two add-ons of one name.
    errors: [403, 409, 422],
  }),
  getTemplateVersion: route({
    method: 'get',
    path: '/templates/{name}@{version}',
    tag: TEMPLATES,
    summary: 'One template version',
    params: templateVersionParams,
    response: {
      status: 200,
      description: 'The version',
      schema: templateVersionSchema,
    },
  }),
  deleteTemplateVersion: route({
    method: 'delete',
    path: '/templates/{name}@{version}',
    tag: TEMPLATES,
    summary: 'Delete a draft (admins)',
    description: 'Only drafts can be deleted; other versions are retired.',
    params: templateVersionParams,
    response: { status: 204, description: 'Deleted' },
    errors: [403, 409],
  }),
  publishTemplateVersion: templateTransition(
    'publish',
    'Publish a draft or deprecated version (admins)',
  ),
  deprecateTemplateVersion: templateTransition(
    'deprecate',
    'Deprecate a published version (admins)',
    'Running tenants keep it; new tenants cannot pick it.',
  ),
  retireTemplateVersion: templateTransition(
    'retire',
    'Retire a version no tenant uses (admins)',
    'Retired is final. Refused (409) while tenants use the version.',
  ),
  setTemplateSharing: route({
    method: 'put',
    path: '/templates/{name}@{version}/sharing',
    tag: TEMPLATES,
    summary: 'Replace the groups a version is shared with (admins)',
    params: templateVersionParams,
    body: templateSharingRequestSchema,
    response: {
      status: 200,
      description: 'The version with its new sharing',
      schema: templateVersionSchema,
    },
    errors: [403],
  }),

  listTenants: route({
    method: 'get',
    path: '/tenants',
    tag: TENANTS,
    summary: 'The tenants the caller may read, ordered by name',
    query: tenantListQuerySchema,
    response: {
      status: 200,
      description: 'A page of tenants',
      schema: pageSchema(tenantSchema),
    },
  }),
  createTenant: route({
    method: 'post',
    path: '/tenants',
    tag: TENANTS,
    summary: 'Create a tenant',
    description:
      "Checks the request like `POST /tenants/plan`. A warm-pool profile asked with its pool's template version and isolation claims a ready standby: the answer is the tenant in phase `Ready` (`provisioning.source: warmPool`). Otherwise it stores the tenant (phase `Pending`, generation 1) and starts provisioning (`provisioning.source: onDemand`, with the reason when the pool could not serve it); poll `GET /tenants/{name}` for the phase. Users may only create tenants owned by one of their groups. Refused (409) when the tenant's namespace `ray-<name>` already exists on the host cluster and is not this portal instance's (`rayService.instance`).",
    body: tenantRequestSchema,
    response: {
      status: 201,
      description: 'The stored tenant',
      schema: tenantSchema,
    },
    errors: [403, 404, 409],
  }),
  planTenant: route({
    method: 'post',
    path: '/tenants/plan',
    tag: TENANTS,
    summary: 'Dry-run a tenant',
    description:
      'Every check of `POST /tenants` (name free, profile published and visible to the owner, version published and shared with the owner, host cluster reachable, preflight passed and capacity enough: picked when not given, the most free GPUs, then CPU) and the objects the tenant would consist of. Changes nothing. An owner group missing from the catalog, a host cluster that is not configured, or a profile or template version that does not exist, is a 404 naming the field; a profile or version that exists but is not published, not visible or shared to the owner, or without the isolation asked, is a 409 naming it.',
    body: tenantRequestSchema,
    response: {
      status: 200,
      description: 'The plan',
      schema: tenantPlanSchema,
    },
    errors: [403, 404, 409],
  }),
  getTenant: route({
    method: 'get',
    path: '/tenants/{name}',
    tag: TENANTS,
    summary: 'One tenant with its phase and conditions',
    params: tenantParams,
    response: { status: 200, description: 'The tenant', schema: tenantSchema },
  }),
  deleteTenant: route({
    method: 'delete',
    path: '/tenants/{name}',
    tag: TENANTS,
    summary: 'Delete a tenant',
    description:
      'Requests deletion (phase `Deleting`). The tenant disappears once every object of it, its namespace included, is gone from the host cluster. Asking again changes nothing.',
    params: tenantParams,
    response: {
      status: 202,
      description: 'The tenant, being deleted',
      schema: tenantSchema,
    },
    errors: [403],
  }),
  upgradeTenant: route({
    method: 'post',
    path: '/tenants/{name}/upgrade',
    tag: TENANTS,
    summary: 'Move a tenant to another version of its template',
    description:
      'The version must be published, of the same template and shared with the owner: a version of another template, or one not published or not shared, is a 409 naming `templateVersion`, one that does not exist a 404. The tenant goes `Upgrading`, then `Ready`. Asking for the version it runs changes nothing.',
    params: tenantParams,
    body: tenantUpgradeRequestSchema,
    response: { status: 200, description: 'The tenant', schema: tenantSchema },
    errors: [403, 409],
  }),

  listPools: route({
    method: 'get',
    path: '/pools',
    tag: POOLS,
    summary: 'The warm pools, one per warm-pool profile (admins)',
    description:
      'Per pool: the desired capacity now (from its windows in its time zone), ready and provisioning standbys, claims and misses (creates that fell back to on demand) in the last 24 h, the hit ratio, the median time to Ready, and the `PoolShort` condition when the control loop could not place every standby.',
    response: {
      status: 200,
      description: 'The pools, by profile name',
      schema: z.object({ items: z.array(poolSchema) }),
    },
    errors: [403],
  }),
  getPoolHistory: route({
    method: 'get',
    path: '/pools/{name}/history',
    tag: POOLS,
    summary: "A pool's samples over time: desired, ready, claims (admins)",
    params: nameParams,
    query: poolHistoryQuerySchema,
    response: {
      status: 200,
      description: 'Samples, oldest first',
      schema: z.object({ items: z.array(poolSampleSchema) }),
    },
    errors: [403],
  }),
  listPoolAvailability: route({
    method: 'get',
    path: '/pools/availability',
    tag: POOLS,
    summary: 'Which profiles the caller sees would give a tenant at once',
    description:
      'For each warm-pool profile the caller may read: the template version and isolation a create must ask for to claim a standby, and whether one is ready now.',
    response: {
      status: 200,
      description: 'Warm-pool profiles the caller may read',
      schema: z.object({ items: z.array(poolAvailabilitySchema) }),
    },
  }),

  listAuditEntries: route({
    method: 'get',
    path: '/audit',
    tag: 'Audit',
    summary: 'The audit log of admin and tenant changes, newest first (admins)',
    query: pageQuerySchema,
    response: {
      status: 200,
      description: 'A page of audit entries',
      schema: pageSchema(auditEntrySchema),
    },
    errors: [403],
  }),

  ...workloadRoutes,
} as const;

export type RayServiceApiContract = typeof rayServiceApi;

export type RayServiceOperation = keyof RayServiceApiContract;
