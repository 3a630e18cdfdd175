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

import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { rayServiceAdminPermission } from '@ray-service/plugin-ray-service-common';
import { Request } from 'express';
import { GroupHierarchy } from './GroupHierarchy';
import { actorOf, Caller, isUserCaller, Viewer } from './Viewer';

export type { Caller } from './Viewer';

/**
 * Who is calling and what they may do. Anonymous callers never get past
 * `credentials()`: httpAuth answers 401 for them.
 */
export class AccessService {
  constructor(
    private readonly httpAuth: HttpAuthService,
    private readonly permissions: PermissionsService,
    private readonly groups: GroupHierarchy,
  ) {}

  async credentials(req: Request): Promise<Caller> {
    return this.httpAuth.credentials(req, { allow: ['user', 'service'] });
  }

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

  /** Resolves with the caller and how the audit log names them, or throws 401/403. */
  async requireAdmin(req: Request): Promise<{ caller: Caller; actor: string }> {
    const caller = await this.credentials(req);
    if (!(await this.isAdmin(caller))) {
      throw new NotAllowedError('only Ray service admins may do this');
    }
    return { caller, actor: actorOf(caller) };
  }

  /** What the caller may read: everything for admins, else by their groups. */
  async viewer(req: Request): Promise<Viewer> {
    const caller = await this.credentials(req);
    if (await this.isAdmin(caller)) {
      return { isAdmin: true };
    }
    const groupRefs = isUserCaller(caller)
      ? await this.groups.groupsOf(caller)
      : [];
    return { isAdmin: false, groupRefs };
  }
}
