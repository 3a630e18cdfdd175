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
  fakeRayService,
  testDeps,
} from '../__testUtils__/fakeRayService';
import { rayService, workloadPlan } from '../__testUtils__/fixtures';
import { deployServiceAction } from './deployService';

const input = {
  tenant: 'fraud-models',
  name: 'scoring',
  serveConfig:
    'applications:\n  - name: scoring\n    import_path: scoring:app\n    route_prefix: /\n',
  cluster: { head: { cpu: '2', memory: '8Gi' } },
};

describe('ray:service:deploy', () => {
  const backend = fakeRayService();

  it('deploys the RayService as the user and waits until it serves', async () => {
    backend.on('createRayService', () => rayService());
    backend.sequence('getRayService', [
      rayService({ phase: 'Provisioning' }),
      rayService({ phase: 'Ready', serviceStatus: 'Running' }),
    ]);
    const { ctx, outputs, log } = actionContext({ input });

    await deployServiceAction(testDeps()).handler(ctx);

    expect(backend.callsOf('createRayService')[0]).toMatchObject({
      params: { tenant: 'fraud-models' },
      body: input.serveConfig && {
        name: 'scoring',
        serveConfig: input.serveConfig,
        cluster: input.cluster,
      },
      onBehalfOf: ALICE,
    });
    expect(log).toEqual([
      'Created RayService "scoring" in tenant "fraud-models"',
      'Phase: Provisioning',
      'Phase: Provisioning → Ready',
    ]);
    expect(outputs).toMatchObject({ phase: 'Ready', serviceStatus: 'Running' });
  });

  it('dry run: answers the YAML and deploys nothing', async () => {
    backend.on('planRayService', () => workloadPlan('RayService', 'scoring'));
    const { ctx, outputs } = actionContext({ input, isDryRun: true });

    await deployServiceAction(testDeps()).handler(ctx);

    expect(backend.calls.map(c => c.operation)).toEqual(['planRayService']);
    expect(outputs.yaml).toBe(workloadPlan('RayService', 'scoring').yaml);
  });

  it('is deployed once across retries of the task', async () => {
    backend.on('createRayService', () => rayService());
    backend.sequence('getRayService', [
      errorResponse(503, 'ServiceUnavailableError', 'vcluster API unreachable'),
      rayService({ phase: 'Ready' }),
    ]);
    await runRetried(
      deployServiceAction(testDeps()),
      input,
      'vcluster API unreachable',
    );

    expect(backend.callsOf('createRayService')).toHaveLength(1);
  });

  it('an invalid Serve config is a 400 naming the field', async () => {
    backend.on('createRayService', () =>
      errorResponse(
        400,
        'InputError',
        'serveConfig: must be a Serve config with a non-empty "applications" list',
        [
          {
            field: 'serveConfig',
            message:
              'must be a Serve config with a non-empty "applications" list',
          },
        ],
      ),
    );
    const { ctx } = actionContext({ input });

    await expect(deployServiceAction(testDeps()).handler(ctx)).rejects.toThrow(
      'Cannot create RayService "scoring" in tenant "fraud-models": the Ray service found invalid input: serveConfig: must be a Serve config with a non-empty "applications" list',
    );
  });
});
