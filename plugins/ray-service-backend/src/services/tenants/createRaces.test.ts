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

import { TestDatabaseId } from '@backstage/backend-test-utils';
import { KubeSim } from '@ray-service/kube-sim';
import fc from 'fast-check';
import { Knex } from 'knex';
import request from 'supertest';
import { storeTestDatabases } from '../../__testUtils__/databases';
import { profileInput, templateDocument } from '../../__testUtils__/fixtures';
import {
  Api,
  startTestSim,
  tenantRequest,
} from '../../__testUtils__/tenantApi';
import { startTenantBackend } from '../../__testUtils__/tenantBackend';

jest.setTimeout(600_000);

const { databases, ids } = storeTestDatabases();

const RUNS = 200;
const CREATES_PER_RUN = 3;

/** The admin changes that can invalidate a create running at the same time. */
const ADMIN_CHANGES = [
  'deleteProfile',
  'unpublishProfile',
  'hideProfile',
  'retireVersion',
  'deprecateVersion',
  'unshareVersion',
] as const;
type AdminChange = (typeof ADMIN_CHANGES)[number];

/**
 * One interleaving: the change starts once `changeAfter` creates have been
 * answered, then after `changeDelay` turns of the event loop; each create
 * waits its own turns before it is sent.
 */
const interleaving = fc.record({
  change: fc.constantFrom(...ADMIN_CHANGES),
  changeAfter: fc.nat({ max: CREATES_PER_RUN - 1 }),
  changeDelay: fc.nat({ max: 30 }),
  createDelays: fc.array(fc.nat({ max: 30 }), {
    minLength: CREATES_PER_RUN,
    maxLength: CREATES_PER_RUN,
  }),
});

const turns = async (count: number) => {
  for (let i = 0; i < count; i++) {
    await new Promise(resolve => setImmediate(resolve));
  }
};

interface Names {
  profile: string;
  template: string;
  version: string;
  tenants: string[];
}

/** A tenant of 10 millicores: thousands fit the sim, so capacity refuses none. */
const TINY = [{ cpu: '10m', memory: '16Mi', storage: '16Mi' }];

function changeOf(admin: Api, change: AdminChange, names: Names) {
  const profile = profileInput({ name: names.profile, resources: TINY });
  const version = `/templates/${names.template}@${names.version}`;
  switch (change) {
    case 'deleteProfile':
      return admin.delete(`/profiles/${names.profile}`);
    case 'unpublishProfile':
      return admin
        .put(`/profiles/${names.profile}`)
        .send({ ...profile, published: false });
    case 'hideProfile':
      return admin
        .put(`/profiles/${names.profile}`)
        .send({ ...profile, visibleTo: ['group:default/ml-team-bravo'] });
    case 'retireVersion':
      return admin.post(`${version}/retire`);
    case 'deprecateVersion':
      return admin.post(`${version}/deprecate`);
    default:
      return admin
        .put(`${version}/sharing`)
        .send({ sharedWith: ['group:default/ml-team-bravo'] });
  }
}

interface AuditRow {
  id: number;
  action: string;
  target_name: string;
  after: string | null;
}

/**
 * Whether the audit log, in commit order, shows a tenant created on the
 * profile or version after the change that forbids it. The change holds
 * their row, so a create's entry is written either entirely before the
 * change's or after it and then refused.
 */
async function createdAfterChange(
  knex: Knex,
  change: AdminChange,
  names: Names,
): Promise<string[]> {
  const rows: AuditRow[] = await knex('audit_log')
    .whereIn('target_name', [
      names.profile,
      `${names.template}@${names.version}`,
      ...names.tenants,
    ])
    .orderBy('id');
  const changeAction = change.endsWith('Profile') ? 'profile.' : 'template.';
  const changeAt = rows.findIndex(
    row =>
      row.action.startsWith(changeAction) &&
      !['profile.create', 'template.import'].includes(row.action),
  );
  if (changeAt < 0) {
    return [];
  }
  return rows
    .slice(changeAt + 1)
    .filter(row => row.action === 'tenant.create')
    .map(row => row.target_name);
}

describe.each(ids)('creates racing admin changes on %s', databaseId => {
  let sim: KubeSim;
  let knex: Knex;
  let admin: Api;
  let alpha: Api;

  beforeAll(async () => {
    sim = await startTestSim();
    knex = await databases.init(databaseId as TestDatabaseId);
    const { api } = await startTenantBackend(
      { sim },
      { knex, rayService: { reconcile: { enabled: false } } },
    );
    admin = api('admin');
    alpha = api('alpha');
  });
  afterAll(async () => {
    await sim.stop();
  });

  it(`leaves no tenant on a deleted profile or a retired version in ${RUNS} interleavings`, async () => {
    let run = 0;
    const outcomes = { created: 0, refusedInTransaction: 0, changed: 0 };
    await fc.assert(
      fc.asyncProperty(interleaving, async plan => {
        const { change, changeAfter, changeDelay, createDelays } = plan;
        run++;
        const names: Names = {
          profile: `race-${run}`,
          template: 'race',
          version: `1.${run}.0`,
          tenants: createDelays.map((_, i) => `race-${run}-${i}`),
        };
        await expectStatus(
          admin
            .post('/profiles')
            .send(profileInput({ name: names.profile, resources: TINY })),
          201,
        );
        await expectStatus(
          admin.post('/templates').send(
            templateDocument({
              name: names.template,
              version: names.version,
              spec: { state: 'published', sharedWith: ['ml-teams'] },
            }),
          ),
          201,
        );
        let answered = 0;
        let startChange: () => void = () => {};
        const changeMayStart = new Promise<void>(resolve => {
          startChange = resolve;
        });
        const creates = names.tenants.map(async (tenant, i) => {
          await turns(createDelays[i]);
          const response = await alpha.post('/tenants').send(
            tenantRequest(tenant, {
              profile: names.profile,
              templateVersion: `${names.template}@${names.version}`,
            }),
          );
          if (++answered === changeAfter) {
            startChange();
          }
          return response;
        });
        const adminChange = (async () => {
          if (changeAfter > 0) {
            await changeMayStart;
          }
          await turns(changeDelay);
          return changeOf(admin, change, names);
        })();
        const [changed, ...created] = await Promise.all([
          adminChange,
          ...creates,
        ]);

        expect([200, 204, 409]).toContain(changed.status);
        for (const response of created) {
          // 404: its profile was deleted first; 409: its version retired first, or refused in its transaction.
          expect([201, 404, 409]).toContain(response.status);
          if (
            response.status === 409 &&
            /was not created/.test(response.body.error.message)
          ) {
            outcomes.refusedInTransaction++;
          }
        }
        outcomes.created += created.filter(r => r.status === 201).length;
        if (changed.status < 300) {
          outcomes.changed++;
        }
        await expectInvariants(knex);
        expect(await createdAfterChange(knex, change, names)).toEqual([]);
      }),
      { numRuns: RUNS, seed: 14 },
    );
    // eslint-disable-next-line no-console
    console.info(
      `${databaseId}: ${run} interleavings, ${outcomes.changed} admin changes applied, ${outcomes.created} tenants created, ${outcomes.refusedInTransaction} creates refused inside their transaction`,
    );
    expect(run).toBe(RUNS);
  });
});

async function expectStatus(test: request.Test, status: number) {
  const response = await test;
  expect({ status: response.status, body: response.body }).toMatchObject({
    status,
  });
}

/** No tenant on a profile that does not exist or on a retired version. */
async function expectInvariants(knex: Knex) {
  const orphans = await knex('tenants')
    .leftJoin('compute_profiles', 'tenants.profile', 'compute_profiles.name')
    .whereNull('compute_profiles.name')
    .select('tenants.name');
  expect(orphans).toEqual([]);
  const onRetired = await knex('tenants')
    .join('template_versions', function onVersion() {
      this.on('tenants.template_name', 'template_versions.name').andOn(
        'tenants.template_version',
        'template_versions.version',
      );
    })
    .where('template_versions.state', 'retired')
    .select('tenants.name');
  expect(onRetired).toEqual([]);
}
