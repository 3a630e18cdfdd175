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

import { ComputeProfile } from '@ray-service/plugin-ray-service-common';
import { Server } from 'node:http';
import { Knex } from 'knex';
import request from 'supertest';
import { profileInput, tenantRow } from '../__testUtils__/fixtures';
import {
  callers,
  startRayServiceTestBackend,
} from '../__testUtils__/testBackend';

const BASE = '/api/ray-service/profiles';

describe('/profiles', () => {
  let server: Server;
  let knex: Knex;

  beforeEach(async () => {
    ({ server, knex } = await startRayServiceTestBackend());
  });

  const create = (body: object) =>
    request(server).post(BASE).set('Authorization', callers.admin).send(body);

  it('creates a profile (201) and reads it back', async () => {
    const created = await create(
      profileInput({ visibleTo: ['ml-teams', 'group:default/ml-team-alpha'] }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'small',
      visibleTo: ['group:default/ml-team-alpha', 'group:default/ml-teams'],
      createdBy: 'user:default/pat.platform',
    });

    const read = await request(server)
      .get(`${BASE}/small`)
      .set('Authorization', callers.admin);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('answers 400 naming the field and reason', async () => {
    const response = await create(
      profileInput({
        resources: [{ cpu: 'lots', memory: '1Gi', storage: '1Gi' }],
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { name: 'InputError' },
      request: { method: 'POST', url: BASE },
      response: { statusCode: 400 },
      details: [
        { field: 'resources.0.cpu', message: expect.stringContaining('lots') },
      ],
    });
  });

  it.each(['create', 'update'])(
    'answers 422 on %s for a warm pool on a template version that does not exist',
    async write => {
      const body = profileInput({
        allocation: {
          strategy: 'warmPool',
          desiredCapacity: 1,
          timezone: 'UTC',
          templateVersion: 'kuberay@9.9.9',
        },
      });
      if (write === 'update') {
        await create(profileInput());
      }
      // On an update a 404 would say the profile is missing; it is there.
      const response =
        write === 'create'
          ? await create(body)
          : await request(server)
              .put(`${BASE}/small`)
              .set('Authorization', callers.admin)
              .send(body);
      expect(response.status).toBe(422);
      expect(response.body.details).toEqual([
        {
          field: 'allocation.templateVersion',
          message: 'template version kuberay@9.9.9 does not exist',
        },
      ]);
    },
  );

  it('answers 422 for partitioning of a GPU model no resource group uses', async () => {
    const response = await create(
      profileInput({ partitioning: { L4: { mode: 'whole' } } }),
    );
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      {
        field: 'partitioning.L4',
        message: expect.stringContaining('no resource group uses L4'),
      },
    ]);
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await request(server)
      .post(BASE)
      .set('Authorization', callers.admin)
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(response.status).toBe(400);
    expect(response.body.details[0].message).toMatch(/not valid JSON/);
  });

  it('answers 409 for a duplicate name', async () => {
    await create(profileInput());
    const response = await create(profileInput());
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain('already exists');
  });

  it('updates a profile, keeping its creation', async () => {
    const created = await create(profileInput());
    const response = await request(server)
      .put(`${BASE}/small`)
      .set('Authorization', callers.admin)
      .send(profileInput({ displayName: 'Tiny', published: false }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      displayName: 'Tiny',
      published: false,
      createdAt: created.body.createdAt,
    });
  });

  it('refuses to rename on PUT (409) and answers 404 for a missing profile', async () => {
    await create(profileInput());
    const rename = await request(server)
      .put(`${BASE}/small`)
      .set('Authorization', callers.admin)
      .send(profileInput({ name: 'other' }));
    expect(rename.status).toBe(409);
    expect(rename.body.details).toEqual([
      { field: 'name', message: expect.stringContaining('cannot be renamed') },
    ]);

    const missing = await request(server)
      .put(`${BASE}/nope`)
      .set('Authorization', callers.admin)
      .send(profileInput({ name: 'nope' }));
    expect(missing.status).toBe(404);
  });

  it('deletes a profile (204), refusing while a tenant uses it (409)', async () => {
    await create(profileInput());
    await knex('tenants').insert(
      tenantRow({
        name: 'alpha-dev',
        profile: 'small',
        template: { name: 'kuberay', version: '1.0.0' },
      }),
    );
    const refused = await request(server)
      .delete(`${BASE}/small`)
      .set('Authorization', callers.admin);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('1 tenant uses it');

    await knex('tenants').delete();
    const deleted = await request(server)
      .delete(`${BASE}/small`)
      .set('Authorization', callers.admin);
    expect(deleted.status).toBe(204);
    const gone = await request(server)
      .delete(`${BASE}/small`)
      .set('Authorization', callers.admin);
    expect(gone.status).toBe(404);
  });

  it('pages the list with limit and cursor', async () => {
    for (const name of ['a', 'b', 'c']) {
      await create(profileInput({ name }));
    }
    const list = (query: object) =>
      request(server)
        .get(BASE)
        .query(query)
        .set('Authorization', callers.admin);

    const first = await list({ limit: 2 });
    expect(first.body.items.map((p: ComputeProfile) => p.name)).toEqual([
      'a',
      'b',
    ]);
    expect(first.body.totalCount).toBe(3);
    const second = await list({ limit: 2, cursor: first.body.nextCursor });
    expect(second.body.items.map((p: ComputeProfile) => p.name)).toEqual(['c']);
    expect(second.body).not.toHaveProperty('nextCursor');

    const badLimit = await list({ limit: 501 });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.details).toEqual([
      { field: 'limit', message: 'must be a whole number from 1 to 500' },
    ]);
    const badCursor = await list({ cursor: 'garbage' });
    expect(badCursor.status).toBe(404);
    expect(badCursor.body.details[0].field).toBe('cursor');
  });

  it('shows plain users only published profiles visible to their groups', async () => {
    await create(profileInput({ name: 'everyone' }));
    await create(profileInput({ name: 'ml', visibleTo: ['ml-teams'] }));
    await create(profileInput({ name: 'bravo', visibleTo: ['ml-team-bravo'] }));
    await create(profileInput({ name: 'hidden', published: false }));

    const list = await request(server)
      .get(BASE)
      .set('Authorization', callers.alpha);
    expect(list.body.items.map((p: ComputeProfile) => p.name)).toEqual([
      'everyone',
      'ml',
    ]);
    expect(list.body.totalCount).toBe(2);

    const hidden = await request(server)
      .get(`${BASE}/bravo`)
      .set('Authorization', callers.alpha);
    expect(hidden.status).toBe(404);
    const visible = await request(server)
      .get(`${BASE}/ml`)
      .set('Authorization', callers.alpha);
    expect(visible.status).toBe(200);
  });
});
