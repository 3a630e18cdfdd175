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
import request from 'supertest';
import { profileInput } from '../../../__testUtils__/fixtures';
import {
  Api,
  inPhase,
  pollTenant,
  startTestSim,
  tenantRequest,
} from '../../../__testUtils__/tenantApi';
import { startTenantBackend } from '../../../__testUtils__/tenantBackend';

jest.setTimeout(60_000);

/**
 * One H100-80GB as two 3g.40gb MIG slices. The well-equipped sim has four
 * such slices (one H100 node partitioned with MIG), so exactly two tenants
 * of this profile fit.
 */
const MIG_PROFILE = profileInput({
  name: 'h100-half',
  displayName: 'Half an H100',
  description: 'two 3g.40gb MIG slices',
  resources: [
    {
      cpu: '8',
      memory: '32Gi',
      storage: '100Gi',
      gpuModel: 'H100-80GB',
      gpuCount: 1,
    },
  ],
  partitioning: { 'H100-80GB': { mode: 'mig', profile: '3g.40gb' } },
});
const FITTING = 2;

const SLICES_SHORT = 'nvidia.com/mig-3g.40gb: needs 2, 0 free';

function create(api: Api, name: string, hostCluster: string) {
  return api
    .post('/tenants')
    .send(tenantRequest(name, { profile: MIG_PROFILE.name, hostCluster }));
}

function refusal(response: request.Response): string {
  return (response.body as { error: { message: string } }).error.message;
}

/** A backend on `clusters` whose catalog also has MIG_PROFILE; answers as alpha. */
async function startBackend(
  clusters: Record<string, KubeSim>,
  rayService: object = {},
): Promise<Api> {
  const { api } = await startTenantBackend(clusters, { rayService });
  const response = await api('admin').post('/profiles').send(MIG_PROFILE);
  expect(response.status).toBe(201);
  return api('alpha');
}

describe('capacity on create, before the reconcile loop applies quotas', () => {
  let sequentialSim: KubeSim;
  let concurrentSim: KubeSim;
  let alpha: Api;

  const quotasOn = (sim: KubeSim) => sim.objects.list('v1', 'ResourceQuota');

  beforeAll(async () => {
    [sequentialSim, concurrentSim] = await Promise.all([
      startTestSim(),
      startTestSim(),
    ]);
    alpha = await startBackend(
      { sequential: sequentialSim, concurrent: concurrentSim },
      // Nothing reaches the clusters: every tenant stays unprovisioned.
      { reconcile: { enabled: false } },
    );
  });
  afterAll(async () => {
    await Promise.all([sequentialSim.stop(), concurrentSim.stop()]);
  });

  it('refuses the overflow of sequential creates', async () => {
    for (let i = 1; i <= FITTING; i++) {
      const created = await create(alpha, `seq-${i}`, 'sequential');
      expect(created.status).toBe(201);
      expect(created.body.phase).toBe('Pending');
    }
    const message = `tenant "seq-3" cannot go on host cluster sequential: not enough capacity (${SLICES_SHORT}; 2 tenants not yet provisioned hold nvidia.com/mig-3g.40gb 4)`;
    const overflow = await create(alpha, 'seq-3', 'sequential');
    expect(overflow.status).toBe(409);
    expect(refusal(overflow)).toBe(message);
    const planned = await alpha.post('/tenants/plan').send(
      tenantRequest('seq-3', {
        profile: MIG_PROFILE.name,
        hostCluster: 'sequential',
      }),
    );
    expect(planned.status).toBe(409);
    expect(refusal(planned)).toBe(message);
    expect((await alpha.get('/tenants/seq-3')).status).toBe(404);
    // The cluster itself still has all four slices free.
    expect(quotasOn(sequentialSim)).toEqual([]);

    // A tenant deleted before its quota landed holds nothing any more.
    expect((await alpha.delete('/tenants/seq-1')).status).toBe(202);
    expect((await create(alpha, 'seq-3', 'sequential')).status).toBe(201);
    const again = await create(alpha, 'seq-4', 'sequential');
    expect(again.status).toBe(409);
    expect(refusal(again)).toContain(
      `${SLICES_SHORT}; 2 tenants not yet provisioned hold`,
    );
  });

  it(`lets exactly ${FITTING} of ${
    FITTING + 1
  } concurrent creates through`, async () => {
    const responses = await Promise.all(
      Array.from({ length: FITTING + 1 }, (_, i) =>
        create(alpha, `con-${i + 1}`, 'concurrent'),
      ),
    );
    expect(responses.map(r => r.status).sort()).toEqual([201, 201, 409]);
    const refused = responses.find(r => r.status === 409)!;
    expect(refusal(refused)).toContain(
      `not enough capacity (${SLICES_SHORT}; 2 tenants not yet provisioned hold nvidia.com/mig-3g.40gb 4)`,
    );
    const tenants = await alpha.get('/tenants');
    expect(
      tenants.body.items
        .filter((t: { hostCluster: string }) => t.hostCluster === 'concurrent')
        .map((t: { name: string }) => t.name),
    ).toHaveLength(FITTING);
    expect(quotasOn(concurrentSim)).toEqual([]);
  });
});

describe('capacity on create, with the reconcile loop running', () => {
  let sim: KubeSim;
  let alpha: Api;

  const quotaNamespaces = () =>
    sim.objects
      .list('v1', 'ResourceQuota')
      .map(quota => quota.metadata.namespace)
      .sort();

  beforeAll(async () => {
    sim = await startTestSim();
    alpha = await startBackend({ sim });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('counts a tenant once: pending until its quota lands, then by the quota', async () => {
    expect((await create(alpha, 'one', 'sim')).status).toBe(201);
    await pollTenant(alpha, 'one', inPhase('Ready'));
    expect(quotaNamespaces()).toEqual(['ray-one']);

    // Counted by its quota only; counted twice, this would not fit.
    expect((await create(alpha, 'two', 'sim')).status).toBe(201);
    const early = await create(alpha, 'three', 'sim');
    expect(early.status).toBe(409);
    expect(refusal(early)).toContain(SLICES_SHORT);

    await pollTenant(alpha, 'two', inPhase('Ready'));
    expect(quotaNamespaces()).toEqual(['ray-one', 'ray-two']);
    const late = await create(alpha, 'three', 'sim');
    expect(late.status).toBe(409);
    expect(refusal(late)).toBe(
      `tenant "three" cannot go on host cluster sim: not enough capacity (${SLICES_SHORT})`,
    );

    // Gone with its quota, a deleted tenant frees its slices.
    expect((await alpha.delete('/tenants/one')).status).toBe(202);
    await pollTenant(alpha, 'one', r => r.status === 404);
    expect(quotaNamespaces()).toEqual(['ray-two']);
    expect((await create(alpha, 'three', 'sim')).status).toBe(201);
  });
});
