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

import { vclusterHostName } from '../../index';
import type { KubeSim } from '../../index';
import { eventually, raw } from '../../__testUtils__/helpers';
import {
  gpuWorkers,
  rayClusterSpec,
  rayObject,
  startRaySim,
} from '../../__testUtils__/ray';
import { startVCluster } from '../../__testUtils__/vcluster';

jest.setTimeout(30_000);

describe('KubeRay inside a simulated vcluster', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startRaySim('tenant-v');
  });
  afterAll(() => sim.stop());
  /** The host's copy of an object in a vcluster's `default` namespace, as vcluster names it. */
  const hostCopy = (kind: string, name: string, vcluster: string) =>
    sim.objects.get(
      'v1',
      kind,
      'tenant-v',
      vclusterHostName(name, 'default', vcluster),
    );

  it('runs a RayCluster inside and syncs its pods and head Service to the host, named as vcluster names them', async () => {
    const vc = await startVCluster(sim, 'tenant-v-vc', 'tenant-v');
    const created = await raw(
      { url: vc.url, caData: sim.caData, token: vc.token },
      'POST',
      '/apis/ray.io/v1/namespaces/default/rayclusters',
      { body: rayObject('RayCluster', 'rc', rayClusterSpec([gpuWorkers(1)])) },
    );
    expect(created.status).toBe(201);
    const rc = await eventually(() => {
      const x = vc.objects.get('ray.io/v1', 'RayCluster', 'default', 'rc');
      return x?.status?.state === 'ready' ? x : undefined;
    }, 10_000);
    const virtualPods = vc.objects.list('v1', 'Pod', {
      namespace: 'default',
      labelSelector: { 'ray.io/cluster': 'rc' },
    });
    expect(virtualPods).toHaveLength(2);

    // pods: same labels plus vcluster's, status as inside
    const hostPods = await eventually(() => {
      const pods = sim.objects.list('v1', 'Pod', {
        namespace: 'tenant-v',
        labelSelector:
          'ray.io/cluster=rc,vcluster.loft.sh/managed-by=tenant-v-vc',
      });
      return pods.length === 2 && pods.every(p => p.status.phase === 'Running')
        ? pods
        : undefined;
    });
    const head = virtualPods.find(
      p => p.metadata.labels['ray.io/node-type'] === 'head',
    )!;
    const hostHead = hostPods.find(
      p =>
        p.metadata.name ===
        vclusterHostName(head.metadata.name, 'default', 'tenant-v-vc'),
    )!;
    expect(hostHead.metadata.name).toBe(
      `${head.metadata.name}-x-default-x-tenant-v-vc`,
    );
    expect(hostHead.metadata.labels).toMatchObject({
      ...head.metadata.labels,
      'vcluster.loft.sh/managed-by': 'tenant-v-vc',
      'vcluster.loft.sh/namespace': 'default',
    });
    expect(hostHead.status.podIP).toBe(rc.status.head.podIP);

    // the head Service: `rc-head-svc-x-default-x-<vcluster>`, selecting the host pods
    const hostSvcName = vclusterHostName(
      'rc-head-svc',
      'default',
      'tenant-v-vc',
    );
    expect(hostSvcName).toBe('rc-head-svc-x-default-x-tenant-v-vc');
    const hostSvc = await eventually(() =>
      sim.objects.get('v1', 'Service', 'tenant-v', hostSvcName),
    );
    expect(hostSvc.metadata.annotations).toMatchObject({
      'vcluster.loft.sh/object-name': 'rc-head-svc',
      'vcluster.loft.sh/object-namespace': 'default',
      'vcluster.loft.sh/object-kind': '/v1, Kind=Service',
    });
    expect(hostSvc.spec.selector).toEqual({
      'ray.io/cluster': 'rc',
      'ray.io/node-type': 'head',
      'ray.io/identifier': 'rc-head',
      'app.kubernetes.io/name': 'kuberay',
      'app.kubernetes.io/created-by': 'kuberay-operator',
      'vcluster.loft.sh/managed-by': 'tenant-v-vc',
      'vcluster.loft.sh/namespace': 'default',
    });
    expect(hostSvc.spec.ports.map((p: any) => p.name)).toContain('dashboard');
    // the vcluster's own API Service is not synced
    expect(hostCopy('Service', 'kubernetes', 'tenant-v-vc')).toBeUndefined();

    // deleting the RayCluster inside removes the host copies
    await raw(
      { url: vc.url, caData: sim.caData, token: vc.token },
      'DELETE',
      '/apis/ray.io/v1/namespaces/default/rayclusters/rc',
    );
    await eventually(
      () =>
        sim.objects.get('v1', 'Service', 'tenant-v', hostSvcName) ===
          undefined &&
        sim.objects.list('v1', 'Pod', {
          namespace: 'tenant-v',
          labelSelector: 'ray.io/cluster=rc',
        }).length === 0,
    );
  });

  it('syncs the Secrets its pods use (the Ray token), and only those', async () => {
    const vc = await startVCluster(sim, 'tenant-w-vc', 'tenant-v');
    const vcApi = { url: vc.url, caData: sim.caData, token: vc.token };
    await raw(vcApi, 'POST', '/api/v1/namespaces/default/secrets', {
      body: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'unused' },
        stringData: { x: 'y' },
      },
    });
    const created = await raw(
      vcApi,
      'POST',
      '/apis/ray.io/v1/namespaces/default/rayclusters',
      {
        body: rayObject(
          'RayCluster',
          'tok',
          rayClusterSpec([], { authOptions: { mode: 'token' } }),
        ),
      },
    );
    expect(created.status).toBe(201);
    const inside = await eventually(() =>
      vc.objects.get('v1', 'Secret', 'default', 'tok'),
    );
    const hostName = vclusterHostName('tok', 'default', 'tenant-w-vc');
    const onHost = await eventually(() =>
      sim.objects.get('v1', 'Secret', 'tenant-v', hostName),
    );
    expect(onHost.data).toEqual(inside.data);
    expect(onHost.data.auth_token).toBeDefined();
    expect(onHost.metadata.annotations).toMatchObject({
      'vcluster.loft.sh/object-name': 'tok',
      'vcluster.loft.sh/object-kind': '/v1, Kind=Secret',
    });
    expect(hostCopy('Secret', 'unused', 'tenant-w-vc')).toBeUndefined();

    await raw(
      vcApi,
      'DELETE',
      '/apis/ray.io/v1/namespaces/default/rayclusters/tok',
    );
    await eventually(
      () => sim.objects.get('v1', 'Secret', 'tenant-v', hostName) === undefined,
    );
  });
});
