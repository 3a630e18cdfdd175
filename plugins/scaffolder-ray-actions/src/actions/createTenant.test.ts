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

import { HttpResponse } from 'msw';
import {
  actionContext,
  ALICE,
  runRetried,
} from '../__testUtils__/actionContext';
import {
  errorResponse,
  fakeClock,
  fakeRayService,
  testDeps,
} from '../__testUtils__/fakeRayService';
import { condition, tenant, tenantPlan } from '../__testUtils__/fixtures';
import { createTenantAction } from './createTenant';

const input = {
  name: 'fraud-models',
  owner: 'group:default/ml-team-alpha',
  profile: 'small',
  templateVersion: 'kuberay@2.0.0',
};

const provisioning = tenant({
  phase: 'Provisioning',
  conditions: [
    condition('NamespaceReady', 'True', 'Created'),
    condition(
      'OperatorReady',
      'False',
      'OperatorNotReady',
      'kuberay-operator has 0/1 ready replicas',
    ),
  ],
});
const ready = tenant({
  phase: 'Ready',
  conditions: [
    condition('NamespaceReady', 'True', 'Created'),
    condition('OperatorReady', 'True', 'OperatorPodReady'),
  ],
});

describe('ray:tenant:create', () => {
  const backend = fakeRayService();

  it('creates the tenant as the user running the template and waits for Ready, logging each change', async () => {
    backend.on('createTenant', () => tenant());
    backend.sequence('getTenant', [tenant(), provisioning, ready]);
    const { ctx, outputs, log } = actionContext({ input });

    await createTenantAction(testDeps()).handler(ctx);

    const [create] = backend.callsOf('createTenant');
    expect(create.body).toEqual(input);
    expect(create).toMatchObject({
      onBehalfOf: ALICE,
      targetPluginId: 'ray-service',
    });
    expect(log).toEqual([
      'Created tenant "fraud-models" on sim-local (namespace ray-fraud-models)',
      'Phase: Pending',
      'Phase: Pending → Provisioning',
      '  NamespaceReady True (Created)',
      '  OperatorReady False (OperatorNotReady: kuberay-operator has 0/1 ready replicas)',
      'Phase: Provisioning → Ready',
      '  OperatorReady True (OperatorPodReady)',
    ]);
    expect(outputs).toEqual({
      name: 'fraud-models',
      namespace: 'ray-fraud-models',
      hostCluster: 'sim-local',
      phase: 'Ready',
      entityRef: 'resource:default/fraud-models',
      rayTabPath: '/catalog/default/resource/fraud-models/ray',
      rayTabUrl: 'http://portal.test/catalog/default/resource/fraud-models/ray',
      links: [
        {
          title: 'Ray tab of tenant fraud-models',
          url: '/catalog/default/resource/fraud-models/ray',
        },
      ],
    });
  });

  it.each([
    [
      { source: 'warmPool' as const },
      'Took a Ready tenant "fraud-models" from the warm pool of small on sim-local (namespace ray-fraud-models)',
    ],
    [
      {
        source: 'onDemand' as const,
        reason: 'the warm pool of small has no ready tenant',
      },
      'Created tenant "fraud-models" on sim-local (namespace ray-fraud-models); provisioned on demand: the warm pool of small has no ready tenant',
    ],
  ])('says where the tenant came from (%o)', async (from, line) => {
    backend.on('createTenant', () => tenant({ provisioning: from }));
    const { ctx, log } = actionContext({
      input: { ...input, waitForReady: false },
    });

    await createTenantAction(testDeps()).handler(ctx);

    expect(log).toEqual([line]);
  });

  it('does not wait when asked not to', async () => {
    backend.on('createTenant', () => tenant());
    const { ctx, outputs } = actionContext({
      input: { ...input, waitForReady: false },
    });

    await createTenantAction(testDeps()).handler(ctx);

    expect(backend.callsOf('getTenant')).toHaveLength(0);
    expect(outputs.phase).toBe('Pending');
  });

  describe('dry run', () => {
    it('answers the plan and creates nothing', async () => {
      backend.on('planTenant', () => tenantPlan());
      const { ctx, outputs, log } = actionContext({ input, isDryRun: true });

      await createTenantAction(testDeps()).handler(ctx);

      expect(backend.calls.map(c => c.operation)).toEqual(['planTenant']);
      expect(backend.callsOf('planTenant')[0]).toMatchObject({
        body: input,
        onBehalfOf: ALICE,
      });
      expect(log).toEqual([
        'Dry run: tenant "fraud-models" would go on sim-local (vcluster) in namespace ray-fraud-models',
        '  Quota: 8 CPU, 32Gi memory',
        '  Queue: ray-fraud-models',
      ]);
      expect(outputs).toMatchObject({
        namespace: 'ray-fraud-models',
        summary: tenantPlan().summary,
        yaml: tenantPlan().yaml,
        entityRef: 'resource:default/fraud-models',
      });
    });

    it("fails with the plan's refusal", async () => {
      backend.on('planTenant', () =>
        errorResponse(
          409,
          'ConflictError',
          'no host cluster can take tenant "fraud-models": sim-local: not enough capacity (CPU: needs 64, 32 free)',
        ),
      );
      const { ctx } = actionContext({ input, isDryRun: true });

      await expect(createTenantAction(testDeps()).handler(ctx)).rejects.toThrow(
        'Cannot plan tenant "fraud-models": no host cluster can take tenant "fraud-models": sim-local: not enough capacity (CPU: needs 64, 32 free)',
      );
      expect(backend.callsOf('createTenant')).toHaveLength(0);
    });
  });

  describe('exactly once', () => {
    it('a retried task does not create the tenant again', async () => {
      backend.on('createTenant', () => tenant());
      // The first run fails while waiting; the retry finds the tenant Ready.
      backend.sequence('getTenant', [
        errorResponse(503, 'ServiceUnavailableError', 'database is restarting'),
        ready,
      ]);
      const retry = await runRetried(
        createTenantAction(testDeps()),
        input,
        'database is restarting',
      );

      expect(backend.callsOf('createTenant')).toHaveLength(1);
      expect(retry.outputs.phase).toBe('Ready');
    });

    it('a retry after a failed create tries the create again', async () => {
      backend.sequence('createTenant', [
        errorResponse(503, 'ServiceUnavailableError', 'try again'),
        tenant(),
      ]);
      await runRetried(
        createTenantAction(testDeps()),
        { ...input, waitForReady: false },
        'try again',
      );

      expect(backend.callsOf('createTenant')).toHaveLength(2);
    });
  });

  describe('errors a person can act on, without a stack trace', () => {
    async function failure(answer: Response) {
      backend.on('createTenant', () => answer);
      const { ctx } = actionContext({ input });
      const error = await createTenantAction(testDeps())
        .handler(ctx)
        .catch(e => e);
      expect(error.stack).toBe(error.message);
      return error.message;
    }

    it("a 400's field details", async () => {
      expect(
        await failure(
          errorResponse(
            400,
            'InputError',
            'name: must be at most 32 characters; profile: profile "xl" is not visible to group:default/ml-team-alpha',
            [
              { field: 'name', message: 'must be at most 32 characters' },
              {
                field: 'profile',
                message:
                  'profile "xl" is not visible to group:default/ml-team-alpha',
              },
            ],
          ),
        ),
      ).toBe(
        'Cannot create tenant "fraud-models": the Ray service found invalid input: name: must be at most 32 characters; profile: profile "xl" is not visible to group:default/ml-team-alpha',
      );
    });

    it('a permission denial (403)', async () => {
      expect(
        await failure(
          errorResponse(
            403,
            'NotAllowedError',
            'you may only create tenants owned by one of your groups, not group:default/ml-team-bravo',
          ),
        ),
      ).toBe(
        'Cannot create tenant "fraud-models": not allowed: you may only create tenants owned by one of your groups, not group:default/ml-team-bravo',
      );
    });

    it('not enough capacity (409)', async () => {
      expect(
        await failure(
          errorResponse(
            409,
            'ConflictError',
            'no host cluster can take tenant "fraud-models": sim-local: not enough capacity (nvidia.com/gpu: needs 8, 2 free)',
          ),
        ),
      ).toBe(
        'Cannot create tenant "fraud-models": no host cluster can take tenant "fraud-models": sim-local: not enough capacity (nvidia.com/gpu: needs 8, 2 free)',
      );
    });

    it('an unreachable backend', async () => {
      expect(await failure(HttpResponse.error())).toMatch(
        /^Cannot create tenant "fraud-models": the Ray service could not be reached \(.+\)$/,
      );
    });

    it('a timeout naming the conditions still False', async () => {
      backend.on('createTenant', () => tenant());
      backend.on('getTenant', () => provisioning);
      const clock = fakeClock();
      const { ctx } = actionContext({
        input: { ...input, timeoutSeconds: 10 },
      });

      const error = await createTenantAction(testDeps(clock))
        .handler(ctx)
        .catch(e => e);

      expect(error.message).toBe(
        'Tenant "fraud-models" is not Ready after 10 s (phase Provisioning); not yet: OperatorReady False (OperatorNotReady: kuberay-operator has 0/1 ready replicas)',
      );
      expect(error.stack).toBe(error.message);
      expect(clock.slept).toEqual([2000, 2000, 2000, 2000, 2000]);
    });

    it('a tenant that failed', async () => {
      backend.on('createTenant', () => tenant());
      backend.on('getTenant', () =>
        tenant({
          phase: 'Failed',
          conditions: [
            condition('NamespaceReady', 'True'),
            condition(
              'QuotaApplied',
              'False',
              'Forbidden',
              'resourcequotas is forbidden',
            ),
          ],
        }),
      );
      const { ctx } = actionContext({ input });

      await expect(createTenantAction(testDeps()).handler(ctx)).rejects.toThrow(
        'Tenant "fraud-models" is Failed: QuotaApplied False (Forbidden: resourcequotas is forbidden)',
      );
    });
  });

  it('stops waiting when the task is cancelled', async () => {
    const controller = new AbortController();
    backend.on('createTenant', () => tenant());
    backend.on('getTenant', () => {
      controller.abort();
      return provisioning;
    });
    const { ctx } = actionContext({ input, signal: controller.signal });

    await expect(createTenantAction(testDeps()).handler(ctx)).rejects.toThrow(
      'Cancelled: did not read tenant "fraud-models"',
    );
    expect(backend.callsOf('getTenant')).toHaveLength(1);
  });
});
