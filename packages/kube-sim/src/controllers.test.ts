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

import * as k8s from '@kubernetes/client-node';
import { startKubeSim } from './index';
import type { KubeSim } from './index';
import {
  eventually,
  kubeConfigFor,
  LONGER_THAN_ANY_TEST_MS,
  mergePatch,
  nextTurn,
  raw,
  statusOf,
} from './__testUtils__/helpers';
import { createVolcanoQueue } from './__testUtils__/volcano';

// Starting well-equipped sims parses the upstream CRDs (cached on disk after the first run)
// and the first RayCluster compiles a large schema: allow for a slow, shared machine.
jest.setTimeout(30_000);

const DELAY = 150;

function condition(obj: any, type: string) {
  return obj?.status?.conditions?.find((c: any) => c.type === type);
}

/** A RayCluster with one head and `workerGroupSpecs`. */
const rayCluster = (name: string, workerGroupSpecs: unknown[] = []) => ({
  apiVersion: 'ray.io/v1',
  kind: 'RayCluster',
  metadata: { name },
  spec: {
    headGroupSpec: {
      rayStartParams: {},
      template: {
        spec: {
          containers: [{ name: 'ray-head', image: 'rayproject/ray:2.60.0' }],
        },
      },
    },
    workerGroupSpecs,
  },
});

const helmRepo = (name: string, ns = 'flux-system') => ({
  apiVersion: 'source.toolkit.fluxcd.io/v1',
  kind: 'HelmRepository',
  metadata: { name, namespace: ns },
  spec: { interval: '10m', url: 'https://ray-project.github.io/kuberay-helm/' },
});

const helmRelease = (
  name: string,
  ns: string,
  chart: string,
  version: string,
  extra: Record<string, unknown> = {},
) => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: {
    name,
    namespace: ns,
    labels: { 'app.kubernetes.io/managed-by': 'ray-service' },
  },
  spec: {
    interval: '10m',
    chart: {
      spec: {
        chart,
        version,
        sourceRef: {
          kind: 'HelmRepository',
          name: 'charts',
          namespace: 'flux-system',
        },
      },
    },
    ...extra,
  },
});

describe('simulated controllers on a Flux host', () => {
  let sim: KubeSim;
  let kc: k8s.KubeConfig;
  let custom: k8s.CustomObjectsApi;
  const getHr = (ns: string, name: string) =>
    custom.getNamespacedCustomObject({
      group: 'helm.toolkit.fluxcd.io',
      version: 'v2',
      plural: 'helmreleases',
      namespace: ns,
      name,
    });

  beforeAll(async () => {
    sim = await startKubeSim({
      seed: 'well-equipped',
      token: 'host-token',
      controllers: { readyDelayMs: DELAY, namespaceFinalizeDelayMs: 100 },
      ray: { jobPendingMs: 0, jobRunningMs: 0 },
    });
    kc = kubeConfigFor(sim);
    custom = kc.makeApiClient(k8s.CustomObjectsApi);
    for (const ns of ['tenant-a', 'tenant-b', 'tenant-c', 'tenant-d']) {
      await raw(sim, 'POST', '/api/v1/namespaces', {
        body: { metadata: { name: ns } },
      });
    }
  });
  afterAll(() => sim.stop());

  it('reports a missing chart source (ArtifactFailed), then installs once the source exists', async () => {
    await raw(
      sim,
      'POST',
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/tenant-a/helmreleases',
      { body: helmRelease('podinfo', 'tenant-a', 'podinfo', '6.5.0') },
    );
    const failed = await eventually(async () => {
      const hr = await getHr('tenant-a', 'podinfo');
      return condition(hr, 'Ready')?.status === 'False' ? hr : undefined;
    });
    expect(condition(failed, 'Ready')).toMatchObject({
      reason: 'ArtifactFailed',
      message: expect.stringContaining(
        'HelmRepository.source.toolkit.fluxcd.io "charts" not found',
      ),
    });

    await raw(
      sim,
      'POST',
      '/apis/source.toolkit.fluxcd.io/v1/namespaces/flux-system/helmrepositories',
      { body: helmRepo('charts') },
    );
    const repo = await eventually(async () => {
      const r = sim.objects.get(
        'source.toolkit.fluxcd.io/v1',
        'HelmRepository',
        'flux-system',
        'charts',
      );
      return condition(r, 'Ready')?.status === 'True' ? r : undefined;
    });
    expect(condition(repo, 'Ready').reason).toBe('Succeeded');

    const ready = await eventually(async () => {
      const hr = await getHr('tenant-a', 'podinfo');
      return condition(hr, 'Ready')?.status === 'True' ? hr : undefined;
    }, 10_000);
    expect(condition(ready, 'Ready')).toMatchObject({
      reason: 'InstallSucceeded',
      observedGeneration: 1,
    });
    expect(ready.status).toMatchObject({
      observedGeneration: 1,
      lastAttemptedRevision: '6.5.0',
      lastAttemptedReleaseAction: 'install',
    });
    expect(ready.status.history[0]).toMatchObject({
      chartName: 'podinfo',
      chartVersion: '6.5.0',
      status: 'deployed',
      version: 1,
      name: 'podinfo',
      namespace: 'tenant-a',
    });
  });

  it('upgrades on a spec change: Ready=True (UpgradeSucceeded) with the next history entry', async () => {
    const before = await mergePatch(
      sim,
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/tenant-a/helmreleases/podinfo',
      { spec: { chart: { spec: { version: '6.6.0' } } } },
    );
    expect(before.json.metadata.generation).toBe(2);
    const upgraded = await eventually(async () => {
      const hr = await getHr('tenant-a', 'podinfo');
      return condition(hr, 'Ready')?.status === 'True' &&
        hr.status.observedGeneration === 2
        ? hr
        : undefined;
    }, 10_000);
    expect(condition(upgraded, 'Ready').reason).toBe('UpgradeSucceeded');
    expect(upgraded.status.lastAttemptedRevision).toBe('6.6.0');
    expect(
      upgraded.status.history.map((h: any) => [
        h.version,
        h.chartVersion,
        h.status,
      ]),
    ).toEqual([
      [2, '6.6.0', 'deployed'],
      [1, '6.5.0', 'superseded'],
    ]);
  });

  it('brings up a vcluster for a vcluster release: vc-<release> Secret, a working kubeconfig, KubeRay inside', async () => {
    const values = {
      experimental: {
        deploy: {
          vcluster: {
            helm: [
              {
                chart: {
                  name: 'kuberay-operator',
                  repo: 'https://ray-project.github.io/kuberay-helm/',
                  version: '1.7.0',
                },
                release: {
                  name: 'kuberay-operator',
                  namespace: 'kuberay-system',
                },
                values: 'singleNamespaceInstall: false\n',
              },
            ],
          },
        },
      },
    };
    await raw(
      sim,
      'POST',
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/tenant-b/helmreleases',
      {
        body: helmRelease('vc', 'tenant-b', 'vcluster', '0.36.1', {
          releaseName: 'tenant-b-vc',
          values,
        }),
      },
    );
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const secret = await eventually(
      async () =>
        core.readNamespacedSecret({
          name: 'vc-tenant-b-vc',
          namespace: 'tenant-b',
        }),
      3000,
    );
    const config = Buffer.from(secret.data!.config, 'base64').toString('utf8');

    const vkc = new k8s.KubeConfig();
    vkc.loadFromString(config);
    expect(vkc.getCurrentCluster()?.server).toBe(
      `${sim.url}/_vclusters/tenant-b/tenant-b-vc`,
    );
    expect(vkc.getCurrentCluster()?.caData).toBe(sim.caData);
    const vcore = vkc.makeApiClient(k8s.CoreV1Api);
    const nss = await vcore.listNamespace();
    expect(nss.items.map(n => n.metadata?.name)).toEqual(
      expect.arrayContaining(['default', 'kube-system', 'kuberay-system']),
    );
    // its own store: host namespaces are not there
    expect(nss.items.map(n => n.metadata?.name)).not.toContain('tenant-b');

    const operator = await kc
      .makeApiClient(k8s.AppsV1Api)
      .readNamespacedDeployment({
        name: 'kuberay-operator',
        namespace: 'kuberay-system',
      })
      .catch(() => undefined);
    expect(operator).toBeUndefined();
    const vapps = vkc.makeApiClient(k8s.AppsV1Api);
    const dep = await vapps.readNamespacedDeployment({
      name: 'kuberay-operator',
      namespace: 'kuberay-system',
    });
    expect(dep.status).toMatchObject({
      readyReplicas: 1,
      availableReplicas: 1,
    });
    expect(
      dep.status?.conditions?.find(c => c.type === 'Available')?.status,
    ).toBe('True');

    const groups = await vkc.makeApiClient(k8s.ApisApi).getAPIVersions();
    expect(groups.groups.map(g => g.name)).toContain('ray.io');

    // Ray objects inside the vcluster
    const vcustom = vkc.makeApiClient(k8s.CustomObjectsApi);
    await vcustom.createNamespacedCustomObject({
      group: 'ray.io',
      version: 'v1',
      plural: 'rayclusters',
      namespace: 'default',
      body: rayCluster('rc'),
    });
    const svc = await eventually(async () =>
      vcore.readNamespacedService({
        name: 'rc-head-svc',
        namespace: 'default',
      }),
    );
    expect(svc.spec?.ports?.map(p => p.port)).toEqual(
      expect.arrayContaining([6379, 8265, 10001]),
    );
    const rc = await eventually(async () => {
      const x: any = await vcustom.getNamespacedCustomObject({
        group: 'ray.io',
        version: 'v1',
        plural: 'rayclusters',
        namespace: 'default',
        name: 'rc',
      });
      return x.status?.state === 'ready' ? x : undefined;
    }, 10_000);
    expect(rc.status.head.serviceName).toBe('rc-head-svc');

    // a separate token: the host's does not open the vcluster, and the vcluster's does not open the host
    const vtoken = vkc.getCurrentUser()?.token;
    expect(vtoken).toBeTruthy();
    expect(vtoken).not.toBe('host-token');
    expect(
      (
        await raw(
          {
            url: `${sim.url}/_vclusters/tenant-b/tenant-b-vc`,
            caData: sim.caData,
            token: 'host-token',
          },
          'GET',
          '/api/v1/namespaces',
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await raw(
          { url: sim.url, caData: sim.caData, token: vtoken },
          'GET',
          '/api/v1/namespaces',
        )
      ).status,
    ).toBe(401);
    expect(
      sim
        .vcluster('tenant-b', 'tenant-b-vc')
        ?.objects.get(
          'apps/v1',
          'Deployment',
          'kuberay-system',
          'kuberay-operator',
        ),
    ).toBeDefined();
  });

  it('tears the vcluster down when the release is deleted', async () => {
    await raw(
      sim,
      'DELETE',
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/tenant-b/helmreleases/vc',
    );
    await eventually(
      async () =>
        (
          await raw(
            sim,
            'GET',
            '/api/v1/namespaces/tenant-b/secrets/vc-tenant-b-vc',
          )
        ).status === 404,
    );
    const gone = await raw(
      { url: `${sim.url}/_vclusters/tenant-b/tenant-b-vc`, caData: sim.caData },
      'GET',
      '/api/v1/namespaces',
    );
    expect(gone.status).toBe(404);
    expect(sim.vcluster('tenant-b', 'tenant-b-vc')).toBeUndefined();
  });

  it('supports chartRef to an OCIRepository whose URL ends in /vcluster; deleting the namespace tears it down', async () => {
    await raw(
      sim,
      'POST',
      '/apis/source.toolkit.fluxcd.io/v1/namespaces/tenant-c/ocirepositories',
      {
        body: {
          apiVersion: 'source.toolkit.fluxcd.io/v1',
          kind: 'OCIRepository',
          metadata: { name: 'vcluster' },
          spec: {
            interval: '10m',
            url: 'oci://ghcr.io/loft-sh/charts/vcluster',
            ref: { tag: '0.36.1' },
          },
        },
      },
    );
    await raw(
      sim,
      'POST',
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/tenant-c/helmreleases',
      {
        body: {
          apiVersion: 'helm.toolkit.fluxcd.io/v2',
          kind: 'HelmRelease',
          metadata: { name: 'vc' },
          spec: {
            interval: '10m',
            chartRef: { kind: 'OCIRepository', name: 'vcluster' },
          },
        },
      },
    );
    const hr = await eventually(async () => {
      const x = await getHr('tenant-c', 'vc');
      return condition(x, 'Ready')?.status === 'True' ? x : undefined;
    }, 10_000);
    expect(hr.status.history[0]).toMatchObject({
      chartName: 'vcluster',
      chartVersion: '0.36.1',
    });
    expect(
      (await raw(sim, 'GET', '/api/v1/namespaces/tenant-c/secrets/vc-vc'))
        .status,
    ).toBe(200);
    expect(sim.vcluster('tenant-c', 'vc')).toBeDefined();
    const oci = sim.objects.get(
      'source.toolkit.fluxcd.io/v1',
      'OCIRepository',
      'tenant-c',
      'vcluster',
    );
    expect(condition(oci, 'Ready')?.status).toBe('True');

    await raw(sim, 'DELETE', '/api/v1/namespaces/tenant-c');
    await eventually(
      async () => sim.vcluster('tenant-c', 'vc') === undefined,
      3000,
    );
    expect(
      (
        await raw(
          { url: `${sim.url}/_vclusters/tenant-c/vc`, caData: sim.caData },
          'GET',
          '/version',
        )
      ).status,
    ).toBe(404);
  });

  it('installs a namespaced KubeRay operator for a kuberay-operator release (namespace isolation)', async () => {
    await raw(
      sim,
      'POST',
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/flux-system/helmreleases',
      {
        body: helmRelease(
          'tenant-d-kuberay',
          'flux-system',
          'kuberay-operator',
          '1.7.0',
          {
            targetNamespace: 'tenant-d',
            values: { singleNamespaceInstall: true },
          },
        ),
      },
    );
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    const dep = await eventually(async () => {
      const d = await apps.readNamespacedDeployment({
        name: 'kuberay-operator',
        namespace: 'tenant-d',
      });
      return d.status?.availableReplicas === 1 ? d : undefined;
    }, 10_000);
    expect(dep.metadata?.annotations?.['meta.helm.sh/release-name']).toBe(
      'tenant-d-tenant-d-kuberay',
    );
    expect(dep.spec?.template.spec?.containers[0].image).toBe(
      'quay.io/kuberay/operator:v1.7.0',
    );

    // RayCluster and RayJob in the host namespace (pre-installed CRDs)
    await raw(sim, 'POST', '/apis/ray.io/v1/namespaces/tenant-d/rayclusters', {
      body: rayCluster('rc', [
        {
          groupName: 'gpu',
          replicas: 2,
          minReplicas: 0,
          maxReplicas: 4,
          rayStartParams: {},
          template: {
            spec: {
              containers: [{ name: 'w', image: 'rayproject/ray:2.60.0' }],
            },
          },
        },
      ]),
    });
    const rc = await eventually(async () => {
      const x = sim.objects.get('ray.io/v1', 'RayCluster', 'tenant-d', 'rc');
      return x?.status?.state === 'ready' ? x : undefined;
    }, 10_000);
    expect(rc.status).toMatchObject({
      desiredWorkerReplicas: 2,
      readyWorkerReplicas: 2,
      maxWorkerReplicas: 4,
    });
    expect(
      sim.objects.get('v1', 'Service', 'tenant-d', 'rc-head-svc'),
    ).toBeDefined();

    await raw(sim, 'POST', '/apis/ray.io/v1/namespaces/tenant-d/rayjobs', {
      body: {
        apiVersion: 'ray.io/v1',
        kind: 'RayJob',
        metadata: { name: 'job' },
        spec: {
          entrypoint: 'python -c "print(1)"',
          rayClusterSpec: rayCluster('unused').spec,
        },
      },
    });
    const done = await eventually(async () => {
      const x = sim.objects.get('ray.io/v1', 'RayJob', 'tenant-d', 'job');
      return x?.status?.jobDeploymentStatus === 'Complete' ? x : undefined;
    }, 10_000);
    expect(done.status).toMatchObject({ jobStatus: 'SUCCEEDED', succeeded: 1 });

    // the head service is garbage-collected with its RayCluster
    await raw(
      sim,
      'DELETE',
      '/apis/ray.io/v1/namespaces/tenant-d/rayclusters/rc',
    );
    await eventually(
      async () =>
        sim.objects.get('v1', 'Service', 'tenant-d', 'rc-head-svc') ===
        undefined,
    );
    // deleting the release removes the operator
    await raw(
      sim,
      'DELETE',
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/flux-system/helmreleases/tenant-d-kuberay',
    );
    await eventually(
      async () =>
        (await statusOf(
          apps.readNamespacedDeployment({
            name: 'kuberay-operator',
            namespace: 'tenant-d',
          }),
        )) === 404,
    );
  });

  it('opens Volcano queues', async () => {
    await createVolcanoQueue(sim, 'tenant-a', { weight: 1, reclaimable: true });
    const q = await eventually(async () => {
      const x: any = await custom.getClusterCustomObject({
        group: 'scheduling.volcano.sh',
        version: 'v1beta1',
        plural: 'queues',
        name: 'tenant-a',
      });
      return x.status?.state === 'Open' ? x : undefined;
    });
    expect(q.status.state).toBe('Open');
  });

  it('issues cert-manager certificates into their Secret', async () => {
    await raw(
      sim,
      'POST',
      '/apis/cert-manager.io/v1/namespaces/tenant-a/certificates',
      {
        body: {
          apiVersion: 'cert-manager.io/v1',
          kind: 'Certificate',
          metadata: { name: 'ray-tls' },
          spec: {
            secretName: 'ray-tls',
            dnsNames: ['ray.example.com'],
            issuerRef: { kind: 'ClusterIssuer', name: 'ray-service-ca' },
          },
        },
      },
    );
    const cert = await eventually(async () => {
      const c = sim.objects.get(
        'cert-manager.io/v1',
        'Certificate',
        'tenant-a',
        'ray-tls',
      );
      return condition(c, 'Ready')?.status === 'True' ? c : undefined;
    });
    expect(cert.status.notAfter).toBeDefined();
    expect(sim.objects.get('v1', 'Secret', 'tenant-a', 'ray-tls')?.type).toBe(
      'kubernetes.io/tls',
    );
  });
});

describe('simulated controllers before readyDelayMs has passed', () => {
  let sim: KubeSim;
  const hrPath = (ns: string) =>
    `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${ns}/helmreleases`;

  async function readyCondition(ns: string, name: string) {
    return condition(
      (await raw(sim, 'GET', `${hrPath(ns)}/${name}`)).json,
      'Ready',
    );
  }

  beforeAll(async () => {
    sim = await startKubeSim({
      seed: 'well-equipped',
      // nothing becomes ready while a test runs
      controllers: { readyDelayMs: LONGER_THAN_ANY_TEST_MS },
    });
    await raw(sim, 'POST', '/api/v1/namespaces', {
      body: { metadata: { name: 'tenant-p' } },
    });
    await raw(
      sim,
      'POST',
      '/apis/source.toolkit.fluxcd.io/v1/namespaces/flux-system/helmrepositories',
      { body: helmRepo('charts') },
    );
  });
  afterAll(() => sim.stop());

  it('keeps a fresh install Progressing (Ready=Unknown)', async () => {
    await raw(sim, 'POST', hrPath('tenant-p'), {
      body: helmRelease('fresh', 'tenant-p', 'podinfo', '6.5.0'),
    });
    const ready = await eventually(async () => {
      const c = await readyCondition('tenant-p', 'fresh');
      return c?.status === 'Unknown' ? c : undefined;
    });
    expect(ready).toMatchObject({
      reason: 'Progressing',
      message: 'Fresh install in progress',
    });
    const hr = (await raw(sim, 'GET', `${hrPath('tenant-p')}/fresh`)).json;
    expect(hr.status).toMatchObject({
      lastAttemptedReleaseAction: 'install',
      lastAttemptedRevision: '6.5.0',
    });
    expect(hr.status.history).toBeUndefined();
  });

  it('keeps an upgrade Progressing (Ready=Unknown) after a spec change', async () => {
    // a release whose install has succeeded, as the controller leaves it after the delay
    const installed = helmRelease('upgraded', 'tenant-p', 'podinfo', '6.5.0');
    const succeeded = {
      type: 'Ready',
      status: 'True',
      reason: 'InstallSucceeded',
      message: 'Helm install succeeded',
      observedGeneration: 1,
      lastTransitionTime: new Date().toISOString(),
    };
    sim.objects.put({
      ...installed,
      status: {
        observedGeneration: 1,
        lastAttemptedGeneration: 1,
        lastAttemptedRevision: '6.5.0',
        lastAttemptedReleaseAction: 'install',
        conditions: [succeeded, { ...succeeded, type: 'Released' }],
        history: [
          {
            name: 'tenant-p-upgraded',
            namespace: 'tenant-p',
            version: 1,
            status: 'deployed',
            chartName: 'podinfo',
            chartVersion: '6.5.0',
          },
        ],
      },
    });
    const patched = await mergePatch(sim, `${hrPath('tenant-p')}/upgraded`, {
      spec: { chart: { spec: { version: '6.6.0' } } },
    });
    expect(patched.json.metadata.generation).toBe(2);
    const ready = await eventually(async () => {
      const c = await readyCondition('tenant-p', 'upgraded');
      return c?.status === 'Unknown' ? c : undefined;
    });
    expect(ready).toMatchObject({
      reason: 'Progressing',
      message: "Running 'upgrade' action with timeout of 5m0s",
      observedGeneration: 2,
    });
    const hr = (await raw(sim, 'GET', `${hrPath('tenant-p')}/upgraded`)).json;
    expect(hr.status).toMatchObject({
      lastAttemptedReleaseAction: 'upgrade',
      lastAttemptedRevision: '6.6.0',
    });
    expect(hr.status.history).toHaveLength(1);
  });

  it('keeps a RayJob Initializing', async () => {
    await raw(sim, 'POST', '/apis/ray.io/v1/namespaces/tenant-p/rayjobs', {
      body: {
        apiVersion: 'ray.io/v1',
        kind: 'RayJob',
        metadata: { name: 'job' },
        spec: {
          entrypoint: 'python -c "print(1)"',
          rayClusterSpec: rayCluster('unused').spec,
        },
      },
    });
    const job = await eventually(
      () => sim.objects.get('ray.io/v1', 'RayJob', 'tenant-p', 'job')?.status,
    );
    expect(job).toMatchObject({
      jobDeploymentStatus: 'Initializing',
      rayClusterName: expect.stringMatching(/^job-[a-z0-9]{5}$/),
    });
  });
});

describe('simulated controllers on a k3s/RKE2 host', () => {
  it('runs HelmCharts through a helm-install Job and brings up a vcluster', async () => {
    const sim = await startKubeSim({
      seed: 'well-equipped',
      seedDeliveryController: 'k3s',
      controllers: { readyDelayMs: DELAY },
    });
    try {
      const groups = (await raw(sim, 'GET', '/apis')).json.groups.map(
        (g: any) => g.name,
      );
      expect(groups).toContain('helm.cattle.io');
      expect(groups).not.toContain('helm.toolkit.fluxcd.io');
      await raw(sim, 'POST', '/api/v1/namespaces', {
        body: { metadata: { name: 'tenant-k' } },
      });
      await raw(
        sim,
        'POST',
        '/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts',
        {
          body: {
            apiVersion: 'helm.cattle.io/v1',
            kind: 'HelmChart',
            metadata: { name: 'tenant-k-vc' },
            spec: {
              chart: 'vcluster',
              repo: 'https://charts.loft.sh',
              version: '0.36.1',
              targetNamespace: 'tenant-k',
              valuesContent:
                'experimental:\n  deploy:\n    vcluster:\n      helm:\n      - chart: {name: kuberay-operator, version: 1.7.0}\n        release: {name: kuberay-operator, namespace: ray-system}\n',
            },
          },
        },
      );
      const hc = await eventually(async () => {
        const x = sim.objects.get(
          'helm.cattle.io/v1',
          'HelmChart',
          'kube-system',
          'tenant-k-vc',
        );
        return x?.status?.jobName ? x : undefined;
      });
      expect(hc.status.jobName).toBe('helm-install-tenant-k-vc');
      expect(condition(hc, 'JobCreated')?.status).toBe('True');
      const job = await eventually(async () => {
        const j = sim.objects.get(
          'batch/v1',
          'Job',
          'kube-system',
          'helm-install-tenant-k-vc',
        );
        return j?.status?.succeeded === 1 ? j : undefined;
      }, 10_000);
      expect(condition(job, 'Complete')?.status).toBe('True');
      const secret = await eventually(async () =>
        sim.objects.get('v1', 'Secret', 'tenant-k', 'vc-tenant-k-vc'),
      );
      const vkc = new k8s.KubeConfig();
      vkc.loadFromString(
        Buffer.from(secret.data.config, 'base64').toString('utf8'),
      );
      const dep = await vkc
        .makeApiClient(k8s.AppsV1Api)
        .readNamespacedDeployment({
          name: 'kuberay-operator',
          namespace: 'ray-system',
        });
      expect(dep.status?.availableReplicas).toBe(1);
      // the operator's pod, synced to the host as vcluster's syncer does
      const operatorPod = await eventually(
        () =>
          sim.objects.list('v1', 'Pod', {
            namespace: 'tenant-k',
            labelSelector: {
              'vcluster.loft.sh/managed-by': 'tenant-k-vc',
              'vcluster.loft.sh/namespace': 'ray-system',
            },
          })[0],
      );
      expect(operatorPod.status.phase).toBe('Running');

      await raw(
        sim,
        'DELETE',
        '/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/tenant-k-vc',
      );
      await eventually(
        async () =>
          sim.objects.get('v1', 'Secret', 'tenant-k', 'vc-tenant-k-vc') ===
          undefined,
      );
      expect(sim.vcluster('tenant-k', 'tenant-k-vc')).toBeUndefined();
      expect(sim.objects.list('v1', 'Pod', { namespace: 'tenant-k' })).toEqual(
        [],
      );
    } finally {
      await sim.stop();
    }
  });
});

describe('controllers switched off', () => {
  it('leaves objects as written', async () => {
    const sim = await startKubeSim({
      seed: 'well-equipped',
      controllers: { enabled: false },
    });
    try {
      await createVolcanoQueue(sim, 'q');
      await raw(sim, 'POST', '/apis/apps/v1/namespaces/default/deployments', {
        body: {
          metadata: { name: 'd' },
          spec: {
            selector: { matchLabels: { a: 'b' } },
            template: { metadata: { labels: { a: 'b' } } },
          },
        },
      });
      await nextTurn();
      expect(
        sim.objects.get('scheduling.volcano.sh/v1beta1', 'Queue', 'q')?.status
          ?.state,
      ).toBeUndefined();
      expect(
        sim.objects.get('apps/v1', 'Deployment', 'default', 'd')?.status,
      ).toBeUndefined();
    } finally {
      await sim.stop();
    }
  });
});
