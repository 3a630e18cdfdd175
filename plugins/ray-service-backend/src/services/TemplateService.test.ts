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
import { templateDocument, tenantRow } from '../__testUtils__/fixtures';
import { createTestServices, people } from '../__testUtils__/services';

const PAT = 'user:default/pat.platform';
const KEY = { name: 'kuberay', version: '1.0.0' };

describe('TemplateService', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;

  beforeEach(async () => {
    services = await createTestServices();
  });

  const lastAudit = async () =>
    (await services.audit.list(people.pat, { limit: 1 })).items[0];
  const useVersion = (count: number) =>
    services
      .knex('tenants')
      .insert(
        Array.from({ length: count }, (_, i) =>
          tenantRow({ name: `t${i}`, profile: 'small', template: KEY }),
        ),
      );

  describe('import', () => {
    it('starts as a draft unless the document says published', async () => {
      expect(
        (await services.templates.import(people.pat, templateDocument())).state,
      ).toBe('draft');
      expect(
        (
          await services.templates.import(
            people.pat,
            templateDocument({
              version: '2.0.0',
              spec: { state: 'published' },
            }),
          )
        ).state,
      ).toBe('published');
    });

    it('records the importer and audits the import', async () => {
      const imported = await services.templates.import(
        people.pat,
        templateDocument({
          spec: { sharedWith: ['group:default/b', 'group:default/a'] },
        }),
      );
      expect(imported).toMatchObject({
        sharedWith: ['group:default/a', 'group:default/b'],
        createdBy: PAT,
      });
      expect(await lastAudit()).toMatchObject({
        action: 'template.import',
        target: { kind: 'template', name: 'kuberay@1.0.0' },
        after: imported,
      });
    });

    it('refuses a duplicate name@version', async () => {
      await services.templates.import(people.pat, templateDocument());
      await expect(
        services.templates.import(people.pat, templateDocument()),
      ).rejects.toThrow(ConflictError);
    });
  });

  describe('transition', () => {
    it('follows the lifecycle and audits each step', async () => {
      await services.templates.import(people.pat, templateDocument());
      for (const [action, state] of [
        ['publish', 'published'],
        ['deprecate', 'deprecated'],
        ['publish', 'published'],
        ['retire', 'retired'],
      ] as const) {
        const before = await services.templates.get(people.pat, KEY);
        const after = await services.templates.transition(
          people.pat,
          KEY,
          action,
        );
        expect(after.state).toBe(state);
        expect(await services.templates.get(people.pat, KEY)).toEqual(after);
        expect(await lastAudit()).toMatchObject({
          action: `template.${action}`,
          before,
          after,
        });
      }
    });

    it.each([
      ['draft', 'deprecate', 'a draft version cannot become deprecated'],
      ['published', 'publish', 'the version is already published'],
    ] as const)(
      'refuses to %s → %s with the reason',
      async (state, action, reason) => {
        await services.templates.import(
          people.pat,
          templateDocument({ spec: { state: state as 'draft' | 'published' } }),
        );
        await expect(
          services.templates.transition(people.pat, KEY, action),
        ).rejects.toThrow(`cannot ${action} kuberay@1.0.0: ${reason}`);
      },
    );

    it('treats retired as final', async () => {
      await services.templates.import(people.pat, templateDocument());
      await services.templates.transition(people.pat, KEY, 'retire');
      await expect(
        services.templates.transition(people.pat, KEY, 'publish'),
      ).rejects.toThrow('the version is retired, which is final');
    });

    it('refuses to retire while tenants use the version', async () => {
      await services.templates.import(
        people.pat,
        templateDocument({ spec: { state: 'published' } }),
      );
      await useVersion(1);
      await expect(
        services.templates.transition(people.pat, KEY, 'retire'),
      ).rejects.toThrow(
        '1 tenant still uses this version; move them to another version first',
      );
      expect((await services.templates.get(people.pat, KEY)).state).toBe(
        'published',
      );
    });

    it('answers NotFound for a missing version', async () => {
      await expect(
        services.templates.transition(people.pat, KEY, 'publish'),
      ).rejects.toThrow(NotFoundError);
    });
  });

  it('replaces the sharing and audits it', async () => {
    await services.templates.import(people.pat, templateDocument());
    const shared = await services.templates.setSharing(people.pat, KEY, [
      'group:default/ml-teams',
      'group:default/ml-team-alpha',
    ]);
    expect(shared.sharedWith).toEqual([
      'group:default/ml-team-alpha',
      'group:default/ml-teams',
    ]);
    expect(await lastAudit()).toMatchObject({
      action: 'template.share',
      before: { sharedWith: [] },
      after: { sharedWith: shared.sharedWith },
    });
  });

  describe('delete', () => {
    it('deletes drafts and audits what they were', async () => {
      const draft = await services.templates.import(
        people.pat,
        templateDocument(),
      );
      await services.templates.delete(people.pat, KEY);
      await expect(services.templates.get(people.pat, KEY)).rejects.toThrow(
        NotFoundError,
      );
      const entry = await lastAudit();
      expect(entry).toMatchObject({ action: 'template.delete', before: draft });
      expect(entry).not.toHaveProperty('after');
    });

    it.each(['published', 'deprecated', 'retired'] as const)(
      'refuses to delete a %s version',
      async state => {
        await services.templates.import(people.pat, templateDocument());
        await services.templates.transition(
          people.pat,
          KEY,
          state === 'retired' ? 'retire' : 'publish',
        );
        if (state === 'deprecated') {
          await services.templates.transition(people.pat, KEY, 'deprecate');
        }
        await expect(
          services.templates.delete(people.pat, KEY),
        ).rejects.toThrow(
          /cannot delete kuberay@1.0.0: only drafts can be deleted/,
        );
      },
    );
  });

  describe('visibility', () => {
    beforeEach(async () => {
      const share = (version: string, sharedWith: string[]) =>
        services.templates.import(
          people.pat,
          templateDocument({
            version,
            spec: { state: 'published', sharedWith },
          }),
        );
      await share('1.0.0', ['group:default/ml-teams']);
      await share('1.1.0', ['group:default/ml-team-bravo']);
      await share('1.2.0', ['group:default/ml-team-alpha']);
      await services.templates.transition(
        people.pat,
        { name: 'kuberay', version: '1.2.0' },
        'deprecate',
      );
      await share('1.3.0', []);
      await services.templates.import(
        people.pat,
        templateDocument({
          version: '1.4.0',
          spec: { sharedWith: ['group:default/ml-teams'] },
        }),
      );
    });

    it('shows members published and deprecated versions shared with their groups', async () => {
      const page = await services.templates.list(people.alice, { limit: 50 });
      expect(page.items.map(v => v.version)).toEqual(['1.0.0', '1.2.0']);
      for (const version of ['1.1.0', '1.3.0', '1.4.0']) {
        await expect(
          services.templates.get(people.alice, { name: 'kuberay', version }),
        ).rejects.toThrow(NotFoundError);
      }
    });

    it('shows admins every version', async () => {
      const page = await services.templates.list(people.pat, { limit: 50 });
      expect(page.totalCount).toBe(5);
    });
  });
});
