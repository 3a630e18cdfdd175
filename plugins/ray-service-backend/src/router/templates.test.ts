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

import { TemplateVersion } from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { stringify } from 'yaml';
import { templateDocument, tenantRow } from '../__testUtils__/fixtures';
import {
  callers,
  startRayServiceTestBackend,
} from '../__testUtils__/testBackend';

const BASE = '/api/ray-service/templates';

describe('/templates', () => {
  let server: Server;
  let knex: Knex;

  beforeEach(async () => {
    ({ server, knex } = await startRayServiceTestBackend());
  });

  const importJson = (document: object) =>
    request(server)
      .post(BASE)
      .set('Authorization', callers.admin)
      .send(document);
  const post = (path: string) =>
    request(server).post(`${BASE}/${path}`).set('Authorization', callers.admin);
  const refs = (body: { items: TemplateVersion[] }) =>
    body.items.map(v => `${v.name}@${v.version}`);

  it.each(['application/yaml', 'text/yaml'])(
    'imports a YAML document sent as %s (201)',
    async contentType => {
      const response = await request(server)
        .post(BASE)
        .set('Authorization', callers.admin)
        .set('Content-Type', contentType)
        .send(
          stringify(templateDocument({ spec: { sharedWith: ['ml-teams'] } })),
        );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        name: 'kuberay',
        version: '1.0.0',
        state: 'draft',
        sharedWith: ['group:default/ml-teams'],
        createdBy: 'user:default/pat.platform',
      });
    },
  );

  it('imports a JSON document and reads it back', async () => {
    const created = await importJson(templateDocument());
    expect(created.status).toBe(201);
    const read = await request(server)
      .get(`${BASE}/kuberay@1.0.0`)
      .set('Authorization', callers.admin);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('answers 409 for a duplicate name@version', async () => {
    await importJson(templateDocument());
    const response = await importJson(templateDocument());
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain(
      'kuberay@1.0.0 already exists',
    );
  });

  it('answers 400 for malformed YAML and invalid documents', async () => {
    const malformed = await request(server)
      .post(BASE)
      .set('Authorization', callers.admin)
      .set('Content-Type', 'application/yaml')
      .send('spec: [unclosed');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].message).toMatch(/not valid YAML/);

    const invalid = await importJson(
      templateDocument({ spec: { rayVersion: 'latest', tls: true } as object }),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual(
      expect.arrayContaining([
        {
          field: 'spec.rayVersion',
          message: expect.stringContaining('semantic version'),
        },
        { field: 'spec.tls', message: 'is not a known field' },
      ]),
    );
  });

  it('answers 400 for an invalid name@version and 404 for a missing one', async () => {
    const invalid = await request(server)
      .get(`${BASE}/Kuberay@one`)
      .set('Authorization', callers.admin);
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: { field: string }) => d.field)).toEqual(
      ['name', 'version'],
    );
    const missing = await request(server)
      .get(`${BASE}/kuberay@9.9.9`)
      .set('Authorization', callers.admin);
    expect(missing.status).toBe(404);
  });

  it('moves a version through its lifecycle', async () => {
    await importJson(templateDocument());
    expect((await post('kuberay@1.0.0/publish')).body.state).toBe('published');
    expect((await post('kuberay@1.0.0/deprecate')).body.state).toBe(
      'deprecated',
    );
    expect((await post('kuberay@1.0.0/publish')).body.state).toBe('published');

    const again = await post('kuberay@1.0.0/publish');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('already published');

    expect((await post('kuberay@1.0.0/retire')).body.state).toBe('retired');
    const final = await post('kuberay@1.0.0/publish');
    expect(final.status).toBe(409);
    expect(final.body.error.message).toContain('final');
  });

  it('refuses to retire a version tenants use, saying how many (409)', async () => {
    await importJson(templateDocument({ spec: { state: 'published' } }));
    await knex('tenants').insert(
      ['t1', 't2'].map(name =>
        tenantRow({
          name,
          profile: 'small',
          template: { name: 'kuberay', version: '1.0.0' },
        }),
      ),
    );
    const response = await post('kuberay@1.0.0/retire');
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain(
      '2 tenants still use this version',
    );
    expect((await post('kuberay@1.0.0/deprecate')).status).toBe(200);
  });

  it('answers 404 for unknown actions and missing versions', async () => {
    await importJson(templateDocument());
    expect((await post('kuberay@1.0.0/explode')).status).toBe(404);
    expect((await post('kuberay@2.0.0/publish')).status).toBe(404);
  });

  it('replaces the sharing, validating group refs', async () => {
    await importJson(templateDocument());
    const shared = await request(server)
      .put(`${BASE}/kuberay@1.0.0/sharing`)
      .set('Authorization', callers.admin)
      .send({ sharedWith: ['ml-team-bravo', 'group:default/ML-Teams'] });
    expect(shared.status).toBe(200);
    expect(shared.body.sharedWith).toEqual([
      'group:default/ml-team-bravo',
      'group:default/ml-teams',
    ]);

    const invalid = await request(server)
      .put(`${BASE}/kuberay@1.0.0/sharing`)
      .set('Authorization', callers.admin)
      .send({ sharedWith: ['user:default/alice.alpha'] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details[0].field).toBe('sharedWith.0');
  });

  it('deletes drafts only', async () => {
    await importJson(templateDocument({ version: '1.0.0' }));
    await importJson(
      templateDocument({ version: '2.0.0', spec: { state: 'published' } }),
    );
    const refused = await request(server)
      .delete(`${BASE}/kuberay@2.0.0`)
      .set('Authorization', callers.admin);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('retire the version instead');

    const deleted = await request(server)
      .delete(`${BASE}/kuberay@1.0.0`)
      .set('Authorization', callers.admin);
    expect(deleted.status).toBe(204);
    expect(
      (
        await request(server)
          .get(`${BASE}/kuberay@1.0.0`)
          .set('Authorization', callers.admin)
      ).status,
    ).toBe(404);
  });

  it('lists by name, then version numerically, page by page', async () => {
    for (const version of ['1.10.0', '1.2.0', '1.9.0']) {
      await importJson(templateDocument({ version }));
    }
    await importJson(templateDocument({ name: 'air-gapped' }));
    const first = await request(server)
      .get(BASE)
      .query({ limit: 3 })
      .set('Authorization', callers.admin);
    expect(refs(first.body)).toEqual([
      'air-gapped@1.0.0',
      'kuberay@1.2.0',
      'kuberay@1.9.0',
    ]);
    expect(first.body.totalCount).toBe(4);
    const second = await request(server)
      .get(BASE)
      .query({ limit: 3, cursor: first.body.nextCursor })
      .set('Authorization', callers.admin);
    expect(refs(second.body)).toEqual(['kuberay@1.10.0']);
  });

  it('shows plain users published and deprecated versions shared with their groups or ancestors', async () => {
    const shared = (version: string, state: string, sharedWith: string[]) =>
      importJson(templateDocument({ version, spec: { sharedWith } }))
        .then(() =>
          state === 'draft' ? undefined : post(`kuberay@${version}/publish`),
        )
        .then(() =>
          state === 'deprecated'
            ? post(`kuberay@${version}/deprecate`)
            : undefined,
        );
    await shared('1.0.0', 'published', ['ml-teams']);
    await shared('1.1.0', 'deprecated', ['ml-team-alpha']);
    await shared('1.2.0', 'published', ['ml-team-bravo']);
    await shared('1.3.0', 'draft', ['ml-teams']);
    await shared('1.4.0', 'published', []);

    const alpha = await request(server)
      .get(BASE)
      .set('Authorization', callers.alpha);
    expect(refs(alpha.body)).toEqual(['kuberay@1.0.0', 'kuberay@1.1.0']);
    const bravo = await request(server)
      .get(BASE)
      .set('Authorization', callers.bravo);
    expect(refs(bravo.body)).toEqual(['kuberay@1.0.0', 'kuberay@1.2.0']);

    for (const version of ['1.2.0', '1.3.0', '1.4.0']) {
      const hidden = await request(server)
        .get(`${BASE}/kuberay@${version}`)
        .set('Authorization', callers.alpha);
      expect(hidden.status).toBe(404);
    }
  });
});
