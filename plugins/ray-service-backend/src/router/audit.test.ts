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

import { AuditEntry } from '@ray-service/plugin-ray-service-common';
import { Server } from 'node:http';
import request from 'supertest';
import { profileInput, templateDocument } from '../__testUtils__/fixtures';
import {
  callers,
  startRayServiceTestBackend,
} from '../__testUtils__/testBackend';

describe('/audit', () => {
  let server: Server;

  beforeEach(async () => {
    ({ server } = await startRayServiceTestBackend());
  });

  it('records every admin change with actor, before and after, newest first', async () => {
    const api = (authorization: string) => ({
      post: (path: string, body?: object) =>
        request(server)
          .post(`/api/ray-service${path}`)
          .set('Authorization', authorization)
          .send(body),
      put: (path: string, body: object) =>
        request(server)
          .put(`/api/ray-service${path}`)
          .set('Authorization', authorization)
          .send(body),
    });
    const admin = api(callers.admin);
    const automation = api(callers.service);

    await admin.post('/profiles', profileInput());
    await admin.put('/profiles/small', profileInput({ displayName: 'Tiny' }));
    await automation.post('/templates', templateDocument());
    await automation.post('/templates/kuberay@1.0.0/publish');

    const response = await request(server)
      .get('/api/ray-service/audit')
      .set('Authorization', callers.admin);
    expect(response.status).toBe(200);
    const entries: AuditEntry[] = response.body.items;
    expect(
      entries.map(e => [e.action, e.target.kind, e.target.name, e.actor]),
    ).toEqual([
      [
        'template.publish',
        'template',
        'kuberay@1.0.0',
        'service:external:automation',
      ],
      [
        'template.import',
        'template',
        'kuberay@1.0.0',
        'service:external:automation',
      ],
      ['profile.update', 'profile', 'small', 'user:default/pat.platform'],
      ['profile.create', 'profile', 'small', 'user:default/pat.platform'],
    ]);
    expect(entries[0]).toMatchObject({
      before: { state: 'draft' },
      after: { state: 'published' },
    });
    expect(entries[2]).toMatchObject({
      before: { displayName: 'Small' },
      after: { displayName: 'Tiny' },
    });
    expect(entries[3]).not.toHaveProperty('before');
    expect(response.body.totalCount).toBe(4);
  });

  it('does not record refused changes', async () => {
    await request(server)
      .post('/api/ray-service/profiles')
      .set('Authorization', callers.admin)
      .send(profileInput());
    await request(server)
      .post('/api/ray-service/profiles')
      .set('Authorization', callers.admin)
      .send(profileInput());
    const response = await request(server)
      .get('/api/ray-service/audit')
      .set('Authorization', callers.admin);
    expect(response.body.items).toHaveLength(1);
  });
});
