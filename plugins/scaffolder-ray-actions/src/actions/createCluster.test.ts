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
import { rayCluster, workloadPlan } from '../__testUtils__/fixtures';
import { createClusterAction } from './createCluster';

const spec = {
  head: { cpu: '2', memory: '8Gi' },
  workerGroups: [{ name: 'cpu', replicas: 2, cpu: '4', memory: '16Gi' }],
};
const input = { tenant: 'fraud-models', name: 'etl', spec };

describe('ray:cluster:create', () => {
  const backend = fakeRayService();

  it('creates the RayCluster in the tenant as the user and waits for Ready', async () => {
    backend.on('createRayCluster', () => rayCluster());
    backend.sequence('getRayCluster', [
      rayCluster({
        phase: 'Provisioning',
        conditions: [
          {
            type: 'HeadPodReady',
            status: 'False',
            reason: 'ContainersNotReady',
            message: 'pulling image',
          },
        ],
      }),
      rayCluster({
        phase: 'Ready',
        conditions: [
          {
            type: 'HeadPodReady',
            status: 'True',
            reason: 'HeadPodRunningAndReady',
            message: '',
          },
        ],
      }),
    ]);
    const { ctx, outputs, log } = actionContext({ input });

    await createClusterAction(testDeps()).handler(ctx);

    expect(backend.callsOf('createRayCluster')).toEqual([
      expect.objectContaining({
        params: { tenant: 'fraud-models' },
        body: { name: 'etl', spec },
        onBehalfOf: ALICE,
        targetPluginId: 'ray-service',
      }),
    ]);
    expect(log).toEqual([
      'Created RayCluster "etl" in tenant "fraud-models"',
      'Phase: Provisioning',
      '  HeadPodReady False (ContainersNotReady: pulling image)',
      'Phase: Provisioning → Ready',
      '  HeadPodReady True (HeadPodRunningAndReady)',
    ]);
    expect(outputs).toMatchObject({
      name: 'etl',
      tenant: 'fraud-models',
      phase: 'Ready',
      entityRef: 'resource:default/fraud-models',
      rayTabUrl: 'http://portal.test/catalog/default/resource/fraud-models/ray',
    });
  });

  it('dry run: answers the YAML and its warnings, creates nothing', async () => {
    backend.on('planRayCluster', () => workloadPlan('RayCluster', 'etl'));
    const { ctx, outputs, log } = actionContext({ input, isDryRun: true });

    await createClusterAction(testDeps()).handler(ctx);

    expect(backend.calls.map(c => c.operation)).toEqual(['planRayCluster']);
    expect(log).toEqual([
      'Dry run: RayCluster "etl" in tenant "fraud-models" would be created as:',
      'apiVersion: ray.io/v1',
      'kind: RayCluster',
      'metadata:',
      '  name: etl',
      'Warning: maxReplicas 4 is above the free quota (2 more workers fit)',
    ]);
    expect(outputs).toMatchObject({
      yaml: workloadPlan('RayCluster', 'etl').yaml,
      warnings: workloadPlan('RayCluster', 'etl').warnings,
    });
  });

  it('is created once across retries of the task', async () => {
    backend.on('createRayCluster', () => rayCluster());
    backend.sequence('getRayCluster', [
      errorResponse(503, 'ServiceUnavailableError', 'vcluster API unreachable'),
      rayCluster({ phase: 'Ready' }),
    ]);
    const retry = await runRetried(
      createClusterAction(testDeps()),
      input,
      'Cannot read RayCluster "etl" in tenant "fraud-models": the Ray service answered 503: vcluster API unreachable',
    );

    expect(backend.callsOf('createRayCluster')).toHaveLength(1);
    expect(retry.outputs.phase).toBe('Ready');
  });

  it("a tenant the user may not see is a 404 with the backend's reason", async () => {
    backend.on('createRayCluster', () =>
      errorResponse(404, 'NotFoundError', 'tenant "fraud-models" not found'),
    );
    const { ctx } = actionContext({ input, user: 'user:default/bob.bravo' });

    const error = await createClusterAction(testDeps())
      .handler(ctx)
      .catch(e => e);

    expect(error.message).toBe(
      'Cannot create RayCluster "etl" in tenant "fraud-models": not found: tenant "fraud-models" not found',
    );
    expect(error.stack).toBe(error.message);
    expect(backend.callsOf('createRayCluster')[0].onBehalfOf).toBe(
      'user:default/bob.bravo',
    );
  });

  it('a workload too big for the quota is a 400 naming the field and numbers', async () => {
    backend.on('createRayCluster', () =>
      errorResponse(
        400,
        'InputError',
        'spec.workerGroups.0.replicas: 4 × nvidia.com/mig-1g.5gb needs 4, the tenant has 2 free of 14',
        [
          {
            field: 'spec.workerGroups.0.replicas',
            message:
              '4 × nvidia.com/mig-1g.5gb needs 4, the tenant has 2 free of 14',
          },
        ],
      ),
    );
    const { ctx } = actionContext({ input });

    await expect(createClusterAction(testDeps()).handler(ctx)).rejects.toThrow(
      'Cannot create RayCluster "etl" in tenant "fraud-models": the Ray service found invalid input: spec.workerGroups.0.replicas: 4 × nvidia.com/mig-1g.5gb needs 4, the tenant has 2 free of 14',
    );
  });

  it('a timeout names the condition still False', async () => {
    backend.on('createRayCluster', () => rayCluster());
    backend.on('getRayCluster', () =>
      rayCluster({
        phase: 'Provisioning',
        conditions: [
          {
            type: 'RayClusterProvisioned',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/3 nodes have enough nvidia.com/gpu',
          },
        ],
      }),
    );
    const { ctx } = actionContext({ input: { ...input, timeoutSeconds: 4 } });

    await expect(
      createClusterAction(testDeps(fakeClock())).handler(ctx),
    ).rejects.toThrow(
      'RayCluster "etl" in tenant "fraud-models" is not Ready after 4 s (phase Provisioning); not yet: RayClusterProvisioned False (Unschedulable: 0/3 nodes have enough nvidia.com/gpu)',
    );
  });
});
