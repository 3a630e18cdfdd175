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

import { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import {
  rayServiceAdminPermission,
  rayServiceProfileReadPermission,
  rayServiceTemplateVersionReadPermission,
  rayServiceTenantCreatePermission,
  rayServiceTenantDeletePermission,
  rayServiceTenantReadPermission,
  rayServiceTenantUpdatePermission,
  rayServiceWorkloadCreatePermission,
  rayServiceWorkloadDeletePermission,
  rayServiceWorkloadUpdatePermission,
} from '@ray-service/plugin-ray-service-common';
import type {
  ProfileQuery,
  TemplateVersionQuery,
  TenantQuery,
} from '@ray-service/plugin-ray-service-node';
import type {
  ProfileFilter,
  TemplateVersionFilter,
  TenantFilter,
} from '../store/RayServiceStore';
import { actorOf, Caller, isUserCaller } from './callers';
import { mapCriteria } from './criteria';
import { GroupHierarchy } from './GroupHierarchy';

/** Who creates a tenant, and for which groups they may. */
export interface TenantCreator {
  credentials: Caller;
  /** How the audit log names them. */
  actor: string;
  /** Admins and service principals may create tenants for any group. */
  isAdmin: boolean;
  /** A user's own groups (direct memberships); empty for service principals. */
  groupRefs: string[];
}

/** What a caller may do to a tenant (and its Ray workloads). */
export type TenantAction =
  | 'read'
  | 'update'
  | 'delete'
  | 'createWorkloads'
  | 'updateWorkloads'
  | 'deleteWorkloads';

const TENANT_PERMISSIONS: Record<
  TenantAction,
  ResourcePermission<'ray-service-tenant'>
> = {
  read: rayServiceTenantReadPermission,
  update: rayServiceTenantUpdatePermission,
  delete: rayServiceTenantDeletePermission,
  createWorkloads: rayServiceWorkloadCreatePermission,
  updateWorkloads: rayServiceWorkloadUpdatePermission,
  deleteWorkloads: rayServiceWorkloadDeletePermission,
};

/** The plugin's rules as the permission registry turns conditions into queries. */
export interface ConditionTransformers {
  tenant: ConditionTransformer<TenantQuery>;
  profile: ConditionTransformer<ProfileQuery>;
  templateVersion: ConditionTransformer<TemplateVersionQuery>;
}

/**
 * What a caller may do, from the permission framework: basic permissions as
 * yes or no, resource permissions as store filters (undefined: everything),
 * so that lists and single reads are filtered in SQL alike. Claims in
 * conditions are expanded with their ancestor groups here, so that what is
 * shared with a group reaches its sub-groups.
 */
export class AccessService {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly groups: GroupHierarchy,
    private readonly transformers: ConditionTransformers,
  ) {}

  /**
   * Whether the caller holds `ray-service.admin`. Service principals
   * (automation tokens, other backends) get it from the permission framework
   * unless their token restricts them.
   */
  async isAdmin(credentials: Caller): Promise<boolean> {
    const [decision] = await this.permissions.authorize(
      [{ permission: rayServiceAdminPermission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** How the audit log names the caller. @throws NotAllowedError for non-admins. */
  async requireAdmin(credentials: Caller): Promise<string> {
    if (!(await this.isAdmin(credentials))) {
      throw new NotAllowedError('only Ray service admins may do this');
    }
    return actorOf(credentials);
  }

  /** @throws NotAllowedError without `ray-service.tenant.create`. */
  async requireTenantCreator(credentials: Caller): Promise<TenantCreator> {
    const [decision] = await this.permissions.authorize(
      [{ permission: rayServiceTenantCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('you may not create tenants');
    }
    return {
      credentials,
      actor: actorOf(credentials),
      isAdmin: await this.isAdmin(credentials),
      groupRefs: isUserCaller(credentials)
        ? await this.groups.directGroupsOf(credentials)
        : [],
    };
  }

  /** The tenants the caller may read, update or delete, or whose workloads they may change. */
  async tenantFilter(
    credentials: Caller,
    action: TenantAction = 'read',
  ): Promise<TenantFilter | undefined> {
    return this.filter(
      credentials,
      TENANT_PERMISSIONS[action],
      this.transformers.tenant,
      async leaf => leaf,
      { owners: [] },
    );
  }

  /** The compute profiles the caller may read. */
  async profileFilter(credentials: Caller): Promise<ProfileFilter | undefined> {
    return this.filter(
      credentials,
      rayServiceProfileReadPermission,
      this.transformers.profile,
      async leaf =>
        'visibleToClaims' in leaf
          ? {
              visibleToGroups: await this.groups.groupsWithAncestors(
                leaf.visibleToClaims,
              ),
            }
          : leaf,
      { names: [] },
    );
  }

  /** The template versions the caller may read. */
  async templateVersionFilter(
    credentials: Caller,
  ): Promise<TemplateVersionFilter | undefined> {
    return this.filter(
      credentials,
      rayServiceTemplateVersionReadPermission,
      this.transformers.templateVersion,
      async leaf =>
        'sharedWithClaims' in leaf
          ? {
              sharedWithGroups: await this.groups.groupsWithAncestors(
                leaf.sharedWithClaims,
              ),
            }
          : leaf,
      { names: [] },
    );
  }

  private async filter<TQuery, TLeaf>(
    credentials: Caller,
    permission: ResourcePermission,
    transform: ConditionTransformer<TQuery>,
    toLeaf: (query: TQuery) => Promise<TLeaf>,
    nothing: TLeaf,
  ): Promise<PermissionCriteria<TLeaf> | undefined> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    switch (decision.result) {
      case AuthorizeResult.ALLOW:
        return undefined;
      case AuthorizeResult.CONDITIONAL:
        return mapCriteria(transform(decision.conditions), toLeaf);
      default:
        return nothing;
    }
  }
}
