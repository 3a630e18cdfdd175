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

import { RayServiceApiContract } from '@ray-service/plugin-ray-service-common';
import { Handlers } from './contractRouter';
import { workloadHandlers } from './workloadHandlers';
import { RouterDeps } from './types';

/**
 * Every operation of the contract, each one domain call: parsing and
 * authentication happen before (contractRouter), authorization and rules in
 * the services.
 */
export function rayServiceHandlers(
  deps: RouterDeps,
): Handlers<RayServiceApiContract> {
  const {
    hostClusters,
    placement,
    profiles,
    templates,
    tenants,
    pools,
    audit,
  } = deps;
  return {
    getHealth: async () => ({ status: 'ok' }),

    listHostClusters: ({ credentials, query }) =>
      hostClusters.list(credentials, query),
    getHostCluster: ({ credentials, params }) =>
      hostClusters.get(credentials, params.name),
    updateHostClusterFacts: ({ credentials, params, body }) =>
      hostClusters.updateFacts(credentials, params.name, body),
    getHostClusterPreflight: ({ credentials, params }) =>
      hostClusters.preflight(credentials, params.name),
    getHostClusterCapacity: ({ credentials, params }) =>
      placement.capacityView(credentials, params.name),
    getHostClusterRbac: ({ credentials, params, query }) =>
      hostClusters.rbac(credentials, params.name, query),

    listProfiles: ({ credentials, query }) => profiles.list(credentials, query),
    createProfile: ({ credentials, body }) =>
      profiles.create(credentials, body),
    getProfile: ({ credentials, params }) =>
      profiles.get(credentials, params.name),
    updateProfile: ({ credentials, params, body }) =>
      profiles.update(credentials, params.name, body),
    deleteProfile: ({ credentials, params }) =>
      profiles.delete(credentials, params.name),

    listTemplateVersions: ({ credentials, query }) =>
      templates.list(credentials, query),
    importTemplateVersion: ({ credentials, body }) =>
      templates.import(credentials, body),
    getTemplateVersion: ({ credentials, params }) =>
      templates.get(credentials, params),
    deleteTemplateVersion: ({ credentials, params }) =>
      templates.delete(credentials, params),
    publishTemplateVersion: ({ credentials, params }) =>
      templates.transition(credentials, params, 'publish'),
    deprecateTemplateVersion: ({ credentials, params }) =>
      templates.transition(credentials, params, 'deprecate'),
    retireTemplateVersion: ({ credentials, params }) =>
      templates.transition(credentials, params, 'retire'),
    setTemplateSharing: ({ credentials, params, body }) =>
      templates.setSharing(credentials, params, body.sharedWith),

    listTenants: ({ credentials, query }) => tenants.list(credentials, query),
    createTenant: ({ credentials, body }) => tenants.create(credentials, body),
    planTenant: ({ credentials, body }) => tenants.plan(credentials, body),
    getTenant: ({ credentials, params }) =>
      tenants.get(credentials, params.name),
    deleteTenant: ({ credentials, params }) =>
      tenants.delete(credentials, params.name),
    upgradeTenant: ({ credentials, params, body }) =>
      tenants.upgrade(credentials, params.name, body.templateVersion),

    listPools: async ({ credentials }) => ({
      items: await pools.list(credentials),
    }),
    getPoolHistory: async ({ credentials, params, query }) => ({
      items: await pools.history(credentials, params.name, query.hours),
    }),
    listPoolAvailability: async ({ credentials }) => ({
      items: await pools.availability(credentials),
    }),

    listAuditEntries: ({ credentials, query }) =>
      audit.list(credentials, query),

    ...workloadHandlers(deps),
  };
}
