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

import { KubeConfig } from '@kubernetes/client-node';
import { AddressInfo, createServer } from 'node:net';
import { ObjectClient } from '../kubernetes/ObjectClient';
import {
  evaluatePreflight,
  preflight,
  PREFLIGHT_KINDS,
  PreflightFacts,
} from './preflight';
import { startTestCluster } from '../kubernetes/__testUtils__/kubeSim';

const supportMatrix = { min: '1.29', max: '1.33' };
const options = { supportMatrix, clusterIssuer: 'ray-service-ca' };

const allServed = () =>
  Object.fromEntries(
    PREFLIGHT_KINDS.map(k => [`${k.apiVersion}/${k.kind}`, { value: true }]),
  );

function facts(change: Partial<PreflightFacts> = {}): PreflightFacts {
  return {
    kubernetesVersion: { value: 'v1.31.4' },
    served: allServed(),
    ingressClasses: { value: [{ name: 'nginx', isDefault: true }] },
    storageClasses: { value: [{ name: 'standard', isDefault: true }] },
    clusterIssuer: { value: { name: 'ray-service-ca', ready: 'True' } },
    ...change,
  };
}

const byName = (result: ReturnType<typeof evaluatePreflight>) =>
  Object.fromEntries(result.checks.map(c => [c.name, c]));

describe('evaluatePreflight', () => {
  it('passes a well-equipped cluster and prefers Flux when both controllers are there', () => {
    const result = evaluatePreflight(facts(), options);
    expect(result).toMatchObject({
      passed: true,
      deliveryController: 'flux',
      ingressClassName: 'nginx',
      storageClassName: 'standard',
    });
    expect(result.checks.every(c => c.status === 'pass')).toBe(true);
  });

  it('detects HelmChart when Flux is missing', () => {
    const served = allServed();
    served['helm.toolkit.fluxcd.io/v2/HelmRelease'] = { value: false };
    const result = evaluatePreflight(facts({ served }), options);
    expect(result.deliveryController).toBe('helmChart');
  });

  it('fails without a delivery controller, naming what each would need', () => {
    const served = Object.fromEntries(
      Object.keys(allServed()).map(k => [
        k,
        { value: !k.includes('helm') && !k.includes('source') },
      ]),
    );
    const result = evaluatePreflight(facts({ served }), options);
    expect(result.passed).toBe(false);
    expect(result.deliveryController).toBeUndefined();
    expect(byName(result)['delivery-controller'].message).toBe(
      'no Helm delivery controller: flux needs source.toolkit.fluxcd.io/v1/HelmRepository, source.toolkit.fluxcd.io/v1/OCIRepository, helm.toolkit.fluxcd.io/v2/HelmRelease; helmChart needs helm.cattle.io/v1/HelmChart',
    );
  });

  it('judges the Kubernetes version against the matrix', () => {
    const result = evaluatePreflight(
      facts({ kubernetesVersion: { value: 'v1.35.0' } }),
      options,
    );
    expect(byName(result)['kubernetes-version']).toEqual({
      name: 'kubernetes-version',
      status: 'fail',
      message: 'v1.35.0 is newer than 1.33, the newest supported version',
    });
  });

  it('warns without a default class and picks the first', () => {
    const result = evaluatePreflight(
      facts({
        storageClasses: {
          value: [
            { name: 'slow', isDefault: false },
            { name: 'fast', isDefault: false },
          ],
        },
      }),
      options,
    );
    expect(result.storageClassName).toBe('fast');
    expect(byName(result)['storage-class'].status).toBe('warn');
    expect(result.passed).toBe(true);
  });

  it('fails when the ClusterIssuer is missing or not Ready, warns when none is configured', () => {
    expect(
      byName(
        evaluatePreflight(
          facts({ clusterIssuer: { value: undefined } }),
          options,
        ),
      )['cluster-issuer'].message,
    ).toBe('ClusterIssuer ray-service-ca does not exist');
    expect(
      byName(
        evaluatePreflight(
          facts({
            clusterIssuer: {
              value: { name: 'x', ready: 'False', message: 'no CA' },
            },
          }),
          options,
        ),
      )['cluster-issuer'],
    ).toMatchObject({
      status: 'fail',
      message: 'ClusterIssuer ray-service-ca is not Ready: no CA',
    });
    expect(
      byName(evaluatePreflight(facts(), { supportMatrix }))['cluster-issuer']
        .status,
    ).toBe('warn');
  });

  it('only warns without the KubeRay CRDs', () => {
    const served = allServed();
    served['ray.io/v1/RayCluster'] = { value: false };
    const result = evaluatePreflight(facts({ served }), options);
    expect(byName(result)['kuberay-crds']).toMatchObject({ status: 'warn' });
    expect(result.passed).toBe(true);
  });

  it('reports read errors as failures', () => {
    const result = evaluatePreflight(
      facts({
        kubernetesVersion: { error: 'GET /version: timed out after 5000 ms' },
        ingressClasses: { error: 'list IngressClass: HTTP 403: forbidden' },
      }),
      options,
    );
    expect(byName(result)['kubernetes-version'].message).toBe(
      'GET /version: timed out after 5000 ms',
    );
    expect(byName(result)['ingress-class'].message).toBe(
      'list IngressClass: HTTP 403: forbidden',
    );
    expect(result.passed).toBe(false);
  });
});

describe('preflight on kube-sim', () => {
  it('passes the well-equipped Flux host', async () => {
    const { sim, client } = await startTestCluster({
      controllers: { enabled: false },
    });
    try {
      const result = await preflight(client, options);
      expect(result.checks.filter(c => c.status !== 'pass')).toEqual([]);
      expect(result).toMatchObject({
        passed: true,
        deliveryController: 'flux',
        ingressClassName: 'nginx',
        storageClassName: 'standard',
      });
    } finally {
      await sim.stop();
    }
  });

  it('detects HelmChart on a k3s host', async () => {
    const { sim, client } = await startTestCluster({
      seedDeliveryController: 'k3s',
      controllers: { enabled: false },
    });
    try {
      expect((await preflight(client, options)).deliveryController).toBe(
        'helmChart',
      );
    } finally {
      await sim.stop();
    }
  });

  it('fails an empty cluster and names what is missing', async () => {
    const { sim, client } = await startTestCluster({
      seed: 'empty',
      kubernetesVersion: 'v1.27.3',
    });
    try {
      const result = await preflight(client, options);
      expect(result.passed).toBe(false);
      expect(
        Object.fromEntries(
          result.checks.map(c => [c.name, `${c.status}: ${c.message}`]),
        ),
      ).toEqual({
        'kubernetes-version':
          'fail: v1.27.3 is older than 1.29, the oldest supported version',
        volcano:
          'fail: Volcano missing: scheduling.volcano.sh/v1beta1/Queue, bus.volcano.sh/v1alpha1/Command not served',
        'cert-manager':
          'fail: cert-manager missing: cert-manager.io/v1/Certificate, cert-manager.io/v1/ClusterIssuer not served',
        'delivery-controller': expect.stringMatching(
          /^fail: no Helm delivery controller: flux needs .*HelmRelease; helmChart needs helm.cattle.io\/v1\/HelmChart$/,
        ),
        'ingress-class': 'fail: no IngressClass exists',
        'storage-class': 'fail: no StorageClass exists',
        'cluster-issuer': 'fail: ClusterIssuer ray-service-ca does not exist',
        'kuberay-crds':
          'warn: KubeRay CRDs missing: ray.io/v1/RayCluster, ray.io/v1/RayJob, ray.io/v1/RayService not served: tenants can only use vcluster isolation',
      });
    } finally {
      await sim.stop();
    }
  });
});

describe('preflight of an unreachable cluster', () => {
  it('is one failed reachability check, not the same error in every check', async () => {
    const server = createServer();
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    await new Promise(done => server.close(done));
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'gone', server: `https://127.0.0.1:${port}` }],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'c', cluster: 'gone', user: 'u' }],
      currentContext: 'c',
    });
    const client = ObjectClient.fromKubeConfig(kc, { timeoutMs: 30_000 });
    const result = await preflight(client, options);
    expect(result).toEqual({
      checks: [
        {
          name: 'reachability',
          status: 'fail',
          message: expect.stringMatching(/^GET \/version: .*ECONNREFUSED/),
        },
      ],
      passed: false,
    });
    expect(client.stats).toMatchObject({ lists: 0, gets: 0, discoveries: 0 });
  });
});
