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

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import * as k8s from '@kubernetes/client-node';
import { kubeconfigYaml } from '@ray-service/kube-sim';
import { binaryPath, shouldRunControlPlaneTests } from './binaries';
import { ControlPlane, startControlPlane } from './controlPlane';
import { parseRequestTotals, requestTotalsDelta } from './requestTotals';
import { waitFor } from './waitFor';

// Starting takes seconds, but a shared 2-core CI machine can be much slower.
const START_TIMEOUT_MS = 240_000;
jest.setTimeout(120_000);

const describeWithControlPlane = shouldRunControlPlaneTests(
  'controlPlane.test.ts',
)
  ? describe
  : describe.skip;

function clientFor(kubeconfig: string) {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(kubeconfig);
  return kc;
}

function httpStatus(error: unknown): number | undefined {
  return error instanceof k8s.ApiException ? error.code : undefined;
}

/** Processes whose command line mentions `dir` (every process of a control plane does). */
function processesUsing(dir: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter(entry => /^\d+$/.test(entry))
    .filter(pid => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
      } catch {
        return false; // exited while we looked
      }
    })
    .map(Number);
}

describeWithControlPlane(
  'a real control plane, seeded like a host cluster',
  () => {
    let plane: ControlPlane;
    let kc: k8s.KubeConfig;

    beforeAll(async () => {
      plane = await startControlPlane({
        deliveryController: 'both',
        audit: true,
      });
      kc = clientFor(plane.kubeconfig());
    }, START_TIMEOUT_MS);
    afterAll(() => plane?.stop());

    it('reports the Kubernetes version it was built as', async () => {
      const version = await kc.makeApiClient(k8s.VersionApi).getCode();
      expect(version.gitVersion).toBe('v1.34.4');
    });

    it('finalizes a deleted namespace away (the controller manager runs)', async () => {
      const core = kc.makeApiClient(k8s.CoreV1Api);
      await core.createNamespace({ body: { metadata: { name: 'doomed' } } });
      await core.createNamespacedConfigMap({
        namespace: 'doomed',
        body: { metadata: { name: 'content' }, data: { a: 'b' } },
      });
      await core.deleteNamespace({ name: 'doomed' });
      const gone = await waitFor(
        async () => {
          try {
            await core.readNamespace({ name: 'doomed' });
            return undefined;
          } catch (error) {
            if (httpStatus(error) === 404) return true;
            throw error;
          }
        },
        { description: 'namespace doomed to disappear', timeoutMs: 60_000 },
      );
      expect(gone).toBe(true);
    });

    it('reports ResourceQuota usage (the controller manager counts it)', async () => {
      const core = kc.makeApiClient(k8s.CoreV1Api);
      await core.createNamespace({ body: { metadata: { name: 'quota' } } });
      await core.createNamespacedResourceQuota({
        namespace: 'quota',
        body: { metadata: { name: 'q' }, spec: { hard: { secrets: '5' } } },
      });
      await core.createNamespacedSecret({
        namespace: 'quota',
        body: { metadata: { name: 's' }, stringData: { a: 'b' } },
      });
      const used = await waitFor(
        async () => {
          const quota = await core.readNamespacedResourceQuota({
            name: 'q',
            namespace: 'quota',
          });
          return quota.status?.used?.secrets === '1'
            ? quota.status.used
            : undefined;
        },
        {
          description: 'ResourceQuota q to count the secret',
          timeoutMs: 60_000,
        },
      );
      expect(used).toEqual({ secrets: '1' });
    });

    it('serves the seeded CRDs, Established, with both delivery controllers', async () => {
      const crds = await kc
        .makeApiClient(k8s.ApiextensionsV1Api)
        .listCustomResourceDefinition();
      const established = crds.items
        .filter(crd =>
          crd.status?.conditions?.some(
            c => c.type === 'Established' && c.status === 'True',
          ),
        )
        .map(crd => crd.metadata!.name);
      expect(established).toEqual(
        expect.arrayContaining([
          'rayclusters.ray.io',
          'rayjobs.ray.io',
          'rayservices.ray.io',
          'raycronjobs.ray.io',
          'queues.scheduling.volcano.sh',
          'podgroups.scheduling.volcano.sh',
          'commands.bus.volcano.sh',
          'helmreleases.helm.toolkit.fluxcd.io',
          'helmrepositories.source.toolkit.fluxcd.io',
          'ocirepositories.source.toolkit.fluxcd.io',
          'helmcharts.helm.cattle.io',
          'clusterissuers.cert-manager.io',
          'issuers.cert-manager.io',
          'certificates.cert-manager.io',
        ]),
      );
      // KubeRay's upstream schema, not a minimal one: it knows RayCluster's fields.
      const rayCluster = crds.items.find(
        c => c.metadata!.name === 'rayclusters.ray.io',
      )!;
      expect(
        rayCluster.spec.versions[0].schema?.openAPIV3Schema?.properties?.spec
          ?.properties,
      ).toHaveProperty('headGroupSpec');
    });

    it('has Ready nodes with allocatable GPUs and MIG labels', async () => {
      const nodes = (await kc.makeApiClient(k8s.CoreV1Api).listNode()).items;
      const a100 = nodes.find(n => n.metadata!.name === 'gpu-a100-node-1')!;
      expect(a100.metadata!.labels).toMatchObject({
        'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB',
      });
      expect(a100.status!.allocatable).toMatchObject({ 'nvidia.com/gpu': '8' });
      expect(a100.status!.capacity).toMatchObject({ 'nvidia.com/gpu': '8' });
      const mig = nodes.find(n => n.metadata!.name === 'gpu-h100-mig-node-1')!;
      expect(mig.metadata!.labels!['nvidia.com/mig.config']).toBe(
        'all-balanced',
      );
      expect(mig.status!.allocatable).toMatchObject({
        'nvidia.com/mig-3g.40gb': '4',
      });
      // untainted, as a kubelet's node would be once Ready
      expect(nodes.filter(n => n.spec?.taints?.length)).toEqual([]);
      expect(
        nodes.every(n =>
          n.status!.conditions!.some(
            c => c.type === 'Ready' && c.status === 'True',
          ),
        ),
      ).toBe(true);
    });

    it('has a default StorageClass, an nginx IngressClass and a Ready ClusterIssuer', async () => {
      const storage = await kc
        .makeApiClient(k8s.StorageV1Api)
        .listStorageClass();
      expect(
        storage.items.some(
          s =>
            s.metadata!.annotations?.[
              'storageclass.kubernetes.io/is-default-class'
            ] === 'true',
        ),
      ).toBe(true);
      const ingress = await kc
        .makeApiClient(k8s.NetworkingV1Api)
        .readIngressClass({ name: 'nginx' });
      expect(ingress.spec!.controller).toBe('k8s.io/ingress-nginx');
      const issuer: any = await kc
        .makeApiClient(k8s.CustomObjectsApi)
        .getClusterCustomObject({
          group: 'cert-manager.io',
          version: 'v1',
          plural: 'clusterissuers',
          name: 'ray-service-ca',
        });
      expect(issuer.status.conditions).toEqual([
        expect.objectContaining({ type: 'Ready', status: 'True' }),
      ]);
    });

    it('mints a ServiceAccount token (TokenRequest) the API server accepts', async () => {
      const core = kc.makeApiClient(k8s.CoreV1Api);
      await core.createNamespace({ body: { metadata: { name: 'tokens' } } });
      await core.createNamespacedServiceAccount({
        namespace: 'tokens',
        body: { metadata: { name: 'robot' } },
      });
      const request = await core.createNamespacedServiceAccountToken({
        namespace: 'tokens',
        name: 'robot',
        body: { spec: { audiences: [], expirationSeconds: 600 } },
      });
      const robot = clientFor(
        kubeconfigYaml({
          server: plane.url,
          caData: plane.caData,
          token: request.status!.token,
        }),
      );
      const review = await robot
        .makeApiClient(k8s.AuthenticationV1Api)
        .createSelfSubjectReview({ body: {} });
      expect(review.status!.userInfo!.username).toBe(
        'system:serviceaccount:tokens:robot',
      );
    });

    it('counts requests by verb and resource in its metrics', async () => {
      const before = parseRequestTotals(await plane.metrics());
      await kc.makeApiClient(k8s.CoreV1Api).listNode();
      const delta = requestTotalsDelta(
        before,
        parseRequestTotals(await plane.metrics()),
      );
      expect(delta.filter(t => t.resource === 'nodes')).toEqual([
        {
          verb: 'LIST',
          group: '',
          version: 'v1',
          resource: 'nodes',
          subresource: '',
          scope: 'cluster',
          code: '200',
          count: 1,
        },
      ]);
    });

    it("keeps an audit log of its clients' requests, not of its own components", async () => {
      await kc
        .makeApiClient(k8s.CoreV1Api)
        .readNamespace({ name: 'kube-system' });
      const events = plane.auditEvents();
      expect(events).toContainEqual(
        expect.objectContaining({
          verb: 'get',
          requestURI: '/api/v1/namespaces/kube-system',
          objectRef: expect.objectContaining({
            resource: 'namespaces',
            name: 'kube-system',
          }),
          responseStatus: expect.objectContaining({ code: 200 }),
        }),
      );
      const users = new Set(events.map(e => e.user.username));
      expect(users).not.toContain('system:kube-controller-manager');
      expect(
        [...users].filter(u =>
          u.startsWith('system:serviceaccount:kube-system:'),
        ),
      ).toEqual([]);
    });

    it("compacts etcd's history up to its current revision", async () => {
      const core = kc.makeApiClient(k8s.CoreV1Api);
      const before = await core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: 'compacted' } },
      });
      const revision = await plane.compactEtcd();
      expect(revision).toBeGreaterThanOrEqual(
        Number(before.metadata!.resourceVersion),
      );
      const rangeAt = (at: number) =>
        fetch(`${plane.etcdUrl}/v3/kv/range`, {
          method: 'POST',
          body: JSON.stringify({ key: btoa('/'), revision: at }),
        });
      expect((await rangeAt(revision)).status).toBe(200);
      const older = await rangeAt(revision - 1);
      expect(older.status).not.toBe(200);
      expect(await older.text()).toContain('compacted');
    });

    it('works with kubectl and the kubeconfig it gives', async () => {
      const file = `${plane.dir}/kubeconfig`;
      fs.writeFileSync(file, plane.kubeconfig(), { mode: 0o600 });
      const { stdout } = await promisify(execFile)(binaryPath('kubectl'), [
        '--kubeconfig',
        file,
        'get',
        'nodes',
        '-o',
        'name',
      ]);
      expect(stdout.split('\n')).toContain('node/gpu-a100-mig-node-1');
    });
  },
);

describeWithControlPlane('stopping a control plane', () => {
  it(
    'leaves no process and no folder behind',
    async () => {
      const plane = await startControlPlane({ seed: 'empty' });
      try {
        expect(processesUsing(plane.dir)).toHaveLength(3);
      } finally {
        await plane.stop();
      }
      expect(processesUsing(plane.dir)).toEqual([]);
      expect(fs.existsSync(plane.dir)).toBe(false);
    },
    START_TIMEOUT_MS,
  );
});
