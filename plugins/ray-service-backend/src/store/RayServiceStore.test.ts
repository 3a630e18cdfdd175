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

import { ConflictError } from '@backstage/errors';
import {
  isProfileVisibleTo,
  isTemplateVersionVisibleTo,
} from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { storeTestDatabases } from '../__testUtils__/databases';
import {
  MLFLOW_ADDON,
  profile,
  storedTenant,
  templateVersion,
  tenantRow,
} from '../__testUtils__/fixtures';
import { FieldNotFoundError } from '../lib/validation';
import { migrationsDir } from './migrations';
import type {
  ProfileFilter,
  TemplateVersionFilter,
  TenantFilter,
} from './types';
import { RayServiceStore } from './RayServiceStore';

jest.setTimeout(60_000);

const { databases, ids } = storeTestDatabases();

const ALPHA = 'group:default/ml-team-alpha';
const ML_TEAMS = 'group:default/ml-teams';
const PLATFORM = 'group:default/platform';

async function allPages<T>(
  list: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string }>,
): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe.each(ids)('RayServiceStore on %s', databaseId => {
  let knex: Knex;
  let store: RayServiceStore;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
  });

  beforeEach(async () => {
    for (const table of [
      'job_history',
      'tenants',
      'audit_log',
      'template_version_sharing',
      'template_versions',
      'compute_profile_visibility',
      'compute_profiles',
      'host_cluster_facts',
    ]) {
      await knex(table).delete();
    }
    store = new RayServiceStore(knex);
  });

  afterAll(async () => {
    await knex.destroy();
  });

  describe('job history', () => {
    const job = (name: string, uid = `${name}-uid`) => ({
      tenant: 'alpha',
      name,
      uid,
      hostCluster: 'sim',
      entrypoint: `python ${name}.py`,
      recordedAt: '2026-12-01T10:00:00.000Z',
    });
    const ended = (at: string) => ({
      clusterName: 'rc',
      submissionId: 'sub-1',
      status: 'SUCCEEDED' as const,
      startTime: '2026-12-01T10:00:01.000Z',
      endTime: '2026-12-01T10:00:05.000Z',
      logTail: 'done\n',
      recordedAt: at,
    });

    it('tracks a job once, keeps it when it ends, and forgets one that never ran', async () => {
      await store.jobHistory.track(job('train'));
      await store.jobHistory.track(job('train'));
      await store.jobHistory.track(job('gone'));
      const unfinished = await store.jobHistory.listUnfinished(10);
      expect(unfinished.map(j => j.name)).toEqual(['train', 'gone']);
      expect(await store.jobHistory.latest('alpha', 'train')).toBeUndefined();

      await store.jobHistory.finish(
        unfinished[0].id,
        ended('2026-12-01T10:00:06.000Z'),
      );
      await store.jobHistory.forget(unfinished[1].id);
      expect(
        (await store.jobHistory.listUnfinished(10)).map(j => j.name),
      ).toEqual([]);
      expect(await store.jobHistory.latest('alpha', 'train')).toEqual({
        tenant: 'alpha',
        name: 'train',
        entrypoint: 'python train.py',
        ...ended('2026-12-01T10:00:06.000Z'),
      });
      expect(await store.jobHistory.latest('alpha', 'gone')).toBeUndefined();
    });

    it('lists finished jobs newest first in pages and prunes the old ones', async () => {
      for (const [i, name] of ['a', 'b', 'c'].entries()) {
        await store.jobHistory.track(job(name));
        const [tracked] = await store.jobHistory.listUnfinished(1);
        await store.jobHistory.finish(
          tracked.id,
          ended(`2026-12-0${i + 1}T12:00:00.000Z`),
        );
      }
      const pages = await allPages(cursor =>
        store.jobHistory.list('alpha', { limit: 2, cursor }),
      );
      expect(pages.map(page => page.map(entry => entry.name))).toEqual([
        ['c', 'b'],
        ['a'],
      ]);
      expect(
        (await store.jobHistory.list('bravo', { limit: 2 })).items,
      ).toEqual([]);

      expect(await store.jobHistory.prune('2026-12-02T13:00:00.000Z')).toBe(2);
      expect(
        (await store.jobHistory.list('alpha', { limit: 5 })).items.map(
          entry => entry.name,
        ),
      ).toEqual(['c']);
    });
  });

  describe('profiles', () => {
    it('inserts, reads, updates and deletes a profile', async () => {
      const small = profile({ visibleTo: [ML_TEAMS, ALPHA] });
      await store.profiles.insert(small);
      expect(await store.profiles.get('small')).toEqual({
        ...small,
        visibleTo: [ALPHA, ML_TEAMS],
      });

      const updated = {
        ...small,
        displayName: 'Smaller',
        published: false,
        visibleTo: [],
        updatedAt: '2026-11-24T08:30:00.123Z',
      };
      await store.profiles.update(updated);
      expect(await store.profiles.get('small')).toEqual(updated);

      await store.profiles.delete('small');
      expect(await store.profiles.get('small')).toBeUndefined();
    });

    it('refuses a duplicate name with a ConflictError', async () => {
      await store.profiles.insert(profile());
      await expect(store.profiles.insert(profile())).rejects.toThrow(
        ConflictError,
      );
    });

    it('pages by name with opaque cursors and a total count', async () => {
      for (const name of ['delta', 'alpha', 'echo', 'charlie', 'bravo']) {
        await store.profiles.insert(profile({ name }));
      }
      const first = await store.profiles.list({ limit: 2 });
      expect(first.items.map(p => p.name)).toEqual(['alpha', 'bravo']);
      expect(first.totalCount).toBe(5);

      const pages = await allPages(cursor =>
        store.profiles.list({ limit: 2, cursor }),
      );
      expect(pages.map(page => page.map(p => p.name))).toEqual([
        ['alpha', 'bravo'],
        ['charlie', 'delta'],
        ['echo'],
      ]);
    });

    it('filters by the member conditions like isProfileVisibleTo, lists and gets alike', async () => {
      const profiles = [
        profile({ name: 'everyone' }),
        profile({ name: 'alpha-only', visibleTo: [ALPHA] }),
        profile({ name: 'ml-teams', visibleTo: [ML_TEAMS] }),
        profile({ name: 'draft', published: false }),
        profile({ name: 'platform', visibleTo: ['group:default/platform'] }),
      ];
      for (const p of profiles) {
        await store.profiles.insert(p);
      }
      const audiences = [[], [ALPHA], [ALPHA, ML_TEAMS], [ML_TEAMS]];
      for (const groupRefs of audiences) {
        const filter: ProfileFilter = {
          allOf: [{ published: true }, { visibleToGroups: groupRefs }],
        };
        const page = await store.profiles.list({ limit: 50 }, filter);
        const expected = profiles
          .filter(p => isProfileVisibleTo(p, groupRefs, () => []))
          .map(p => p.name)
          .sort();
        expect(page.items.map(p => p.name)).toEqual(expected);
        expect(page.totalCount).toBe(expected.length);
        for (const p of profiles) {
          expect(Boolean(await store.profiles.get(p.name, filter))).toBe(
            expected.includes(p.name),
          );
        }
      }
      expect(
        (
          await store.profiles.list(
            { limit: 50 },
            { not: { names: ['everyone', 'draft'] } },
          )
        ).items.map(p => p.name),
      ).toEqual(['alpha-only', 'ml-teams', 'platform']);
      expect(
        (await store.profiles.getMany(['draft', 'nope', 'everyone'])).map(
          p => p.name,
        ),
      ).toEqual(['draft', 'everyone']);
    });

    it('answers a cursor it did not make as a page that is not there, naming the field', async () => {
      await expect(
        store.profiles.list({ limit: 2, cursor: 'not-a-cursor' }),
      ).rejects.toThrow(FieldNotFoundError);
      await expect(
        store.profiles.list({ limit: 2, cursor: 'not-a-cursor' }),
      ).rejects.toThrow('cursor: is not a cursor of this list');
    });
  });

  describe('template versions', () => {
    it('orders versions numerically within a name', async () => {
      for (const [name, version] of [
        ['kuberay', '1.10.0'],
        ['kuberay', '1.9.0'],
        ['air-gapped', '2.0.0'],
        ['kuberay', '1.10.0-rc.1'],
        ['kuberay', '1.2.0'],
      ]) {
        await store.templateVersions.insert(templateVersion({ name, version }));
      }
      const pages = await allPages(cursor =>
        store.templateVersions.list({ limit: 2, cursor }),
      );
      expect(pages.flat().map(v => `${v.name}@${v.version}`)).toEqual([
        'air-gapped@2.0.0',
        'kuberay@1.2.0',
        'kuberay@1.9.0',
        'kuberay@1.10.0-rc.1',
        'kuberay@1.10.0',
      ]);
      expect(pages).toHaveLength(3);
    });

    it('stores the whole version and refuses duplicates', async () => {
      const version = templateVersion({
        addons: [MLFLOW_ADDON],
        sharedWith: [ALPHA, ML_TEAMS],
        state: 'published',
      });
      await store.templateVersions.insert(version);
      await store.templateVersions.insert(
        templateVersion({ version: '1.1.0', sharedWith: [PLATFORM] }),
      );
      expect(await store.templateVersions.get(version)).toEqual(version);
      await expect(store.templateVersions.insert(version)).rejects.toThrow(
        ConflictError,
      );
    });

    it('updates state and sharing, and deletes', async () => {
      const key = { name: 'kuberay', version: '1.0.0' };
      await store.templateVersions.insert(
        templateVersion({ sharedWith: [ALPHA] }),
      );
      const later = '2026-12-01T00:00:00.000Z';
      await store.templateVersions.updateState(key, 'published', later);
      await store.templateVersions.updateSharing(key, [ML_TEAMS], later);
      expect(await store.templateVersions.get(key)).toMatchObject({
        state: 'published',
        sharedWith: [ML_TEAMS],
        updatedAt: later,
      });
      await store.templateVersions.delete(key);
      expect(await store.templateVersions.get(key)).toBeUndefined();
      expect(await knex('template_version_sharing')).toEqual([]);
    });

    it('filters by audience like isTemplateVersionVisibleTo', async () => {
      const versions = [
        templateVersion({ version: '1.0.0', state: 'published' }),
        templateVersion({
          version: '1.1.0',
          state: 'published',
          sharedWith: [ALPHA],
        }),
        templateVersion({
          version: '1.2.0',
          state: 'deprecated',
          sharedWith: [ML_TEAMS],
        }),
        templateVersion({
          version: '1.3.0',
          state: 'draft',
          sharedWith: [ALPHA],
        }),
        templateVersion({
          version: '1.4.0',
          state: 'retired',
          sharedWith: [ALPHA],
        }),
      ];
      for (const version of versions) {
        await store.templateVersions.insert(version);
      }
      for (const groupRefs of [[], [ALPHA], [ALPHA, ML_TEAMS], [ML_TEAMS]]) {
        const filter: TemplateVersionFilter = {
          allOf: [
            { states: ['published', 'deprecated'] },
            { sharedWithGroups: groupRefs },
          ],
        };
        const page = await store.templateVersions.list({ limit: 50 }, filter);
        const expected = versions
          .filter(v => isTemplateVersionVisibleTo(v, groupRefs, () => []))
          .map(v => v.version);
        expect(page.items.map(v => v.version)).toEqual(expected);
        expect(page.totalCount).toBe(expected.length);
        for (const v of versions) {
          expect(await store.templateVersions.get(v, filter)).toEqual(
            expected.includes(v.version) ? v : undefined,
          );
        }
      }
    });
  });

  it('upserts host cluster facts', async () => {
    const change = {
      updatedBy: 'user:default/pat.platform',
      updatedAt: '2026-11-23T10:00:00.000Z',
    };
    expect(await store.hostClusterFacts.get('sim')).toBeUndefined();
    await store.hostClusterFacts.upsert('sim', { labels: { a: 'b' } }, change);
    await store.hostClusterFacts.upsert(
      'sim',
      { labels: { a: 'c' }, infrastructure: undefined },
      change,
    );
    expect(await store.hostClusterFacts.get('sim')).toEqual({
      labels: { a: 'c' },
    });
    expect(await store.hostClusterFacts.list()).toEqual(
      new Map([['sim', { labels: { a: 'c' } }]]),
    );
  });

  describe('audit log', () => {
    const entry = (name: string) => ({
      at: '2026-11-23T10:00:00.000Z',
      actor: 'user:default/pat.platform',
      action: 'profile.create' as const,
      target: { kind: 'profile' as const, name },
      after: { name },
    });

    it('lists entries newest first, page by page', async () => {
      for (const name of ['a', 'b', 'c']) {
        await store.auditLog.append(entry(name));
      }
      const pages = await allPages(cursor =>
        store.auditLog.list({ limit: 2, cursor }),
      );
      expect(pages.flat().map(e => e.target.name)).toEqual(['c', 'b', 'a']);
      expect(pages.flat()[0]).toEqual({
        ...entry('c'),
        id: expect.any(String),
      });
      expect(pages.flat()[0]).not.toHaveProperty('before');
    });

    it('rolls back with the change it records', async () => {
      await expect(
        store.transaction(async tx => {
          await tx.profiles.insert(profile());
          await tx.auditLog.append(entry('small'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.profiles.get('small')).toBeUndefined();
      expect((await store.auditLog.list({ limit: 10 })).items).toEqual([]);
    });
  });

  describe('tenants', () => {
    const BRAVO = 'group:default/ml-team-bravo';
    const LATER = '2026-11-24T08:30:00.123Z';

    it('inserts and reads tenants', async () => {
      const alpha = storedTenant({
        conditions: [
          {
            type: 'NamespaceReady',
            status: 'True',
            reason: 'Active',
            message: 'Namespace ray-alpha is active',
            lastTransitionTime: LATER,
          },
        ],
      });
      await store.tenants.insert(alpha);
      await store.tenants.insert(
        storedTenant({ name: 'beta', hostCluster: 'other' }),
      );
      expect(await store.tenants.get('alpha')).toEqual(alpha);
      expect(await store.tenants.get('nope')).toBeUndefined();
      expect(
        (await store.tenants.getMany(['beta', 'nope', 'alpha']))
          .map(t => t.name)
          .sort(),
      ).toEqual(['alpha', 'beta']);
      expect(await store.tenants.getMany([])).toEqual([]);
      expect(
        (await store.tenants.listOnHostCluster('sim')).map(t => t.name),
      ).toEqual(['alpha']);
    });

    it('refuses a taken name, also to concurrent inserts', async () => {
      await store.tenants.insert(storedTenant());
      await expect(store.tenants.insert(storedTenant())).rejects.toThrow(
        new ConflictError('tenant "alpha" already exists'),
      );
      const results = await Promise.allSettled(
        [1, 2].map(() =>
          store.transaction(tx =>
            tx.tenants.insert(storedTenant({ name: 'twin' })),
          ),
        ),
      );
      expect(results.map(r => r.status).sort()).toEqual([
        'fulfilled',
        'rejected',
      ]);
      const rejected = results.find(
        r => r.status === 'rejected',
      ) as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(ConflictError);
    });

    it('lists by name, filtered by permission criteria', async () => {
      for (const [name, owner] of [
        ['d', ALPHA],
        ['a', BRAVO],
        ['c', ALPHA],
        ['b', ML_TEAMS],
      ]) {
        await store.tenants.insert(storedTenant({ name, owner }));
      }
      const names = async (filter?: TenantFilter) =>
        (await store.tenants.list({ limit: 10 }, filter)).items.map(
          t => t.name,
        );
      expect(await names()).toEqual(['a', 'b', 'c', 'd']);
      expect(await names({ owners: [ALPHA] })).toEqual(['c', 'd']);
      expect(await names({ owners: [] })).toEqual([]);
      expect(
        await names({ anyOf: [{ owners: [BRAVO] }, { owners: [ML_TEAMS] }] }),
      ).toEqual(['a', 'b']);
      expect(
        await names({
          allOf: [{ owners: [ALPHA, BRAVO] }, { not: { owners: [BRAVO] } }],
        }),
      ).toEqual(['c', 'd']);
      expect(await names({ not: { owners: [ALPHA] } })).toEqual(['a', 'b']);

      const pages = await allPages(cursor =>
        store.tenants.list({ limit: 1, cursor }, { owners: [ALPHA, BRAVO] }),
      );
      expect(pages.map(page => page.map(t => t.name))).toEqual([
        ['a'],
        ['c'],
        ['d'],
      ]);
      expect(
        (await store.tenants.list({ limit: 1 }, { owners: [ALPHA] }))
          .totalCount,
      ).toBe(2);
    });

    it('bumps the generation with every change of the desired state', async () => {
      await store.tenants.insert(storedTenant());
      const upgraded = await store.tenants.changeSpec('alpha', {
        template: { name: 'kuberay', version: '1.1.0' },
        phase: 'Upgrading',
        updatedAt: LATER,
      });
      expect(upgraded).toMatchObject({
        template: { name: 'kuberay', version: '1.1.0' },
        phase: 'Upgrading',
        generation: 2,
        updatedAt: LATER,
      });
      const deleting = await store.tenants.changeSpec('alpha', {
        deletionRequestedAt: LATER,
        phase: 'Deleting',
        updatedAt: LATER,
      });
      expect(deleting).toMatchObject({
        template: { version: '1.1.0' },
        generation: 3,
        deletionRequestedAt: LATER,
      });
      expect(
        await store.tenants.changeSpec('nope', {
          phase: 'Deleting',
          updatedAt: LATER,
        }),
      ).toBeUndefined();
    });

    it('records a status only for the generation it was observed for', async () => {
      await store.tenants.insert(storedTenant({ generation: 2 }));
      const status = {
        phase: 'Ready' as const,
        conditions: [],
        observedGeneration: 1,
        updatedAt: LATER,
      };
      expect(await store.tenants.updateStatus('alpha', 1, status)).toBe(false);
      expect(
        await store.tenants.updateStatus('alpha', 2, {
          ...status,
          observedGeneration: 2,
        }),
      ).toBe(true);
      expect(await store.tenants.get('alpha')).toMatchObject({
        phase: 'Ready',
        observedGeneration: 2,
        generation: 2,
      });
    });

    it('removes only tenants being deleted, at the generation seen', async () => {
      await store.tenants.insert(storedTenant());
      await store.tenants.insert(
        storedTenant({
          name: 'gone',
          deletionRequestedAt: LATER,
          generation: 2,
        }),
      );
      expect(await store.tenants.delete('alpha', 1)).toBe(false);
      expect(await store.tenants.delete('gone', 1)).toBe(false);
      expect(await store.tenants.delete('gone', 2)).toBe(true);
      expect(await store.tenants.get('gone')).toBeUndefined();
      expect(await store.tenants.get('alpha')).toBeDefined();
    });
  });

  it('counts the tenants using a profile or a template version', async () => {
    await knex('tenants').insert([
      tenantRow({
        name: 't1',
        profile: 'small',
        template: { name: 'kuberay', version: '1.0.0' },
      }),
      tenantRow({
        name: 't2',
        profile: 'small',
        template: { name: 'kuberay', version: '2.0.0' },
      }),
    ]);
    expect(await store.tenants.countUsingProfile('small')).toBe(2);
    expect(await store.tenants.countUsingProfile('large')).toBe(0);
    expect(
      await store.tenants.countUsingTemplateVersion({
        name: 'kuberay',
        version: '1.0.0',
      }),
    ).toBe(1);
  });
});
