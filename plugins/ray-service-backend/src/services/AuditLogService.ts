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

import { AuditEntry } from '@ray-service/plugin-ray-service-common';
import { AccessService } from '../access/AccessService';
import { Caller } from '../access/callers';
import { Page, PageRequest } from '../lib/pagination';
import { RayServiceStore } from '../store/RayServiceStore';

/**
 * The audit log as admins read it, newest first. Services record entries
 * themselves, in the transaction of the change (`tx.auditLog.record`).
 */
export class AuditLogService {
  constructor(
    private readonly store: RayServiceStore,
    private readonly access: AccessService,
  ) {}

  /** @throws NotAllowedError for non-admins. */
  async list(
    credentials: Caller,
    page: PageRequest,
  ): Promise<Page<AuditEntry>> {
    await this.access.requireAdmin(credentials);
    return this.store.auditLog.list(page);
  }
}
