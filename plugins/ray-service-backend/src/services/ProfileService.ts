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
  isProfileVisibleTo,
} from '@ray-service/plugin-ray-service-common';
import { Page, PageRequest } from '../lib/pagination';
import { RayServiceStore } from '../store/RayServiceStore';
import { ValidationError } from '../lib/validation';
import { AuditService } from './AuditService';
import { audienceOf, NO_MORE_ANCESTORS, Viewer } from '../access/Viewer';

function notFound(name: string) {
  return new NotFoundError(`profile "${name}" not found`);
}

function tenantsUsing(count: number) {
  return count === 1 ? '1 tenant uses' : `${count} tenants use`;
}

/**
 * Compute profiles: admins manage them, plain users see published profiles
 * visible to their groups.
 */
export class ProfileService {
  constructor(
    private readonly store: RayServiceStore,
    private readonly audit: AuditService,
  ) {}

  list(viewer: Viewer, page: PageRequest): Promise<Page<ComputeProfile>> {
    return this.store.listProfiles(page, audienceOf(viewer));
  }

  /** @throws NotFoundError also for profiles the viewer may not see. */
  async get(viewer: Viewer, name: string): Promise<ComputeProfile> {
    const profile = await this.store.getProfile(name);
    if (
      !profile ||
      (!viewer.isAdmin &&
        !isProfileVisibleTo(profile, viewer.groupRefs, NO_MORE_ANCESTORS))
    ) {
      throw notFound(name);
    }
    return profile;
  }

  /** @throws ConflictError when the name is taken. */
  async create(
    actor: string,
    input: ComputeProfileInput,
  ): Promise<ComputeProfile> {
    const now = new Date().toISOString();
    const profile = {
      ...withSortedGroups(input),
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
    };
    return this.store.transaction(async tx => {
      await tx.insertProfile(profile);
      await this.audit.record(tx, {
        actor,
        action: 'profile.create',
        targetName: profile.name,
        after: profile,
      });
      return profile;
    });
  }

  /** Replaces everything but the name and creation. */
  async update(
    actor: string,
    name: string,
    input: ComputeProfileInput,
  ): Promise<ComputeProfile> {
    if (input.name !== name) {
      throw ValidationError.of(
        ['name'],
        `must be "${name}" as in the path; profiles cannot be renamed`,
      );
    }
    return this.store.transaction(async tx => {
      const before = await tx.getProfile(name);
      if (!before) {
        throw notFound(name);
      }
      const after: ComputeProfile = {
        ...withSortedGroups(input),
        createdBy: before.createdBy,
        createdAt: before.createdAt,
        updatedAt: new Date().toISOString(),
      };
      await tx.updateProfile(after);
      await this.audit.record(tx, {
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
  async delete(actor: string, name: string): Promise<void> {
    await this.store.transaction(async tx => {
      const before = await tx.getProfile(name);
      if (!before) {
        throw notFound(name);
      }
      const tenants = await tx.countTenantsUsingProfile(name);
      if (tenants > 0) {
        throw new ConflictError(
          `profile "${name}" cannot be deleted: ${tenantsUsing(
            tenants,
          )} it; move them to another profile first`,
        );
      }
      await tx.deleteProfile(name);
      await this.audit.record(tx, {
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
