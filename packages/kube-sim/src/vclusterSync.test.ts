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

import { startKubeSim } from './index';
import type { KubeSim } from './index';
import {
  safeConcatName,
  VCLUSTER_MANAGED_BY_LABEL,
  VCLUSTER_NAMESPACE_LABEL,
  VCLUSTER_OBJECT_NAME_ANNOTATION,
  VCLUSTER_OBJECT_NAMESPACE_ANNOTATION,
  vclusterHostName,
} from './controllers/vclusterTranslate';
import { eventually, mergePatch, nextTurn, raw } from './__testUtils__/helpers';
import { vclusterRelease } from './__testUtils__/vcluster';

jest.setTimeout(30_000);

describe('vcluster pod names', () => {
  it('are <pod>-x-<namespace>-x-<vcluster>, hashed as vcluster does when longer than 63', () => {
    expect(vclusterHostName('coredns-abc', 'kube-system', 'vc')).toBe(
      'coredns-abc-x-kube-system-x-vc',
    );
    // expected value computed independently (sha256 of the joined name)
    expect(
      vclusterHostName(
        'kuberay-operator-5d4f8b9c7d-x2x4z',
        'kuberay-system',
        'ray-alpha-vcluster',
      ),
    ).toBe('kuberay-operator-5d4f8b9c7d-x2x4z-x-kuberay-system-x-7dc9029857');
    // a cut that ends in a dot loses it
    expect(safeConcatName(`${'a'.repeat(51)}.`, 'c'.repeat(20))).toMatch(
      /^a{51}-[0-9a-f]{10}$/,
    );
  });
});

describe('the simulated vcluster syncer', () => {
  let sim: KubeSim;

  const hostPods = (namespace: string, vcluster: string) =>
    sim.objects.list('v1', 'Pod', {
      namespace,
      labelSelector: { [VCLUSTER_MANAGED_BY_LABEL]: vcluster },
    });

  async function vclusterWithOperator(name: string, namespace: string) {
    await raw(sim, 'POST', '/api/v1/namespaces', {
      body: { metadata: { name: namespace } },
    });
    await raw(
      sim,
      'POST',
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/flux-system/helmreleases',
      { body: vclusterRelease(name, namespace) },
    );
    return eventually(() => {
      const pods = hostPods(namespace, name);
      return pods.length === 1 ? pods[0] : undefined;
    }, 10_000);
  }

  beforeAll(async () => {
    sim = await startKubeSim({
      seed: 'well-equipped',
      controllers: { readyDelayMs: 50, namespaceFinalizeDelayMs: 50 },
    });
    await raw(
      sim,
      'POST',
      '/apis/source.toolkit.fluxcd.io/v1/namespaces/flux-system/helmrepositories',
      {
        body: {
          apiVersion: 'source.toolkit.fluxcd.io/v1',
          kind: 'HelmRepository',
          metadata: { name: 'loft' },
          spec: { interval: '10m', url: 'https://charts.loft.sh' },
        },
      },
    );
  });
  afterAll(() => sim.stop());

  it("puts the KubeRay operator's pod on the host as vcluster's syncer does, Ready", async () => {
    const pod = await vclusterWithOperator('ray-alpha-vcluster', 'ray-alpha');
    const virtual = sim
      .vcluster('ray-alpha', 'ray-alpha-vcluster')!
      .objects.list('v1', 'Pod', { namespace: 'kuberay-system' });
    expect(virtual).toHaveLength(1);
    const virtualName = virtual[0].metadata.name;
    expect(virtualName).toMatch(/^kuberay-operator-[a-z0-9]{10}-[a-z0-9]{5}$/);

    expect(pod.metadata.name).toBe(
      vclusterHostName(virtualName, 'kuberay-system', 'ray-alpha-vcluster'),
    );
    // the virtual labels are kept; vcluster adds its marker, the virtual namespace and the
    // virtual namespace's labels (key: sha256 of the label name, computed independently)
    expect(pod.metadata.labels).toEqual({
      ...virtual[0].metadata.labels,
      [VCLUSTER_MANAGED_BY_LABEL]: 'ray-alpha-vcluster',
      [VCLUSTER_NAMESPACE_LABEL]: 'kuberay-system',
      'vcluster.loft.sh/ns-label-ray-alpha-vcluster-x-cf1227b7b2':
        'kuberay-system',
    });
    expect(pod.metadata.annotations).toMatchObject({
      [VCLUSTER_OBJECT_NAME_ANNOTATION]: virtualName,
      [VCLUSTER_OBJECT_NAMESPACE_ANNOTATION]: 'kuberay-system',
      'vcluster.loft.sh/object-uid': virtual[0].metadata.uid,
      'vcluster.loft.sh/object-kind': '/v1, Kind=Pod',
    });
    const nodes = sim.objects.list('v1', 'Node').map(n => n.metadata.name);
    expect(nodes).toContain(pod.spec.nodeName);
    expect(pod.spec.containers[0].image).toMatch(
      /^quay.io\/kuberay\/operator:/,
    );
    expect(pod.status.phase).toBe('Running');
    expect(
      pod.status.conditions.find((c: any) => c.type === 'Ready'),
    ).toMatchObject({ status: 'True' });
    expect(pod.status).toEqual(virtual[0].status);

    // what the backend asks for: a LIST by the two labels
    const listed = await raw(
      sim,
      'GET',
      `/api/v1/namespaces/ray-alpha/pods?labelSelector=${encodeURIComponent(
        `${VCLUSTER_MANAGED_BY_LABEL}=ray-alpha-vcluster,${VCLUSTER_NAMESPACE_LABEL}=kuberay-system`,
      )}`,
    );
    expect(listed.json.items.map((p: any) => p.metadata.name)).toEqual([
      pod.metadata.name,
    ]);

    // in step, a reconcile of the release writes neither pod again
    const versions = () => [
      sim.objects.get('v1', 'Pod', 'ray-alpha', pod.metadata.name)?.metadata
        .resourceVersion,
      sim
        .vcluster('ray-alpha', 'ray-alpha-vcluster')!
        .objects.get('v1', 'Pod', 'kuberay-system', virtualName)?.metadata
        .resourceVersion,
    ];
    const before = versions();
    const touched = await mergePatch(
      sim,
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/flux-system/helmreleases/ray-alpha-vcluster',
      { metadata: { labels: { touched: 'yes' } } },
    );
    expect(touched.status).toBe(200);
    await nextTurn(); // the release has been reconciled
    expect(versions()).toEqual(before);
  });

  it('follows the operator inside: no replicas, no pod; back to one, a pod again', async () => {
    const vc = sim.vcluster('ray-alpha', 'ray-alpha-vcluster')!;
    const deployment = {
      url: vc.url,
      caData: sim.caData,
      token: vc.token,
    };
    const path =
      '/apis/apps/v1/namespaces/kuberay-system/deployments/kuberay-operator';
    expect(
      (await mergePatch(deployment, path, { spec: { replicas: 0 } })).status,
    ).toBe(200);
    await eventually(
      () => hostPods('ray-alpha', 'ray-alpha-vcluster').length === 0,
    );
    expect(vc.objects.list('v1', 'Pod')).toEqual([]);

    await mergePatch(deployment, path, { spec: { replicas: 1 } });
    const pod = await eventually(
      () => hostPods('ray-alpha', 'ray-alpha-vcluster')[0],
    );
    expect(pod.status.phase).toBe('Running');
  });

  it('removes the host pod with the vcluster when the release is uninstalled', async () => {
    await raw(
      sim,
      'DELETE',
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/flux-system/helmreleases/ray-alpha-vcluster',
    );
    await eventually(
      () => sim.vcluster('ray-alpha', 'ray-alpha-vcluster') === undefined,
    );
    expect(hostPods('ray-alpha', 'ray-alpha-vcluster')).toEqual([]);
    expect(sim.objects.list('v1', 'Pod', { namespace: 'ray-alpha' })).toEqual(
      [],
    );
  });

  it('removes the host pod with the vcluster when the namespace is finalized', async () => {
    await vclusterWithOperator('ray-beta-vcluster', 'ray-beta');
    await raw(sim, 'DELETE', '/api/v1/namespaces/ray-beta');
    await eventually(
      () =>
        sim.vcluster('ray-beta', 'ray-beta-vcluster') === undefined &&
        sim.objects.get('v1', 'Namespace', 'ray-beta') === undefined,
    );
    expect(hostPods('ray-beta', 'ray-beta-vcluster')).toEqual([]);
  });
});
