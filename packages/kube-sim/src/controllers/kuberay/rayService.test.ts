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

import type { KubeSim } from '../../index';
import { eventually, mergePatch, nextTurn } from '../../__testUtils__/helpers';
import {
  condition,
  createRay,
  gpuWorkers,
  rayClusterSpec,
  rayStatus,
  startRaySim,
} from '../../__testUtils__/ray';

jest.setTimeout(30_000);

const DEPLOY_MS = 5_000;

const serveConfig = (greeting: string) =>
  [
    'applications:',
    '  - name: hello',
    '    route_prefix: /hello',
    '    import_path: hello_app:build',
    '    args:',
    `      greeting: ${greeting}`,
    '    deployments:',
    '      - name: Hello',
    '        num_replicas: 2',
  ].join('\n');

describe('KubeRay RayService', () => {
  let sim: KubeSim;
  const path = '/apis/ray.io/v1/namespaces/serve/rayservices/svc';
  const svcStatus = (check: (s: any) => boolean) =>
    rayStatus(sim.objects, 'serve', 'RayService', 'svc', check);
  const service = (name: string) =>
    sim.objects.get('v1', 'Service', 'serve', name);
  const activeCluster = async (): Promise<string> =>
    (await svcStatus(() => true)).status.activeServiceStatus.rayClusterName;
  /** The first test's cluster config with another head image. */
  const clusterConfigWithHeadImage = (image: string) => {
    const spec = rayClusterSpec([gpuWorkers(1)]);
    spec.headGroupSpec.template.spec.containers[0].image = image;
    return spec;
  };

  beforeAll(async () => {
    sim = await startRaySim('serve', {
      ray: { serveDeployMs: DEPLOY_MS },
    });
  });
  afterAll(() => sim.stop());

  it('brings up a cluster with the Serve config and becomes Ready once the apps run', async () => {
    await createRay(sim, 'serve', 'RayService', 'svc', {
      serveConfigV2: serveConfig('hi'),
      rayClusterDeletionDelaySeconds: 0,
      rayClusterConfig: rayClusterSpec([gpuWorkers(1)]),
    });
    const deploying = await svcStatus(
      s =>
        s.pendingServiceStatus?.applicationStatuses?.hello?.status ===
        'DEPLOYING',
    );
    const cluster = deploying.status.pendingServiceStatus.rayClusterName;
    expect(cluster).toMatch(/^svc-[a-z0-9]{5}$/);
    expect(condition(deploying, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'Initializing',
    });
    expect(deploying.status.serviceStatus).toBeUndefined();
    expect(service('svc-head-svc')).toBeUndefined(); // not before the apps run

    sim.ray.advance(DEPLOY_MS);
    const ready = await svcStatus(s => s.serviceStatus === 'Running');
    expect(ready.status.activeServiceStatus).toMatchObject({
      rayClusterName: cluster,
      applicationStatuses: {
        hello: {
          status: 'RUNNING',
          serveDeploymentStatuses: { Hello: { status: 'HEALTHY' } },
        },
      },
    });
    expect(ready.status.pendingServiceStatus).toEqual({});
    expect(ready.status.numServeEndpoints).toBe(2); // the head (its proxy is up) and the worker
    expect(condition(ready, 'Ready')).toMatchObject({
      status: 'True',
      reason: 'NonZeroServeEndpoints',
    });
    expect(condition(ready, 'UpgradeInProgress')).toMatchObject({
      status: 'False',
      reason: 'NoPendingCluster',
    });
    expect(service('svc-head-svc')!.spec.selector['ray.io/cluster']).toBe(
      cluster,
    );
    expect(service('svc-serve-svc')!.spec).toMatchObject({
      selector: { 'ray.io/cluster': cluster, 'ray.io/serve': 'true' },
      ports: [{ name: 'serve', port: 8000 }],
    });
  });

  it('redeploys the apps in place when only serveConfigV2 changes', async () => {
    const before = await activeCluster();
    await mergePatch(sim, path, {
      spec: { serveConfigV2: serveConfig('hello again') },
    });
    await svcStatus(
      s =>
        s.activeServiceStatus?.applicationStatuses?.hello?.status ===
        'DEPLOYING',
    );
    sim.ray.advance(DEPLOY_MS);
    const after = await svcStatus(
      s =>
        s.activeServiceStatus?.applicationStatuses?.hello?.status === 'RUNNING',
    );
    expect(after.status.activeServiceStatus.rayClusterName).toBe(before);
    expect(after.status.pendingServiceStatus).toEqual({});
  });

  it('upgrades to a new cluster on a rayClusterConfig change, then deletes the old one', async () => {
    const old = await activeCluster();
    const spec = clusterConfigWithHeadImage('rayproject/ray:2.60.0-py311');
    await mergePatch(sim, path, { spec: { rayClusterConfig: spec } });
    const upgrading = await svcStatus(
      s => !!s.pendingServiceStatus?.rayClusterName,
    );
    expect(condition(upgrading, 'UpgradeInProgress')).toMatchObject({
      status: 'True',
      reason: 'BothActivePendingClustersExist',
    });
    const next = upgrading.status.pendingServiceStatus.rayClusterName;
    expect(next).not.toBe(old);
    await svcStatus(
      s =>
        s.pendingServiceStatus?.applicationStatuses?.hello?.status ===
        'DEPLOYING',
    );
    expect(upgrading.status.serviceStatus).toBe('Running'); // the old cluster still serves
    sim.ray.advance(DEPLOY_MS);
    const switched = await svcStatus(
      s => s.activeServiceStatus?.rayClusterName === next,
    );
    expect(switched.status.pendingServiceStatus).toEqual({});
    expect(service('svc-head-svc')!.spec.selector['ray.io/cluster']).toBe(next);
    await eventually(
      () =>
        sim.objects.get('ray.io/v1', 'RayCluster', 'serve', old) === undefined,
    );
  });

  it('leaves the cluster as it is with upgradeStrategy None', async () => {
    const active = await activeCluster();
    const spec = clusterConfigWithHeadImage('rayproject/ray:2.60.0-py312');
    await mergePatch(sim, path, {
      spec: { upgradeStrategy: { type: 'None' }, rayClusterConfig: spec },
    });
    await eventually(
      () =>
        sim.objects.get('ray.io/v1', 'RayService', 'serve', 'svc')!.status
          .observedGeneration === 4,
    );
    await nextTurn();
    const status = sim.objects.get(
      'ray.io/v1',
      'RayService',
      'serve',
      'svc',
    )!.status;
    expect(status.pendingServiceStatus).toEqual({});
    expect(status.activeServiceStatus.rayClusterName).toBe(active);
  });
});
