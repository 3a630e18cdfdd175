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

import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  checkTemplateVersionDeletion,
  checkTransition,
  TEMPLATE_VERSION_ACTIONS,
  TemplateVersion,
  TemplateVersionAction,
  TemplateVersionDocument,
  templateVersionFromDocument,
  TemplateVersionKey,
  templateVersionRef,
  TransitionCheck,
} from '@ray-service/plugin-ray-service-common';
import { AccessService } from '../access/AccessService';
import { Caller } from '../access/callers';
import { Page, PageRequest } from '../lib/pagination';
import { RayServiceStore } from '../store/RayServiceStore';

function refOf(key: TemplateVersionKey): string {
  return templateVersionRef(key.name, key.version);
}

function notFound(key: TemplateVersionKey) {
  return new NotFoundError(`template version ${refOf(key)} not found`);
}

function requireAllowed(check: TransitionCheck, what: string) {
  if (!check.allowed) {
    throw new ConflictError(`${what}: ${check.reason}`);
  }
}

/**
 * Tenant template versions: imported from documents, moved through their
 * lifecycle and shared with groups by admins; who reads which is the
 * permission policy's `ray-service.template.read` (by default: published
 * and deprecated versions shared with the caller's groups).
 */
export class TemplateService {
  constructor(
    private readonly store: RayServiceStore,
    private readonly access: AccessService,
  ) {}

  async list(
    credentials: Caller,
    page: PageRequest,
  ): Promise<Page<TemplateVersion>> {
    const filter = await this.access.templateVersionFilter(credentials);
    return this.store.templateVersions.list(page, filter);
  }

  /** @throws NotFoundError also for versions the caller may not read. */
  async get(
    credentials: Caller,
    key: TemplateVersionKey,
  ): Promise<TemplateVersion> {
    const filter = await this.access.templateVersionFilter(credentials);
    const version = await this.store.templateVersions.get(key, filter);
    if (!version) {
      throw notFound(key);
    }
    return version;
  }

  /** @throws ConflictError when name@version exists. */
  async import(
    credentials: Caller,
    document: TemplateVersionDocument,
  ): Promise<TemplateVersion> {
    const actor = await this.access.requireAdmin(credentials);
    const now = new Date().toISOString();
    const fromDocument = templateVersionFromDocument(document);
    const version: TemplateVersion = {
      ...fromDocument,
      sharedWith: [...fromDocument.sharedWith].sort(),
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
    };
    return this.store.transaction(async tx => {
      await tx.templateVersions.insert(version);
      await tx.auditLog.record({
        actor,
        action: 'template.import',
        targetName: refOf(version),
        after: version,
      });
      return version;
    });
  }

  /** Publishes, deprecates or retires; refusals are ConflictErrors with the reason. */
  async transition(
    credentials: Caller,
    key: TemplateVersionKey,
    action: TemplateVersionAction,
  ): Promise<TemplateVersion> {
    return this.change(
      credentials,
      key,
      `template.${action}`,
      async (tx, before) => {
        const target = TEMPLATE_VERSION_ACTIONS[action];
        const tenantsUsingVersion = await tx.tenants.countUsingTemplateVersion(
          key,
        );
        requireAllowed(
          checkTransition(before.state, target, { tenantsUsingVersion }),
          `cannot ${action} ${refOf(key)}`,
        );
        const after = {
          ...before,
          state: target,
          updatedAt: new Date().toISOString(),
        };
        await tx.templateVersions.updateState(
          key,
          after.state,
          after.updatedAt,
        );
        return after;
      },
    );
  }

  /** Replaces the groups the version is shared with. */
  async setSharing(
    credentials: Caller,
    key: TemplateVersionKey,
    sharedWith: string[],
  ): Promise<TemplateVersion> {
    return this.change(
      credentials,
      key,
      'template.share',
      async (tx, before) => {
        const after = {
          ...before,
          sharedWith: [...sharedWith].sort(),
          updatedAt: new Date().toISOString(),
        };
        await tx.templateVersions.updateSharing(
          key,
          after.sharedWith,
          after.updatedAt,
        );
        return after;
      },
    );
  }

  /** Only drafts can be deleted; others are retired instead. */
  async delete(credentials: Caller, key: TemplateVersionKey): Promise<void> {
    await this.change(
      credentials,
      key,
      'template.delete',
      async (tx, before) => {
        requireAllowed(
          checkTemplateVersionDeletion(before.state),
          `cannot delete ${refOf(key)}`,
        );
        await tx.templateVersions.delete(key);
        return undefined;
      },
    );
  }

  /**
   * Reads the version, applies `apply` and audits it, all in one
   * transaction that holds the version's row, so that a tenant create
   * depending on it runs entirely before or after the change.
   * @throws NotAllowedError for non-admins.
   */
  private async change<T extends TemplateVersion | undefined>(
    credentials: Caller,
    key: TemplateVersionKey,
    action: `template.${TemplateVersionAction | 'share' | 'delete'}`,
    apply: (tx: RayServiceStore, before: TemplateVersion) => Promise<T>,
  ): Promise<T> {
    const actor = await this.access.requireAdmin(credentials);
    return this.store.transaction(async tx => {
      const before = await tx.templateVersions.getLocked(key, 'update');
      if (!before) {
        throw notFound(key);
      }
      const after = await apply(tx, before);
      await tx.auditLog.record({
        actor,
        action,
        targetName: refOf(key),
        before,
        after,
      });
      return after;
    });
  }
}
