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

import { Pool } from '@ray-service/plugin-ray-service-common';
import { useRestartableBackend } from '../../__testUtils__/restartableBackend';
import { poll } from '../../__testUtils__/tenantApi';
import {
  liveNamespaces,
  smallPoolProfile,
  WARM_POOL_TASK,
} from '../../__testUtils__/warmPools';

jest.setTimeout(120_000);

describe('the warm-pool loop after a restart', () => {
  const backends = useRestartableBackend('ray-service-pool-restart-');

  it('converges a pool whose replenishing was interrupted, with nothing orphaned', async () => {
    const first = await backends.start();
    const admin = first.api('admin');
    await admin.put('/profiles/small').send(smallPoolProfile(3));
    await first.scheduler.triggerTask(WARM_POOL_TASK);
    // Killed while its standbys are still provisioning.
    await poll(admin, '/pools', response =>
      response.body.items?.some(
        (p: Pool) => p.profile === 'small' && p.provisioning === 3,
      ),
    );
    await first.backend.stop();
    const rows = await first.knex('tenants').whereNotNull('pool');
    expect(rows).toHaveLength(3);

    const second = await backends.restart();
    const restarted = second.api('admin');
    await second.scheduler.triggerTask(WARM_POOL_TASK);
    await poll(restarted, '/pools', response =>
      response.body.items?.some(
        (p: Pool) =>
          p.profile === 'small' && p.ready === 3 && p.provisioning === 0,
      ),
    );
    // The same three standbys, each with its namespace: none made twice,
    // none left behind.
    const after = await second.knex('tenants').whereNotNull('pool');
    expect(after.map(row => row.name).sort()).toEqual(
      rows.map(row => row.name).sort(),
    );
    expect(liveNamespaces(backends.sim)).toEqual(
      after.map(row => row.namespace).sort(),
    );
    await second.backend.stop();
  });
});
