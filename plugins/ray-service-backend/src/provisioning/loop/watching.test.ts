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

import { admin, useSimPortal } from '../../__testUtils__/testPortal';
import { waitFor } from '../../lib/__testUtils__/waitFor';
import { tenantNamespace } from '../../vocabulary';

jest.setTimeout(60_000);

describe('the reconcile loop, watching its host cluster', () => {
  const on = useSimPortal(() => ({ watch: true }));

  beforeEach(async () => {
    await on.portal.tenants.create(admin, {
      name: 'alpha',
      owner: 'group:default/ml-team-alpha',
      profile: 'small',
      templateVersion: 'kuberay@1.0.0',
      isolation: 'namespace',
      hostCluster: 'sim',
    });
    // the watch events of its own applies and the controllers' status
    // changes bring the passes; the test only waits
    await on.portal.pass();
    await waitFor(
      async () => (await on.portal.tenant('alpha'))?.phase === 'Ready',
    );
  });

  it('lists nothing in a steady pass: the informers hold what exists', async () => {
    await on.portal.pass();
    on.sim.stats.reset();
    for (let i = 0; i < 3; i++) {
      const report = await on.portal.pass();
      expect(report.statusWrites).toBe(0);
      expect(report.result?.stats).toMatchObject({ lists: 0, applies: 0 });
    }
    expect(on.sim.stats.count({ verb: 'list' })).toBe(0);
    expect(on.sim.watches.count()).toBeGreaterThan(0);
  });

  it('applies a NetworkPolicy deleted by hand again from the watch event, without a scheduled pass', async () => {
    const namespace = tenantNamespace('alpha');
    const [policy] = on.sim.objects.list(
      'networking.k8s.io/v1',
      'NetworkPolicy',
      {
        namespace,
      },
    );
    expect(policy).toBeDefined();
    const deleted = await on.portal.clients
      .objectClient('sim')
      .delete(
        'networking.k8s.io/v1',
        'NetworkPolicy',
        namespace,
        policy.metadata.name,
      );
    expect(deleted).toBe(true);
    await waitFor(
      () =>
        on.sim.objects.get(
          'networking.k8s.io/v1',
          'NetworkPolicy',
          namespace,
          policy.metadata.name,
        ) !== undefined,
    );
  });
});
