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
  errorResponse,
  recordRequests,
  setupMsw,
  testRayServiceClient,
} from '../__testUtils__/renderAdmin';
import {
  serveTenantPlan,
  tenantFormData,
} from '../__testUtils__/scaffolderForm';
import { HttpResponse } from 'msw';
import { planRequestOf, runPlan } from './planRequest';

const client = testRayServiceClient();

const tenantForm = { ...tenantFormData, dryRun: 'passed' };

describe('planRequestOf', () => {
  it("takes the form's fields named like the route's request, without blanks", () => {
    expect(
      planRequestOf('planRayJob', {
        tenant: 'fraud-models',
        name: 'nightly',
        entrypoint: 'python train.py',
        runtimeEnv: { pip: [] },
        cluster: { new: { head: { cpu: '1', memory: '4Gi' } } },
        dryRun: 'passed',
      }),
    ).toEqual({
      path: { tenant: 'fraud-models' },
      body: {
        name: 'nightly',
        entrypoint: 'python train.py',
        cluster: { new: { head: { cpu: '1', memory: '4Gi' } } },
      },
    });
    expect(planRequestOf('planTenant', tenantForm)).toEqual({
      path: {},
      body: {
        name: 'fraud-models',
        owner: 'group:default/ml-team-alpha',
        profile: 'small',
        templateVersion: 'kuberay@1.1.0',
      },
    });
  });
});

describe('runPlan', () => {
  const server = setupMsw();

  it("answers a tenant plan's placement and summary", async () => {
    const bodies = serveTenantPlan(server);
    await expect(runPlan(client, 'planTenant', tenantForm)).resolves.toEqual({
      lines: [
        'Host cluster sim-local, vcluster isolation, namespace ray-fraud-models',
        'Quota: 8 CPU, 32Gi memory',
      ],
      warnings: [],
      yaml: 'kind: Namespace\n',
    });
    expect(bodies).toEqual([planRequestOf('planTenant', tenantForm).body]);
  });

  it("answers a workload plan's YAML and warnings", async () => {
    recordRequests(
      server,
      'post',
      '/tenants/fraud-models/rayclusters/plan',
      () =>
        HttpResponse.json({
          object: {
            apiVersion: 'ray.io/v1',
            kind: 'RayCluster',
            metadata: { name: 'etl' },
          },
          yaml: 'kind: RayCluster\n',
          warnings: ['maxReplicas 4 is above the free quota'],
        }),
    );
    await expect(
      runPlan(client, 'planRayCluster', {
        tenant: 'fraud-models',
        name: 'etl',
        spec: { head: { cpu: '1', memory: '4Gi' } },
      }),
    ).resolves.toEqual({
      lines: [],
      warnings: ['maxReplicas 4 is above the free quota'],
      yaml: 'kind: RayCluster\n',
    });
  });

  it("refuses with the contract's rules before asking the backend", async () => {
    const bodies = recordRequests(server, 'post', '/tenants/plan', () =>
      HttpResponse.json({}),
    );
    await expect(
      runPlan(client, 'planTenant', { ...tenantForm, name: 'Not_A_Name' }),
    ).rejects.toThrow('name: must be lowercase letters, digits and "-"');
    expect(bodies).toEqual([]);
  });

  it("refuses in the backend's words: a conflict's reason, a 400's fields", async () => {
    recordRequests(server, 'post', '/tenants/plan', () =>
      errorResponse(
        409,
        'no host cluster can take tenant "fraud-models": sim-local: not enough capacity (CPU: needs 64, 32 free)',
      ),
    );
    await expect(runPlan(client, 'planTenant', tenantForm)).rejects.toThrow(
      'no host cluster can take tenant "fraud-models": sim-local: not enough capacity (CPU: needs 64, 32 free)',
    );

    recordRequests(server, 'post', '/tenants/plan', () =>
      errorResponse(400, 'templateVersion: …', [
        {
          field: 'templateVersion',
          message:
            'template version kuberay@1.1.0 is not shared with group:default/ml-team-alpha',
        },
      ]),
    );
    await expect(runPlan(client, 'planTenant', tenantForm)).rejects.toThrow(
      'templateVersion: template version kuberay@1.1.0 is not shared with group:default/ml-team-alpha',
    );
  });
});
