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

import {
  inPhase,
  pollTenant,
  tenantRequest,
} from '../../__testUtils__/tenantApi';
import { useRestartableBackend } from '../../__testUtils__/restartableBackend';

jest.setTimeout(60_000);

describe('the reconcile loop after a restart', () => {
  const backends = useRestartableBackend('ray-service-restart-');

  it('converges a tenant whose provisioning was interrupted', async () => {
    const first = await backends.start();
    const admin = first.api('admin');
    const created = await admin.post('/tenants').send(tenantRequest('phoenix'));
    expect(created.status).toBe(201);
    await pollTenant(admin, 'phoenix', inPhase('Provisioning'));
    await first.backend.stop();
    const [row] = await first.knex('tenants').where({ name: 'phoenix' });
    expect(row.phase).toBe('Provisioning');

    const second = await backends.restart();
    const ready = await pollTenant(
      second.api('admin'),
      'phoenix',
      inPhase('Ready'),
    );
    expect(ready.body).toMatchObject({ generation: 1, observedGeneration: 1 });
    await second.backend.stop();
  });
});
