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

import { KubeSim } from '@ray-service/kube-sim';
import { Pool } from '@ray-service/plugin-ray-service-common';
import {
  Api,
  poll,
  startTestSim,
  tenantRequest,
} from '../__testUtils__/tenantApi';
import { startTenantBackend } from '../__testUtils__/tenantBackend';
import {
  liveNamespaces,
  smallPoolProfile,
  WARM_POOL_TASK,
} from '../__testUtils__/warmPools';
import { waitFor } from '../lib/__testUtils__/waitFor';
import { OWNER_LABEL, TENANT_LABEL } from '../vocabulary';

jest.setTimeout(120_000);

describe('warm pools', () => {
  let sim: KubeSim;
  let backend: { stop(): Promise<void> };
  let scheduler: { triggerTask(id: string): Promise<void> };
  let admin: Api;
  let alpha: Api;

  /** The `small` profile with a pool of `desiredCapacity` standbys of kuberay@1.0.0. */
  async function setPool(desiredCapacity: number) {
    const response = await admin
      .put('/profiles/small')
      .send(smallPoolProfile(desiredCapacity));
    expect(response.status).toBe(200);
    await scheduler.triggerTask(WARM_POOL_TASK);
  }

  const smallPool = async (): Promise<Pool> =>
    (await admin.get('/pools')).body.items.find(
      (p: Pool) => p.profile === 'small',
    );

  const poolHas = (ready: number, provisioning = 0) =>
    poll(admin, '/pools', response => {
      const pool = response.body.items?.find(
        (p: Pool) => p.profile === 'small',
      );
      return pool?.ready === ready && pool?.provisioning === provisioning;
    });

  const namespaces = () => liveNamespaces(sim);

  beforeAll(async () => {
    sim = await startTestSim();
    const started = await startTenantBackend({ sim });
    backend = started.backend;
    scheduler = started.scheduler;
    admin = started.api('admin');
    alpha = started.api('alpha');
  });
  afterAll(async () => {
    await backend.stop();
    await sim.stop();
  });

  it('fills the pool, hands a Ready standby to a team and refills', async () => {
    await setPool(2);
    await poolHas(2);
    const standbys = namespaces();
    expect(standbys).toHaveLength(2);
    expect(standbys.every(ns => ns.startsWith('ray-wp-'))).toBe(true);
    // Standbys are nobody's: not listed, not readable by teams.
    expect((await admin.get('/tenants')).body.items).toEqual([]);
    expect(
      (await alpha.get(`/tenants/${standbys[0].slice('ray-'.length)}`)).status,
    ).toBe(404);

    // The dry run plans in the standby a create would take, and says so.
    const planned = await alpha
      .post('/tenants/plan')
      .send(tenantRequest('alpha'));
    expect(planned.status).toBe(200);
    expect(planned.body.provisioning).toEqual({ source: 'warmPool' });
    expect(standbys).toContain(planned.body.namespace);
    expect(planned.body.summary[0]).toBe(
      `Instant: a Ready tenant of the warm pool of small becomes yours (namespace ${planned.body.namespace}), if no one claims it first`,
    );
    expect(planned.body.yaml).toContain(`name: ${planned.body.namespace}\n`);
    expect(namespaces()).toEqual(standbys);

    const created = await alpha.post('/tenants').send(tenantRequest('alpha'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'alpha',
      owner: 'group:default/ml-team-alpha',
      phase: 'Ready',
      provisioning: { source: 'warmPool' },
    });
    // The oldest standby goes first, the one the dry run showed.
    expect(created.body.namespace).toBe(planned.body.namespace);
    expect((await alpha.get('/tenants/alpha')).body).toMatchObject({
      phase: 'Ready',
      namespace: created.body.namespace,
    });
    // The tenant's objects move to the team; the key label stays.
    await waitFor(
      () =>
        sim.objects.get('v1', 'Namespace', created.body.namespace)?.metadata
          ?.labels?.[OWNER_LABEL] === 'ml-team-alpha',
      'the namespace labelled for ml-team-alpha',
    );
    expect(
      sim.objects.get('v1', 'Namespace', created.body.namespace)?.metadata
        ?.labels?.[TENANT_LABEL],
    ).toBe(created.body.namespace.slice('ray-'.length));

    // The claim triggers a pass: the pool refills on its own.
    await poolHas(2);
    expect(namespaces()).toHaveLength(3);
    expect((await alpha.get('/tenants/alpha')).body.phase).toBe('Ready');

    const audit = await admin.get('/audit?limit=100');
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'tenant.claim',
          actor: 'user:default/alice.alpha',
          target: { kind: 'tenant', name: 'alpha' },
        }),
        expect.objectContaining({
          action: 'pool.add',
          target: expect.objectContaining({ kind: 'pool' }),
        }),
      ]),
    );
    expect((await alpha.get('/pools/availability')).body.items).toEqual([
      { profile: 'small', templateVersion: 'kuberay@1.0.0', instant: true },
    ]);
  });

  it('falls back to on demand and says why', async () => {
    const other = await alpha
      .post('/tenants')
      .send(tenantRequest('bravo', { templateVersion: 'kuberay@1.1.0' }));
    expect(other.status).toBe(201);
    expect(other.body).toMatchObject({
      phase: 'Pending',
      namespace: 'ray-bravo',
      provisioning: {
        source: 'onDemand',
        reason:
          'the warm pool of small keeps kuberay@1.0.0 ready; this tenant asks for kuberay@1.1.0 (vcluster)',
      },
    });

    // The standbys go; alpha, claimed from the pool, stays in its namespace.
    const alphaNamespace = (await alpha.get('/tenants/alpha')).body.namespace;
    await setPool(0);
    await poll(admin, '/pools', () =>
      namespaces().every(
        ns => !ns.startsWith('ray-wp-') || ns === alphaNamespace,
      ),
    );
    expect(namespaces()).toContain(alphaNamespace);
    expect((await alpha.get('/tenants/alpha')).body.phase).toBe('Ready');
    // A dry run says so too, and counts no miss.
    const plannedEmpty = await alpha
      .post('/tenants/plan')
      .send(tenantRequest('charlie'));
    expect(plannedEmpty.body).toMatchObject({
      namespace: 'ray-charlie',
      provisioning: {
        source: 'onDemand',
        reason: 'the warm pool of small has no ready tenant',
      },
    });
    expect(plannedEmpty.body.summary[0]).toBe(
      'Provisioned on demand: the warm pool of small has no ready tenant',
    );
    const empty = await alpha.post('/tenants').send(tenantRequest('charlie'));
    expect(empty.body).toMatchObject({
      phase: 'Pending',
      provisioning: {
        source: 'onDemand',
        reason: 'the warm pool of small has no ready tenant',
      },
    });
    expect(await smallPool()).toMatchObject({
      desiredNow: 0,
      ready: 0,
      claims24h: 1,
      misses24h: 2,
      hitRatio: 1 / 3,
    });
    expect(
      (await admin.get('/pools/small/history')).body.items.length,
    ).toBeGreaterThan(0);
  });

  it('keeps pools to admins and pool names to pools', async () => {
    expect((await alpha.get('/pools')).status).toBe(403);
    expect((await alpha.get('/pools/small/history')).status).toBe(403);
    const reserved = await alpha.post('/tenants').send(tenantRequest('wp-x'));
    expect(reserved.status).toBe(400);
    expect(reserved.body.details).toEqual([
      {
        field: 'name',
        message:
          'must not start with "wp-": such names are kept for warm-pool standbys',
      },
    ]);
  });
});
