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
import { createTestServices } from '../__testUtils__/services';
import { ValidationError } from '../lib/validation';
import { ADMIN_VIEWER, Viewer } from '../access/Viewer';

const PAT = 'user:default/pat.platform';
const ALPHA_MEMBER: Viewer = {
  isAdmin: false,
  groupRefs: ['group:default/ml-team-alpha', 'group:default/ml-teams'],
};

describe('ProfileService', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;

  beforeEach(async () => {
    services = await createTestServices();
  });

  const auditActions = async () =>
    (await services.audit.list({ limit: 50 })).items.map(e => e.action);

  describe('create', () => {
    it('records who created it and when, with groups sorted, and audits it', async () => {
      const created = await services.profiles.create(
        PAT,
        profileInput({ visibleTo: ['group:default/b', 'group:default/a'] }),
      );
      expect(created).toMatchObject({
        visibleTo: ['group:default/a', 'group:default/b'],
        createdBy: PAT,
      });
      expect(created.createdAt).toBe(created.updatedAt);
      const [entry] = (await services.audit.list({ limit: 1 })).items;
      expect(entry).toMatchObject({
        actor: PAT,
        action: 'profile.create',
        target: { kind: 'profile', name: 'small' },
        after: created,
      });
      expect(entry).not.toHaveProperty('before');
    });

    it('refuses a taken name and audits nothing for it', async () => {
      await services.profiles.create(PAT, profileInput());
      await expect(
        services.profiles.create(PAT, profileInput()),
      ).rejects.toThrow(ConflictError);
      expect(await auditActions()).toEqual(['profile.create']);
    });
  });

  describe('get', () => {
    beforeEach(async () => {
      await services.profiles.create(PAT, profileInput({ name: 'open' }));
      await services.profiles.create(
        PAT,
        profileInput({ name: 'ml', visibleTo: ['group:default/ml-teams'] }),
      );
      await services.profiles.create(
        PAT,
        profileInput({ name: 'draft', published: false }),
      );
      await services.profiles.create(
        PAT,
        profileInput({
          name: 'bravo',
          visibleTo: ['group:default/ml-team-bravo'],
        }),
      );
    });

    it('shows admins everything', async () => {
      expect((await services.profiles.get(ADMIN_VIEWER, 'draft')).name).toBe(
        'draft',
      );
      expect(
        (await services.profiles.list(ADMIN_VIEWER, { limit: 50 })).totalCount,
      ).toBe(4);
    });

    it('shows members published profiles visible to their groups or ancestors', async () => {
      expect((await services.profiles.get(ALPHA_MEMBER, 'ml')).name).toBe('ml');
      expect((await services.profiles.get(ALPHA_MEMBER, 'open')).name).toBe(
        'open',
      );
      const page = await services.profiles.list(ALPHA_MEMBER, { limit: 50 });
      expect(page.items.map(p => p.name)).toEqual(['ml', 'open']);
    });

    it('answers NotFound for what members may not see', async () => {
      for (const name of ['draft', 'bravo', 'missing']) {
        await expect(services.profiles.get(ALPHA_MEMBER, name)).rejects.toThrow(
          NotFoundError,
        );
      }
    });
  });

  describe('update', () => {
    it('replaces the profile but keeps its creation, and audits before and after', async () => {
      const created = await services.profiles.create(PAT, profileInput());
      const updated = await services.profiles.update(
        'service:external:automation',
        'small',
        profileInput({ displayName: 'Tiny' }),
      );
      expect(updated).toMatchObject({
        displayName: 'Tiny',
        createdBy: PAT,
        createdAt: created.createdAt,
      });
      const [entry] = (await services.audit.list({ limit: 1 })).items;
      expect(entry).toMatchObject({
        actor: 'service:external:automation',
        action: 'profile.update',
        before: created,
        after: updated,
      });
    });

    it('refuses renames and missing profiles', async () => {
      await services.profiles.create(PAT, profileInput());
      await expect(
        services.profiles.update(PAT, 'small', profileInput({ name: 'big' })),
      ).rejects.toThrow(ValidationError);
      await expect(
        services.profiles.update(PAT, 'big', profileInput({ name: 'big' })),
      ).rejects.toThrow(NotFoundError);
    });
  });

  describe('delete', () => {
    it('deletes an unused profile and audits what it was', async () => {
      const created = await services.profiles.create(PAT, profileInput());
      await services.profiles.delete(PAT, 'small');
      await expect(
        services.profiles.get(ADMIN_VIEWER, 'small'),
      ).rejects.toThrow(NotFoundError);
      const [entry] = (await services.audit.list({ limit: 1 })).items;
      expect(entry).toMatchObject({
        action: 'profile.delete',
        before: created,
      });
      expect(entry).not.toHaveProperty('after');
    });

    it('refuses while tenants use it, saying how many', async () => {
      await services.profiles.create(PAT, profileInput());
      await services.knex('tenants').insert(
        ['a', 'b', 'c'].map(name =>
          tenantRow({
            name,
            profile: 'small',
            template: { name: 'kuberay', version: '1.0.0' },
          }),
        ),
      );
      await expect(services.profiles.delete(PAT, 'small')).rejects.toThrow(
        'profile "small" cannot be deleted: 3 tenants use it; move them to another profile first',
      );
      expect(await auditActions()).toEqual(['profile.create']);
    });

    it('answers NotFound for a missing profile', async () => {
      await expect(services.profiles.delete(PAT, 'nope')).rejects.toThrow(
        NotFoundError,
      );
    });
  });
});
