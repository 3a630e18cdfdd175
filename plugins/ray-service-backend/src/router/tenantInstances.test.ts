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
import {
  Api,
  inPhase,
  pollTenant,
  startTestSim,
  tenantRequest,
} from '../__testUtils__/tenantApi';
import { startTenantBackend } from '../__testUtils__/tenantBackend';
import { INSTANCE_LABEL, PLANNED_KINDS, TENANT_LABEL } from '../vocabulary';

jest.setTimeout(60_000);

/** Two portals, instances `staging` and `prod`, sharing one host cluster. */
describe('several portals on one host cluster', () => {
  let sim: KubeSim;
  const backends: Array<{ stop(): Promise<void> }> = [];
  let staging: Api;
  let prod: Api;

  async function startPortal(instance: string): Promise<Api> {
    const { backend, api } = await startTenantBackend(
      { sim },
      { rayService: { instance } },
    );
    backends.push(backend);
    return api('alpha');
  }

  /** The instance labels of the tenant's objects in the sim. */
  const instancesOf = (tenant: string) =>
    new Set(
      PLANNED_KINDS.filter(kind => kind.kind !== 'HelmChart').flatMap(kind =>
        sim.objects
          .list(kind.apiVersion, kind.kind, {
            labelSelector: { [TENANT_LABEL]: tenant },
          })
          .map(object => object.metadata?.labels?.[INSTANCE_LABEL]),
      ),
    );

  beforeAll(async () => {
    sim = await startTestSim();
    staging = await startPortal('staging');
    prod = await startPortal('prod');
  });
  afterAll(async () => {
    await Promise.all(backends.map(backend => backend.stop()));
    await sim.stop();
  });

  it('keeps each portal to its own tenants', async () => {
    expect(
      (await staging.post('/tenants').send(tenantRequest('alpha'))).status,
    ).toBe(201);
    await pollTenant(staging, 'alpha', inPhase('Ready'));
    expect(instancesOf('alpha')).toEqual(new Set(['staging']));

    // prod provisions and deletes a tenant of its own; its passes see
    // nothing of staging's.
    expect(
      (await prod.post('/tenants').send(tenantRequest('beta'))).status,
    ).toBe(201);
    await pollTenant(prod, 'beta', inPhase('Ready'));
    expect(instancesOf('beta')).toEqual(new Set(['prod']));
    expect((await prod.delete('/tenants/beta')).status).toBe(202);
    await pollTenant(prod, 'beta', r => r.status === 404);
    expect(instancesOf('beta')).toEqual(new Set());

    expect(instancesOf('alpha')).toEqual(new Set(['staging']));
    expect(sim.objects.get('v1', 'Namespace', 'ray-alpha')).toBeDefined();
    const alpha = await staging.get('/tenants/alpha');
    expect(alpha.body.phase).toBe('Ready');
  });

  it("refuses a tenant whose namespace is another portal's", async () => {
    expect(
      (await staging.post('/tenants').send(tenantRequest('gamma'))).status,
    ).toBe(201);
    await pollTenant(staging, 'gamma', inPhase('Ready'));

    const response = await prod.post('/tenants').send(tenantRequest('gamma'));
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe(
      'namespace ray-gamma already exists on host cluster sim and belongs to another portal (instance "staging")',
    );
    expect((await prod.get('/tenants/gamma')).status).toBe(404);
    expect(instancesOf('gamma')).toEqual(new Set(['staging']));
    // Planning has no side effects and does not look.
    expect(
      (await prod.post('/tenants/plan').send(tenantRequest('gamma'))).status,
    ).toBe(200);
  });

  it('refuses a tenant whose namespace no portal manages', async () => {
    sim.objects.put({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'ray-handmade', labels: { team: 'someone' } },
    });
    const response = await prod
      .post('/tenants')
      .send(tenantRequest('handmade'));
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe(
      'namespace ray-handmade already exists on host cluster sim and is not managed by this portal',
    );
    const labels = sim.objects.get('v1', 'Namespace', 'ray-handmade')?.metadata
      ?.labels;
    expect(labels).toMatchObject({ team: 'someone' });
    expect(labels).not.toHaveProperty(INSTANCE_LABEL);
    expect((await prod.get('/tenants/handmade')).status).toBe(404);
  });
});
