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
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import {
  rayServiceTenantCreatePermission,
  rayServiceTenantDeletePermission,
  rayServiceTenantReadPermission,
  rayServiceTenantUpdatePermission,
} from '@ray-service/plugin-ray-service-common';
import { Request } from 'express';
import { TenantFilter, TenantOwnerQuery } from '../store/RayServiceStore';
import { AccessService } from './AccessService';
import { GroupHierarchy } from './GroupHierarchy';
import { actorOf, Caller, isUserCaller } from './Viewer';

/** Who creates or changes a tenant. */
export interface TenantCaller {
  caller: Caller;
  /** How the audit log names them. */
  actor: string;
  /** Admins and service principals may act for any group. */
  isAdmin: boolean;
  /** A user's own groups (direct memberships); empty for service principals. */
  groupRefs: string[];
}

/** What a caller may do to one tenant besides reading it. */
export type TenantAction = 'read' | 'update' | 'delete';

const PERMISSIONS: Record<
  TenantAction,
  ResourcePermission<'ray-service-tenant'>
> = {
  read: rayServiceTenantReadPermission,
  update: rayServiceTenantUpdatePermission,
  delete: rayServiceTenantDeletePermission,
};

/** Matches no tenant: a denied list is empty, not an error. */
const NO_TENANT: TenantFilter = { owners: [] };

/**
 * Tenant permissions: `ray-service.tenant.create` for creating, and the
 * resource permissions read/update/delete of `ray-service-tenant`, which
 * policies may grant conditionally (e.g. `IS_TENANT_OWNER`). A tenant the
 * caller may not read does not exist for them (404).
 */
export class TenantAccess {
  constructor(
    private readonly access: AccessService,
    private readonly permissions: PermissionsService,
    private readonly groups: GroupHierarchy,
    private readonly toFilter: ConditionTransformer<TenantOwnerQuery>,
  ) {}

  /** @throws NotAllowedError without `ray-service.tenant.create`. */
  async requireCreate(req: Request): Promise<TenantCaller> {
    const caller = await this.access.credentials(req);
    const [decision] = await this.permissions.authorize(
      [{ permission: rayServiceTenantCreatePermission }],
      { credentials: caller },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('you may not create tenants');
    }
    return {
      caller,
      actor: actorOf(caller),
      isAdmin: await this.access.isAdmin(caller),
      groupRefs: isUserCaller(caller)
        ? await this.groups.directGroupsOf(caller)
        : [],
    };
  }

  /** The tenants the caller may read: undefined for all, else a filter. */
  async readFilter(req: Request): Promise<TenantFilter | undefined> {
    const caller = await this.access.credentials(req);
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: rayServiceTenantReadPermission }],
      { credentials: caller },
    );
    switch (decision.result) {
      case AuthorizeResult.ALLOW:
        return undefined;
      case AuthorizeResult.CONDITIONAL:
        return this.toFilter(decision.conditions);
      default:
        return NO_TENANT;
    }
  }

  /**
   * @throws NotFoundError when the caller may not read the tenant (or it
   * does not exist for them), NotAllowedError when they may read but not
   * do `action`.
   */
  async require(
    req: Request,
    action: TenantAction,
    name: string,
  ): Promise<{ caller: Caller; actor: string }> {
    const caller = await this.access.credentials(req);
    const actions: TenantAction[] =
      action === 'read' ? ['read'] : ['read', action];
    const decisions = await this.permissions.authorize(
      actions.map(a => ({ permission: PERMISSIONS[a], resourceRef: name })),
      { credentials: caller },
    );
    if (decisions[0].result !== AuthorizeResult.ALLOW) {
      throw new NotFoundError(`tenant "${name}" not found`);
    }
    if (decisions[1] && decisions[1].result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`you may not ${action} tenant "${name}"`);
    }
    return { caller, actor: actorOf(caller) };
  }
}
