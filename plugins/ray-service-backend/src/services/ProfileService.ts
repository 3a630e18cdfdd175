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
  ComputeProfile,
  ComputeProfileInput,
  parseTemplateVersionRef,
} from '@ray-service/plugin-ray-service-common';
import { AccessService } from '../access/AccessService';
import { Caller } from '../access/callers';
import { Page, PageRequest } from '../lib/pagination';
import { FieldConflictError, ValidationError } from '../lib/validation';
import { RayServiceStore } from '../store/RayServiceStore';

function notFound(name: string) {
  return new NotFoundError(`profile "${name}" not found`);
}

function tenantsUsing(count: number) {
  return count === 1 ? '1 tenant uses' : `${count} tenants use`;
}

/**
 * Compute profiles: admins manage them; who reads which is the permission
 * policy's `ray-service.profile.read` (by default: published profiles
 * visible to the caller's groups).
 */
export class ProfileService {
  constructor(
    private readonly store: RayServiceStore,
    private readonly access: AccessService,
  ) {}

  async list(
    credentials: Caller,
    page: PageRequest,
  ): Promise<Page<ComputeProfile>> {
    const filter = await this.access.profileFilter(credentials);
    return this.store.profiles.list(page, filter);
  }

  /** @throws NotFoundError also for profiles the caller may not read. */
  async get(credentials: Caller, name: string): Promise<ComputeProfile> {
    const filter = await this.access.profileFilter(credentials);
    const profile = await this.store.profiles.get(name, filter);
    if (!profile) {
      throw notFound(name);
    }
    return profile;
  }

  /** @throws ConflictError when the name is taken. */
  async create(
    credentials: Caller,
    input: ComputeProfileInput,
  ): Promise<ComputeProfile> {
    const actor = await this.access.requireAdmin(credentials);
    await this.assertPoolVersion(input);
    const now = new Date().toISOString();
    const profile = {
      ...withSortedGroups(input),
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
    };
    return this.store.transaction(async tx => {
      await tx.profiles.insert(profile);
      await tx.auditLog.record({
        actor,
        action: 'profile.create',
        targetName: profile.name,
        after: profile,
      });
      return profile;
    });
  }

  /**
   * A warm pool's template version must exist (422), not be retired and
   * offer the pool's isolation (409).
   */
  private async assertPoolVersion(input: ComputeProfileInput) {
    const { allocation } = input;
    if (allocation.strategy !== 'warmPool' || !allocation.templateVersion) {
      return;
    }
    const version = await this.store.templateVersions.get(
      parseTemplateVersionRef(allocation.templateVersion),
    );
    if (!version) {
      // 422, not 404: the profile is there, what it points to is not.
      throw ValidationError.unprocessable(
        ['allocation', 'templateVersion'],
        `template version ${allocation.templateVersion} does not exist`,
      );
    }
    if (version.state === 'retired') {
      throw FieldConflictError.of(
        ['allocation', 'templateVersion'],
        `template version ${allocation.templateVersion} is retired`,
      );
    }
    if (
      allocation.isolation &&
      !version.isolationModes.includes(allocation.isolation)
    ) {
      throw FieldConflictError.of(
        ['allocation', 'isolation'],
        `${allocation.templateVersion} offers ${version.isolationModes.join(
          ', ',
        )}, not ${allocation.isolation}`,
      );
    }
  }

  /** Replaces everything but the name and creation. */
  async update(
    credentials: Caller,
    name: string,
    input: ComputeProfileInput,
  ): Promise<ComputeProfile> {
    const actor = await this.access.requireAdmin(credentials);
    await this.assertPoolVersion(input);
    return this.store.transaction(async tx => {
      const before = await tx.profiles.getLocked(name, 'update');
      if (!before) {
        throw notFound(name);
      }
      if (input.name !== name) {
        throw FieldConflictError.of(
          ['name'],
          `must be "${name}" as in the path; profiles cannot be renamed`,
        );
      }
      const after: ComputeProfile = {
        ...withSortedGroups(input),
        createdBy: before.createdBy,
        createdAt: before.createdAt,
        updatedAt: new Date().toISOString(),
      };
      await tx.profiles.update(after);
      await tx.auditLog.record({
        actor,
        action: 'profile.update',
        targetName: name,
        before,
        after,
      });
      return after;
    });
  }

  /** @throws ConflictError while tenants use the profile. */
  async delete(credentials: Caller, name: string): Promise<void> {
    const actor = await this.access.requireAdmin(credentials);
    await this.store.transaction(async tx => {
      const before = await tx.profiles.getLocked(name, 'update');
      if (!before) {
        throw notFound(name);
      }
      const tenants = await tx.tenants.countUsingProfile(name);
      if (tenants > 0) {
        throw new ConflictError(
          `profile "${name}" cannot be deleted: ${tenantsUsing(
            tenants,
          )} it; move them to another profile first`,
        );
      }
      await tx.profiles.delete(name);
      await tx.auditLog.record({
        actor,
        action: 'profile.delete',
        targetName: name,
        before,
      });
    });
  }
}

// visibleTo is a set; sorted, it reads back as it was written.
function withSortedGroups(input: ComputeProfileInput): ComputeProfileInput {
  return { ...input, visibleTo: [...input.visibleTo].sort() };
}
