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
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { rayServiceAdminPermission } from '@ray-service/plugin-ray-service-common';
import { Request } from 'express';

export type Caller = BackstageCredentials<
  BackstageUserPrincipal | BackstageServicePrincipal
>;

/**
 * Who is calling and what they may do. Anonymous callers never get past
 * `credentials()`: httpAuth answers 401 for them.
 */
export class AccessService {
  constructor(
    private readonly httpAuth: HttpAuthService,
    private readonly permissions: PermissionsService,
  ) {}

  async credentials(req: Request): Promise<Caller> {
    return this.httpAuth.credentials(req, { allow: ['user', 'service'] });
  }

  async isAdmin(credentials: Caller): Promise<boolean> {
    const [decision] = await this.permissions.authorize(
      [{ permission: rayServiceAdminPermission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** Resolves with the caller's credentials, or throws 401/403. */
  async requireAdmin(req: Request): Promise<Caller> {
    const credentials = await this.credentials(req);
    if (!(await this.isAdmin(credentials))) {
      throw new NotAllowedError('only Ray service admins may do this');
    }
    return credentials;
  }
}
