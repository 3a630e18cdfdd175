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

import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import {
  rayServicePermissions,
  rayServiceProfileReadPermission,
  rayServiceTemplateVersionReadPermission,
  rayServiceTenantDeletePermission,
  rayServiceTenantReadPermission,
  rayServiceTenantUpdatePermission,
  rayServiceWorkloadCreatePermission,
  rayServiceWorkloadDeletePermission,
  rayServiceWorkloadUpdatePermission,
  templateVersionRef,
  tryParseTemplateVersionRef,
} from '@ray-service/plugin-ray-service-common';
import {
  profilePermissionRules,
  profileResourceRef,
  templateVersionPermissionRules,
  templateVersionResourceRef,
  tenantPermissionRules,
  tenantResourceRef,
} from '@ray-service/plugin-ray-service-node';
import { RayServiceStore } from '../store/RayServiceStore';
import { ConditionTransformers } from './AccessService';
import { GroupHierarchy } from './GroupHierarchy';

/** `refs` mapped through `byRef` in their order; missing ones undefined. */
function inOrderOf<T>(refs: string[], byRef: Map<string, T>) {
  return refs.map(ref => byRef.get(ref));
}

/**
 * Registers the plugin's permissions and its three resource types (tenants,
 * compute profiles, template versions) with their rules and loaders, so
 * that policies' conditions can be applied to one resource (the
 * apply-conditions endpoint) and, through the returned transformers, to the
 * plugin's own queries.
 */
export function registerPermissionResources(
  registry: PermissionsRegistryService,
  deps: { store: RayServiceStore; groups: GroupHierarchy },
): ConditionTransformers {
  const { store, groups } = deps;
  registry.addPermissions(rayServicePermissions);
  registry.addResourceType({
    resourceRef: tenantResourceRef,
    permissions: [
      rayServiceTenantReadPermission,
      rayServiceTenantUpdatePermission,
      rayServiceTenantDeletePermission,
      rayServiceWorkloadCreatePermission,
      rayServiceWorkloadUpdatePermission,
      rayServiceWorkloadDeletePermission,
    ],
    rules: Object.values(tenantPermissionRules),
    getResources: async names =>
      inOrderOf(
        names,
        new Map(
          (await store.tenants.getMany(names)).map(t => [t.name, t] as const),
        ),
      ),
  });
  registry.addResourceType({
    resourceRef: profileResourceRef,
    permissions: [rayServiceProfileReadPermission],
    rules: Object.values(profilePermissionRules),
    getResources: async names => {
      const profiles = await store.profiles.getMany(names);
      const resources = await Promise.all(
        profiles.map(
          async profile =>
            [
              profile.name,
              {
                ...profile,
                audience: await groups.groupsWithDescendants(profile.visibleTo),
              },
            ] as const,
        ),
      );
      return inOrderOf(names, new Map(resources));
    },
  });
  registry.addResourceType({
    resourceRef: templateVersionResourceRef,
    permissions: [rayServiceTemplateVersionReadPermission],
    rules: Object.values(templateVersionPermissionRules),
    getResources: async refs => {
      const keys = refs.flatMap(ref => tryParseTemplateVersionRef(ref) ?? []);
      const versions = await store.templateVersions.getMany(keys);
      const resources = await Promise.all(
        versions.map(
          async version =>
            [
              templateVersionRef(version.name, version.version),
              {
                ...version,
                audience: await groups.groupsWithDescendants(
                  version.sharedWith,
                ),
              },
            ] as const,
        ),
      );
      return inOrderOf(refs, new Map(resources));
    },
  });
  return {
    tenant: createConditionTransformer(
      registry.getPermissionRuleset(tenantResourceRef),
    ),
    profile: createConditionTransformer(
      registry.getPermissionRuleset(profileResourceRef),
    ),
    templateVersion: createConditionTransformer(
      registry.getPermissionRuleset(templateVersionResourceRef),
    ),
  };
}
