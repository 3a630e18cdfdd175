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
import { profileInput, tenantRow } from '../__testUtils__/fixtures';
import { isResourcePermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_RAY_SERVICE_PROFILE } from '@ray-service/plugin-ray-service-common';
import {
  createProfileConditionalDecision,
  profileConditions,
} from '@ray-service/plugin-ray-service-node';
import { exampleUserDecision } from '../__testUtils__/examplePolicy';
import { createTestServices, people } from '../__testUtils__/services';
import { FieldConflictError } from '../lib/validation';

const PAT = 'user:default/pat.platform';

describe('ProfileService', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;

  beforeEach(async () => {
    services = await createTestServices();
  });

  const auditActions = async () =>
    (await services.audit.list(people.pat, { limit: 50 })).items.map(
      e => e.action,
    );

  describe('create', () => {
    it('records who created it and when, with groups sorted, and audits it', async () => {
      const created = await services.profiles.create(
        people.pat,
        profileInput({ visibleTo: ['group:default/b', 'group:default/a'] }),
      );
      expect(created).toMatchObject({
        visibleTo: ['group:default/a', 'group:default/b'],
        createdBy: PAT,
      });
      expect(created.createdAt).toBe(created.updatedAt);
      const [entry] = (await services.audit.list(people.pat, { limit: 1 }))
        .items;
      expect(entry).toMatchObject({
        actor: PAT,
        action: 'profile.create',
        target: { kind: 'profile', name: 'small' },
        after: created,
      });
      expect(entry).not.toHaveProperty('before');
    });

    it('refuses a taken name and audits nothing for it', async () => {
      await services.profiles.create(people.pat, profileInput());
      await expect(
        services.profiles.create(people.pat, profileInput()),
      ).rejects.toThrow(ConflictError);
      expect(await auditActions()).toEqual(['profile.create']);
    });
  });

  describe('get', () => {
    beforeEach(async () => {
      await services.profiles.create(
        people.pat,
        profileInput({ name: 'open' }),
      );
      await services.profiles.create(
        people.pat,
        profileInput({ name: 'ml', visibleTo: ['group:default/ml-teams'] }),
      );
      await services.profiles.create(
        people.pat,
        profileInput({ name: 'draft', published: false }),
      );
      await services.profiles.create(
        people.pat,
        profileInput({
          name: 'bravo',
          visibleTo: ['group:default/ml-team-bravo'],
        }),
      );
    });

    it('shows admins everything', async () => {
      expect((await services.profiles.get(people.pat, 'draft')).name).toBe(
        'draft',
      );
      expect(
        (await services.profiles.list(people.pat, { limit: 50 })).totalCount,
      ).toBe(4);
    });

    it('shows members published profiles visible to their groups or ancestors', async () => {
      expect((await services.profiles.get(people.alice, 'ml')).name).toBe('ml');
      expect((await services.profiles.get(people.alice, 'open')).name).toBe(
        'open',
      );
      const page = await services.profiles.list(people.alice, { limit: 50 });
      expect(page.items.map(p => p.name)).toEqual(['ml', 'open']);
    });

    it("follows an adopter's policy that hides a published profile from a group", async () => {
      const hiding = await createTestServices({
        decideUser: (permission, claims) =>
          claims.includes('group:default/ml-team-alpha') &&
          isResourcePermission(permission, RESOURCE_TYPE_RAY_SERVICE_PROFILE)
            ? createProfileConditionalDecision(permission, {
                allOf: [
                  profileConditions.isProfilePublished(),
                  profileConditions.isProfileVisibleTo({ claims }),
                  { not: profileConditions.hasProfileName({ names: ['ml'] }) },
                ],
              })
            : exampleUserDecision(permission, claims),
      });
      for (const name of ['open', 'ml', 'bravo']) {
        await hiding.profiles.create(
          people.pat,
          profileInput({
            name,
            ...(name === 'bravo' && {
              visibleTo: ['group:default/ml-team-bravo'],
            }),
          }),
        );
      }
      const alices = await hiding.profiles.list(people.alice, { limit: 50 });
      expect(alices.items.map(p => p.name)).toEqual(['open']);
      await expect(hiding.profiles.get(people.alice, 'ml')).rejects.toThrow(
        NotFoundError,
      );
      const bobs = await hiding.profiles.list(people.bob, { limit: 50 });
      expect(bobs.items.map(p => p.name)).toEqual(['bravo', 'ml', 'open']);
    });

    it('answers NotFound for what members may not see', async () => {
      for (const name of ['draft', 'bravo', 'missing']) {
        await expect(services.profiles.get(people.alice, name)).rejects.toThrow(
          NotFoundError,
        );
      }
    });
  });

  describe('update', () => {
    it('replaces the profile but keeps its creation, and audits before and after', async () => {
      const created = await services.profiles.create(
        people.pat,
        profileInput(),
      );
      const updated = await services.profiles.update(
        people.automation,
        'small',
        profileInput({ displayName: 'Tiny' }),
      );
      expect(updated).toMatchObject({
        displayName: 'Tiny',
        createdBy: PAT,
        createdAt: created.createdAt,
      });
      const [entry] = (await services.audit.list(people.pat, { limit: 1 }))
        .items;
      expect(entry).toMatchObject({
        actor: 'service:external:automation',
        action: 'profile.update',
        before: created,
        after: updated,
      });
    });

    it('refuses renames (409) and missing profiles (404)', async () => {
      await services.profiles.create(people.pat, profileInput());
      await expect(
        services.profiles.update(
          people.pat,
          'small',
          profileInput({ name: 'big' }),
        ),
      ).rejects.toThrow(FieldConflictError);
      await expect(
        services.profiles.update(
          people.pat,
          'big',
          profileInput({ name: 'big' }),
        ),
      ).rejects.toThrow(NotFoundError);
    });
  });

  describe('delete', () => {
    it('deletes an unused profile and audits what it was', async () => {
      const created = await services.profiles.create(
        people.pat,
        profileInput(),
      );
      await services.profiles.delete(people.pat, 'small');
      await expect(services.profiles.get(people.pat, 'small')).rejects.toThrow(
        NotFoundError,
      );
      const [entry] = (await services.audit.list(people.pat, { limit: 1 }))
        .items;
      expect(entry).toMatchObject({
        action: 'profile.delete',
        before: created,
      });
      expect(entry).not.toHaveProperty('after');
    });

    it('refuses while tenants use it, saying how many', async () => {
      await services.profiles.create(people.pat, profileInput());
      await services.knex('tenants').insert(
        ['a', 'b', 'c'].map(name =>
          tenantRow({
            name,
            profile: 'small',
            template: { name: 'kuberay', version: '1.0.0' },
          }),
        ),
      );
      await expect(
        services.profiles.delete(people.pat, 'small'),
      ).rejects.toThrow(
        'profile "small" cannot be deleted: 3 tenants use it; move them to another profile first',
      );
      expect(await auditActions()).toEqual(['profile.create']);
    });

    it('answers NotFound for a missing profile', async () => {
      await expect(
        services.profiles.delete(people.pat, 'nope'),
      ).rejects.toThrow(NotFoundError);
    });
  });
});
