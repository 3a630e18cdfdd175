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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  findConformanceDir,
  seedKinds,
  startKubeSim,
  wellEquippedSeed,
} from './index';
import { raw } from './__testUtils__/helpers';

// Starting well-equipped sims parses the upstream CRDs (cached on disk after the first run)
// and the first RayCluster compiles a large schema: allow for a slow, shared machine.
jest.setTimeout(30_000);

describe('seeds', () => {
  it('empty: built-ins only, namespaces default and kube-system, no CRDs, no nodes', async () => {
    const sim = await startKubeSim();
    try {
      expect(
        (await raw(sim, 'GET', '/api/v1/namespaces')).json.items.map(
          (n: any) => n.metadata.name,
        ),
      ).toEqual(['default', 'kube-system']);
      expect(
        (
          await raw(
            sim,
            'GET',
            '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
          )
        ).json.items,
      ).toEqual([]);
      expect((await raw(sim, 'GET', '/api/v1/nodes')).json.items).toEqual([]);
    } finally {
      await sim.stop();
    }
  });

  it('well-equipped: CRDs served, nodes with GPUs, default classes, a ready ClusterIssuer', async () => {
    const sim = await startKubeSim({
      seed: 'well-equipped',
      controllers: { enabled: false },
    });
    try {
      for (const k of seedKinds('well-equipped', 'flux')) {
        const [group, version] = k.apiVersion.split('/');
        const resources = (
          await raw(sim, 'GET', `/apis/${group}/${version}`)
        ).json.resources.map((r: any) => r.name);
        expect(resources).toContain(k.resource);
      }
      expect(seedKinds().map(k => k.kind)).toEqual(
        expect.arrayContaining([
          'Queue',
          'PodGroup',
          'HelmRelease',
          'HelmRepository',
          'OCIRepository',
          'RayCluster',
          'RayJob',
          'RayService',
          'Certificate',
          'Issuer',
          'ClusterIssuer',
        ]),
      );
      expect(seedKinds().map(k => k.kind)).not.toContain('HelmChart');
      expect(seedKinds('well-equipped', 'k3s').map(k => k.kind)).toContain(
        'HelmChart',
      );

      const nodes = (await raw(sim, 'GET', '/api/v1/nodes')).json.items;
      expect(nodes).toHaveLength(7);
      const gpu = (label: string) =>
        nodes.filter(
          (n: any) => n.metadata.labels['nvidia.com/gpu.product'] === label,
        );
      const a100 = gpu('NVIDIA-A100-SXM4-40GB');
      expect(a100).toHaveLength(2);
      const [a100Mig, a100Whole] = [...a100].sort(
        (a: any, b: any) =>
          Number(a.metadata.labels['nvidia.com/mig.strategy'] !== 'mixed') -
          Number(b.metadata.labels['nvidia.com/mig.strategy'] !== 'mixed'),
      );
      expect(a100Whole.metadata.labels).toMatchObject({
        'nvidia.com/gpu.count': '8',
        'nvidia.com/gpu.memory': '40960',
        'nvidia.com/mig.strategy': 'single',
      });
      expect(a100Whole.status.allocatable['nvidia.com/gpu']).toBe('8');
      expect(a100Mig.metadata.labels['nvidia.com/mig.config']).toBe(
        'all-1g.5gb',
      );
      expect(a100Mig.status.allocatable['nvidia.com/mig-1g.5gb']).toBe('56');
      const h100 = gpu('NVIDIA-H100-80GB-HBM3');
      expect(h100).toHaveLength(2);
      const mig = h100.find(
        (n: any) => n.metadata.labels['nvidia.com/mig.strategy'] === 'mixed',
      );
      expect(mig.metadata.labels['nvidia.com/mig.config']).toBe('all-balanced');
      expect(mig.status.allocatable).toMatchObject({
        'nvidia.com/mig-1g.10gb': '28',
        'nvidia.com/mig-3g.40gb': '4',
      });
      const whole = h100.find((n: any) => n !== mig);
      expect(whole.status.allocatable['nvidia.com/gpu']).toBe('4');
      const cpuNodes = nodes.filter(
        (n: any) => !n.metadata.labels['nvidia.com/gpu.product'],
      );
      expect(cpuNodes.map((n: any) => n.status.allocatable)).toEqual(
        Array(3).fill(expect.objectContaining({ cpu: '16', memory: '64Gi' })),
      );

      const ic = (
        await raw(sim, 'GET', '/apis/networking.k8s.io/v1/ingressclasses/nginx')
      ).json;
      expect(
        ic.metadata.annotations['ingressclass.kubernetes.io/is-default-class'],
      ).toBe('true');
      const sc = (
        await raw(sim, 'GET', '/apis/storage.k8s.io/v1/storageclasses/standard')
      ).json;
      expect(
        sc.metadata.annotations['storageclass.kubernetes.io/is-default-class'],
      ).toBe('true');
      const issuer = (
        await raw(
          sim,
          'GET',
          '/apis/cert-manager.io/v1/clusterissuers/ray-service-ca',
        )
      ).json;
      expect(issuer.status.conditions[0]).toMatchObject({
        type: 'Ready',
        status: 'True',
      });
      expect(
        (await raw(sim, 'GET', '/api/v1/namespaces/volcano-system')).status,
      ).toBe(200);
    } finally {
      await sim.stop();
    }
  });

  const conformance = findConformanceDir();
  if (!conformance && process.env.CI) {
    throw new Error(
      'CI is set but ../shared/conformance (the upstream CRDs) is missing',
    );
  }
  const describeWithCrds = conformance ? describe : describe.skip;
  describeWithCrds('with ../shared/conformance', () => {
    it('uses the upstream CRDs from it', () => {
      const seed = wellEquippedSeed();
      expect(seed.crdDir).toBe(conformance);
      const hr = seed.crds.find(
        c => c.crd.metadata.name === 'helmreleases.helm.toolkit.fluxcd.io',
      )!;
      expect(hr.source).toBe('upstream');
      expect(JSON.stringify(hr.crd)).toContain('x-kubernetes-validations');
      expect(
        seed.crds
          .filter(c => c.source === 'upstream')
          .map(c => c.crd.spec.group),
      ).toEqual(
        expect.arrayContaining([
          'scheduling.volcano.sh',
          'helm.toolkit.fluxcd.io',
          'source.toolkit.fluxcd.io',
          'ray.io',
        ]),
      );
    });
  });

  it('falls back to minimal CRDs without a CRD folder (cert-manager is always minimal)', async () => {
    const withDir = wellEquippedSeed();
    expect(
      withDir.crds.find(c => c.crd.spec.group === 'cert-manager.io')!.source,
    ).toBe('minimal');

    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-sim-nocrds-'));
    const minimal = wellEquippedSeed({ crdDir: empty });
    expect(minimal.crds.every(c => c.source === 'minimal')).toBe(true);
    const sim = await startKubeSim({
      seed: 'well-equipped',
      crdDir: empty,
      controllers: { enabled: false },
    });
    try {
      // minimal CRDs accept any fields
      const hr = await raw(
        sim,
        'POST',
        '/apis/helm.toolkit.fluxcd.io/v2/namespaces/default/helmreleases',
        {
          body: {
            apiVersion: 'helm.toolkit.fluxcd.io/v2',
            kind: 'HelmRelease',
            metadata: { name: 'x' },
            spec: { anything: { goes: true } },
          },
        },
      );
      expect(hr.status).toBe(201);
      expect(hr.json.spec.anything).toEqual({ goes: true });
    } finally {
      await sim.stop();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
