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

jest.setTimeout(90_000);

/**
 * The well-equipped sim has 8 A100-40GB and 4 H100-80GB as whole GPUs: two
 * tenants of three A100s fit (6 of 8), a third would need 9; the H100s stay
 * free for a tenant of four H100s whatever the A100 tenants hold.
 */
const A100_X3 = profileInput({
  name: 'a100-x3',
  displayName: 'Three A100s',
  resources: [
    {
      cpu: '8',
      memory: '32Gi',
      storage: '100Gi',
      gpuModel: 'A100-40GB',
      gpuCount: 3,
    },
  ],
});
const H100_X4 = profileInput({
  name: 'h100-x4',
  displayName: 'Four H100s',
  resources: [
    {
      cpu: '8',
      memory: '32Gi',
      storage: '100Gi',
      gpuModel: 'H100-80GB',
      gpuCount: 4,
    },
  ],
});
const A100_TENANTS = 2;

function create(api: Api, name: string, profile: string, hostCluster: string) {
  return api
    .post('/tenants')
    .send(tenantRequest(name, { profile, hostCluster }));
}

const refusal = (response: request.Response): string =>
  (response.body as { error: { message: string } }).error.message;

async function startBackend(
  clusters: Record<string, KubeSim>,
  reconcile: boolean,
): Promise<Api> {
  const { api } = await startTenantBackend(clusters, {
    rayService: reconcile ? {} : { reconcile: { enabled: false } },
  });
  const admin = api('admin');
  for (const profile of [A100_X3, H100_X4]) {
    expect((await admin.post('/profiles').send(profile)).status).toBe(201);
  }
  return api('alpha');
}

describe('GPUs per model on create, before quotas land', () => {
  let sims: KubeSim[];
  let alpha: Api;

  beforeAll(async () => {
    sims = await Promise.all([startTestSim(), startTestSim()]);
    alpha = await startBackend(
      { sequential: sims[0], concurrent: sims[1] },
      false,
    );
  });
  afterAll(async () => {
    await Promise.all(sims.map(sim => sim.stop()));
  });

  it('admits as many tenants one at a time as there are A100s for', async () => {
    for (let i = 1; i <= A100_TENANTS; i++) {
      expect(
        (await create(alpha, `seq-${i}`, A100_X3.name, 'sequential')).status,
      ).toBe(201);
    }
    const overflow = await create(alpha, 'seq-3', A100_X3.name, 'sequential');
    expect(overflow.status).toBe(409);
    expect(refusal(overflow)).toContain('A100-40GB GPUs: needs 3, 2 free');
    expect(
      (await create(alpha, 'seq-h100', H100_X4.name, 'sequential')).status,
    ).toBe(201);
  });

  it('admits exactly as many of concurrent creates', async () => {
    const responses = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        create(alpha, `con-${i + 1}`, A100_X3.name, 'concurrent'),
      ),
    );
    expect(responses.map(r => r.status).sort()).toEqual([201, 201, 409, 409]);
    expect(
      (await create(alpha, 'con-h100', H100_X4.name, 'concurrent')).status,
    ).toBe(201);
  });
});

describe('GPUs per model on create, once quotas landed', () => {
  let sim: KubeSim;
  let alpha: Api;

  beforeAll(async () => {
    sim = await startTestSim();
    alpha = await startBackend({ sim }, true);
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('counts the A100s the quotas hold as A100s, leaving the H100s free', async () => {
    for (const name of ['one', 'two']) {
      expect((await create(alpha, name, A100_X3.name, 'sim')).status).toBe(201);
      await pollTenant(alpha, name, inPhase('Ready'));
    }
    const quotas = sim.objects.list('v1', 'ResourceQuota');
    expect(
      quotas.map(q => q.metadata.annotations?.['ray-service.io/gpus-by-model']),
    ).toEqual(['A100-40GB=3', 'A100-40GB=3']);

    const overflow = await create(alpha, 'three', A100_X3.name, 'sim');
    expect(overflow.status).toBe(409);
    expect(refusal(overflow)).toBe(
      'tenant "three" cannot go on host cluster sim: not enough capacity (A100-40GB GPUs: needs 3, 2 free)',
    );
    expect((await create(alpha, 'h100', H100_X4.name, 'sim')).status).toBe(201);
  });
});
