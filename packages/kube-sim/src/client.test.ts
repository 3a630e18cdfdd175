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
  errorBody,
  eventually,
  kubeConfigFor,
  LONGER_THAN_ANY_TEST_MS,
  statusOf,
} from './__testUtils__/helpers';

describe('through @kubernetes/client-node', () => {
  let sim: KubeSim;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;
  let apps: k8s.AppsV1Api;
  let objects: k8s.KubernetesObjectApi;

  beforeAll(async () => {
    sim = await startKubeSim({
      token: 'client-token',
      controllers: {
        readyDelayMs: 100,
        // a deleted namespace stays Terminating until a test finalizes it
        namespaceFinalizeDelayMs: LONGER_THAN_ANY_TEST_MS,
      },
    });
    kc = kubeConfigFor(sim);
    core = kc.makeApiClient(k8s.CoreV1Api);
    apps = kc.makeApiClient(k8s.AppsV1Api);
    objects = k8s.KubernetesObjectApi.makeApiClient(kc);
  });
  afterAll(() => sim.stop());

  it('builds a working KubeConfig from kubeconfig() (TLS against the sim CA, bearer token)', () => {
    const cluster = kc.getCurrentCluster();
    expect(cluster?.server).toBe(sim.url);
    expect(cluster?.caData).toBe(sim.caData);
    expect(cluster?.skipTLSVerify).toBeFalsy();
    expect(kc.getCurrentUser()?.token).toBe('client-token');
  });

  it('reads /version and discovery with VersionApi and ApisApi', async () => {
    const v = await kc.makeApiClient(k8s.VersionApi).getCode();
    expect(v).toMatchObject({ major: '1', minor: '31', gitVersion: 'v1.31.4' });
    const groups = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    expect(groups.groups.map(g => g.name)).toContain('apps');
    const coreResources = await core.getAPIResources();
    expect(coreResources.resources.map(r => r.name)).toContain(
      'resourcequotas',
    );
  });

  it('does CRUD on namespaced objects with CoreV1Api and maps errors to ApiException codes', async () => {
    await core.createNamespace({
      body: { metadata: { name: 'client-ns', labels: { team: 'a' } } },
    });
    const created = await core.createNamespacedConfigMap({
      namespace: 'client-ns',
      body: {
        metadata: { name: 'cfg', labels: { app: 'x' } },
        data: { a: '1' },
      },
    });
    expect(created.metadata?.uid).toBeDefined();
    const read = await core.readNamespacedConfigMap({
      name: 'cfg',
      namespace: 'client-ns',
    });
    expect(read.data).toEqual({ a: '1' });
    const replaced = await core.replaceNamespacedConfigMap({
      name: 'cfg',
      namespace: 'client-ns',
      body: { ...read, data: { a: '2' } },
    });
    expect(replaced.data).toEqual({ a: '2' });

    // stale resourceVersion → 409 Conflict
    const conflict = core.replaceNamespacedConfigMap({
      name: 'cfg',
      namespace: 'client-ns',
      body: { ...read, data: { a: '3' } },
    });
    expect(await errorBody(conflict)).toMatchObject({
      reason: 'Conflict',
      code: 409,
    });

    expect(
      await statusOf(
        core.createNamespacedConfigMap({
          namespace: 'client-ns',
          body: { metadata: { name: 'cfg' } },
        }),
      ),
    ).toBe(409);
    expect(
      await statusOf(
        core.readNamespacedConfigMap({
          name: 'missing',
          namespace: 'client-ns',
        }),
      ),
    ).toBe(404);
    expect(
      await statusOf(
        core.createNamespacedConfigMap({
          namespace: 'nowhere',
          body: { metadata: { name: 'cfg' } },
        }),
      ),
    ).toBe(404);
    const invalid = await errorBody(
      core.createNamespacedConfigMap({
        namespace: 'client-ns',
        body: { metadata: { name: 'UPPER' } },
      }),
    );
    expect(invalid).toMatchObject({
      reason: 'Invalid',
      code: 422,
      details: {
        causes: [expect.objectContaining({ field: 'metadata.name' })],
      },
    });

    const merged = await core.patchNamespacedConfigMap(
      { name: 'cfg', namespace: 'client-ns', body: { data: { b: 'x' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(merged.data).toEqual({ a: '2', b: 'x' });
    const jsonPatched = await core.patchNamespacedConfigMap({
      name: 'cfg',
      namespace: 'client-ns',
      body: [{ op: 'replace', path: '/data/b', value: 'y' }],
    });
    expect(jsonPatched.data).toEqual({ a: '2', b: 'y' });

    const list = await core.listNamespacedConfigMap({
      namespace: 'client-ns',
      labelSelector: 'app=x',
    });
    expect(list.items.map(i => i.metadata?.name)).toEqual(['cfg']);
    const all = await core.listConfigMapForAllNamespaces({
      labelSelector: 'app in (x,y)',
    });
    expect(all.items).toHaveLength(1);

    await core.deleteNamespacedConfigMap({
      name: 'cfg',
      namespace: 'client-ns',
    });
    expect(
      await statusOf(
        core.deleteNamespacedConfigMap({ name: 'cfg', namespace: 'client-ns' }),
      ),
    ).toBe(404);

    const ns = await core.deleteNamespace({ name: 'client-ns' });
    expect(ns).toBeDefined();
    expect(
      (await core.readNamespace({ name: 'client-ns' })).status?.phase,
    ).toBe('Terminating');
    const late = await errorBody(
      core.createNamespacedConfigMap({
        namespace: 'client-ns',
        body: { metadata: { name: 'late' } },
      }),
    );
    expect(late).toMatchObject({ code: 403, reason: 'Forbidden' });
    // the namespace controller finishes: then the namespace is gone
    expect(sim.objects.delete('v1', 'Namespace', 'client-ns')).toBe(true);
    expect(await statusOf(core.readNamespace({ name: 'client-ns' }))).toBe(404);
  });

  it('server-side applies with KubernetesObjectApi (create, update, field removal, conflict, force)', async () => {
    const quota = (
      hard: Record<string, string>,
      labels: Record<string, string>,
    ) => ({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'quota', namespace: 'default', labels },
      spec: { hard },
    });
    const created = await objects.patch(
      quota(
        { cpu: '10', memory: '20Gi', 'requests.nvidia.com/gpu': '2' },
        { 'app.kubernetes.io/managed-by': 'ray-service', tenant: 't1' },
      ),
      undefined,
      undefined,
      'ray-service',
      true,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect((created as any).spec.hard).toEqual({
      cpu: '10',
      memory: '20Gi',
      'requests.nvidia.com/gpu': '2',
    });
    expect(
      (created as k8s.KubernetesObject).metadata?.managedFields?.[0],
    ).toMatchObject({
      manager: 'ray-service',
      operation: 'Apply',
    });

    const updated = await objects.patch(
      quota({ cpu: '12' }, { 'app.kubernetes.io/managed-by': 'ray-service' }),
      undefined,
      undefined,
      'ray-service',
      true,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect((updated as any).spec.hard).toEqual({ cpu: '12' });
    expect(updated.metadata?.labels).toEqual({
      'app.kubernetes.io/managed-by': 'ray-service',
    });

    const clash = objects.patch(
      quota({ cpu: '1' }, {}),
      undefined,
      undefined,
      'intruder',
      false,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect(await errorBody(clash)).toMatchObject({
      code: 409,
      reason: 'Conflict',
    });
    const forced = await objects.patch(
      quota({ cpu: '1' }, {}),
      undefined,
      undefined,
      'intruder',
      true,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect((forced as any).spec.hard.cpu).toBe('1');

    const noManager = objects.patch(
      quota({ cpu: '1' }, {}),
      undefined,
      undefined,
      undefined,
      true,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect(await errorBody(noManager)).toMatchObject({
      code: 400,
      reason: 'BadRequest',
    });

    const invalid = objects.patch(
      quota({ cpu: 'lots' }, {}),
      undefined,
      undefined,
      'ray-service',
      true,
      k8s.PatchStrategy.ServerSideApply,
    );
    // as a real API server answers (kubernetes#139253): 500, not 422
    expect(await errorBody(invalid)).toMatchObject({
      code: 500,
      reason: 'InternalError',
      message: expect.stringMatching(
        /^failed to convert new object \(\/quota; \/v1, Kind=ResourceQuota\) to proper version: .*quantities must match the regular expression/,
      ),
    });

    const read = await objects.read({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'quota', namespace: 'default' },
    });
    expect((read as any).spec.hard.cpu).toBe('1');
    const listed = await objects.list(
      'v1',
      'ResourceQuota',
      'default',
      undefined,
      undefined,
      undefined,
      undefined,
      'app.kubernetes.io/managed-by=ray-service',
    );
    expect(listed.items).toHaveLength(1);
    await objects.delete({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'quota', namespace: 'default' },
    });
    expect(
      await statusOf(
        objects.read({
          apiVersion: 'v1',
          kind: 'ResourceQuota',
          metadata: { name: 'quota', namespace: 'default' },
        }),
      ),
    ).toBe(404);
  });

  it('creates, replaces, merge-patches and lists through KubernetesObjectApi', async () => {
    const np = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'deny', namespace: 'default', labels: { t: '1' } },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    };
    const created: k8s.KubernetesObject = await objects.create(np);
    expect(created.metadata?.resourceVersion).toBeDefined();
    const replaced = await objects.replace({
      ...created,
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    } as any);
    expect((replaced as any).spec.policyTypes).toEqual(['Ingress', 'Egress']);
    const patched = await objects.patch(
      {
        apiVersion: np.apiVersion,
        kind: np.kind,
        metadata: { name: 'deny', namespace: 'default', labels: { u: '2' } },
      },
      undefined,
      undefined,
      undefined,
      undefined,
      k8s.PatchStrategy.MergePatch,
    );
    expect(patched.metadata?.labels).toEqual({ t: '1', u: '2' });
    const dry = await objects.create(
      { ...np, metadata: { name: 'dry', namespace: 'default' } },
      undefined,
      'All',
    );
    expect(dry.metadata?.name).toBe('dry');
    expect(
      await statusOf(
        objects.read({
          apiVersion: np.apiVersion,
          kind: np.kind,
          metadata: { name: 'dry', namespace: 'default' },
        }),
      ),
    ).toBe(404);
  });

  it('pages lists with limit/continue', async () => {
    for (let i = 0; i < 5; i++) {
      await core.createNamespacedSecret({
        namespace: 'default',
        body: { metadata: { name: `page-${i}`, labels: { paged: 'yes' } } },
      });
    }
    const seen: string[] = [];
    let cont: string | undefined;
    do {
      const page = await core.listNamespacedSecret({
        namespace: 'default',
        labelSelector: 'paged=yes',
        limit: 2,
        _continue: cont,
      });
      seen.push(...page.items.map(i => i.metadata!.name!));
      cont = page.metadata?._continue;
    } while (cont);
    expect(seen).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
  });

  it('reports Deployment status (available at once) through AppsV1Api', async () => {
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'api' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'api' } },
          template: {
            metadata: { labels: { app: 'api' } },
            spec: { containers: [{ name: 'api', image: 'busybox' }] },
          },
        },
      },
    });
    const d = await eventually(async () => {
      const x = await apps.readNamespacedDeploymentStatus({
        name: 'api',
        namespace: 'default',
      });
      return x.status?.availableReplicas === 2 ? x : undefined;
    });
    expect(
      d.status?.conditions?.find(c => c.type === 'Available')?.status,
    ).toBe('True');
    expect(d.status?.observedGeneration).toBe(1);
  });

  it('reads nodes added with addNode', async () => {
    sim.addNode({
      metadata: {
        name: 'extra',
        labels: { 'nvidia.com/gpu.product': 'Tesla-T4' },
      },
      status: {
        allocatable: { cpu: '8', memory: '32Gi', 'nvidia.com/gpu': '1' },
      },
    });
    const nodes = await core.listNode({
      labelSelector: 'nvidia.com/gpu.product',
    });
    expect(nodes.items.map(n => n.metadata?.name)).toEqual(['extra']);
    expect(nodes.items[0].status?.allocatable).toMatchObject({
      'nvidia.com/gpu': '1',
    });
    expect(nodes.items[0].status?.capacity).toMatchObject({ cpu: '8' });
  });

  it('401s a client without the token', async () => {
    const anon = new k8s.KubeConfig();
    anon.loadFromOptions({
      clusters: [{ name: 'c', server: sim.url, caData: sim.caData }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    expect(
      await statusOf(anon.makeApiClient(k8s.CoreV1Api).listNamespace()),
    ).toBe(401);
  });
});
