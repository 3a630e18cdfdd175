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
  isTemplateVersionVisibleTo,
  TEMPLATE_VERSION_ACTIONS,
  TemplateVersion,
  TemplateVersionAction,
  TemplateVersionDocument,
  templateVersionFromDocument,
  TemplateVersionKey,
  templateVersionRef,
  TransitionCheck,
} from '@ray-service/plugin-ray-service-common';
import { Page, PageRequest } from '../lib/pagination';
import { RayServiceStore } from '../store/RayServiceStore';
import { AuditService } from './AuditService';
import { audienceOf, NO_MORE_ANCESTORS, Viewer } from '../access/Viewer';

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
 * lifecycle and shared with groups by admins; plain users see published and
 * deprecated versions shared with their groups.
 */
export class TemplateService {
  constructor(
    private readonly store: RayServiceStore,
    private readonly audit: AuditService,
  ) {}

  list(viewer: Viewer, page: PageRequest): Promise<Page<TemplateVersion>> {
    return this.store.listTemplateVersions(page, audienceOf(viewer));
  }

  /** @throws NotFoundError also for versions the viewer may not see. */
  async get(viewer: Viewer, key: TemplateVersionKey): Promise<TemplateVersion> {
    const version = await this.store.getTemplateVersion(key);
    if (
      !version ||
      (!viewer.isAdmin &&
        !isTemplateVersionVisibleTo(
          version,
          viewer.groupRefs,
          NO_MORE_ANCESTORS,
        ))
    ) {
      throw notFound(key);
    }
    return version;
  }

  /** @throws ConflictError when name@version exists. */
  async import(
    actor: string,
    document: TemplateVersionDocument,
  ): Promise<TemplateVersion> {
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
      await tx.insertTemplateVersion(version);
      await this.audit.record(tx, {
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
    actor: string,
    key: TemplateVersionKey,
    action: TemplateVersionAction,
  ): Promise<TemplateVersion> {
    return this.change(actor, key, `template.${action}`, async (tx, before) => {
      const target = TEMPLATE_VERSION_ACTIONS[action];
      const tenantsUsingVersion = await tx.countTenantsUsingTemplateVersion(
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
      await tx.updateTemplateVersionState(key, after.state, after.updatedAt);
      return after;
    });
  }

  /** Replaces the groups the version is shared with. */
  async setSharing(
    actor: string,
    key: TemplateVersionKey,
    sharedWith: string[],
  ): Promise<TemplateVersion> {
    return this.change(actor, key, 'template.share', async (tx, before) => {
      const after = {
        ...before,
        sharedWith: [...sharedWith].sort(),
        updatedAt: new Date().toISOString(),
      };
      await tx.updateTemplateVersionSharing(
        key,
        after.sharedWith,
        after.updatedAt,
      );
      return after;
    });
  }

  /** Only drafts can be deleted; others are retired instead. */
  async delete(actor: string, key: TemplateVersionKey): Promise<void> {
    await this.change(actor, key, 'template.delete', async (tx, before) => {
      requireAllowed(
        checkTemplateVersionDeletion(before.state),
        `cannot delete ${refOf(key)}`,
      );
      await tx.deleteTemplateVersion(key);
      return undefined;
    });
  }

  /** Reads the version, applies `apply` and audits it, all in one transaction. */
  private change<T extends TemplateVersion | undefined>(
    actor: string,
    key: TemplateVersionKey,
    action: `template.${TemplateVersionAction | 'share' | 'delete'}`,
    apply: (tx: RayServiceStore, before: TemplateVersion) => Promise<T>,
  ): Promise<T> {
    return this.store.transaction(async tx => {
      const before = await tx.getTemplateVersion(key);
      if (!before) {
        throw notFound(key);
      }
      const after = await apply(tx, before);
      await this.audit.record(tx, {
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
