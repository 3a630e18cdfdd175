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

import { planInput, TEMPLATES } from '../__testUtils__/fixtures';
import {
  ofKind,
  planObjects,
  single,
  valuesOf,
} from '../__testUtils__/objects';

describe('Flux delivery', () => {
  const objects = planObjects(
    planInput({ isolation: 'vcluster', delivery: 'flux' }),
  );

  it('installs the vcluster chart from charts.loft.sh, from the Flux namespace', () => {
    const repository = single(objects, 'HelmRepository');
    expect(repository.metadata).toMatchObject({
      name: 'ray-alpha-vcluster',
      namespace: 'flux-system',
    });
    expect(repository.spec).toEqual({
      url: 'https://charts.loft.sh',
      interval: '1h',
    });
    const release = single(objects, 'HelmRelease');
    expect(release.metadata.namespace).toBe('flux-system');
    expect(release.spec).toMatchObject({
      releaseName: 'ray-alpha-vcluster',
      targetNamespace: 'ray-alpha',
      storageNamespace: 'ray-alpha',
      chart: {
        spec: {
          chart: 'vcluster',
          version: '0.36.1',
          sourceRef: {
            kind: 'HelmRepository',
            name: 'ray-alpha-vcluster',
            namespace: 'flux-system',
          },
        },
      },
      install: { remediation: { retries: 3 } },
      upgrade: {
        cleanupOnFail: true,
        remediation: { retries: 3, remediateLastFailure: true },
      },
    });
    expect(release.spec.install.crds).toBeUndefined();
  });

  it('uses the configured Flux namespace', () => {
    const custom = planObjects(
      planInput({
        isolation: 'vcluster',
        delivery: 'flux',
        host: { fluxNamespace: 'gitops' },
      }),
    );
    for (const object of [
      ...ofKind(custom, 'HelmRepository'),
      ...ofKind(custom, 'HelmRelease'),
    ]) {
      expect(object.metadata.namespace).toBe('gitops');
    }
    expect(
      single(custom, 'HelmRelease').spec.chart.spec.sourceRef.namespace,
    ).toBe('gitops');
  });

  it('pulls oci:// charts through an OCIRepository pinned to the version', () => {
    const airGapped = planObjects(
      planInput({
        isolation: 'namespace',
        delivery: 'flux',
        template: TEMPLATES.airGapped,
      }),
    );
    expect(ofKind(airGapped, 'HelmRepository')).toEqual([]);
    const source = single(airGapped, 'OCIRepository', 'ray-alpha-addon-mlflow');
    expect(source.spec).toEqual({
      url: 'oci://registry.internal.example.com:5000/mirror/charts/mlflow',
      ref: { tag: '1.2.3' },
      layerSelector: {
        mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
        operation: 'copy',
      },
      interval: '1h',
    });
    const release = single(airGapped, 'HelmRelease', 'ray-alpha-addon-mlflow');
    expect(release.spec.chartRef).toEqual({
      kind: 'OCIRepository',
      name: 'ray-alpha-addon-mlflow',
      namespace: 'flux-system',
    });
    expect(release.spec.chart).toBeUndefined();
  });
});

describe('RKE2/k3s HelmChart delivery', () => {
  it('keeps HelmCharts out of the tenant namespace', () => {
    for (const isolation of ['vcluster', 'namespace'] as const) {
      const objects = planObjects(
        planInput({ isolation, delivery: 'helmChart' }),
      );
      for (const chart of ofKind(objects, 'HelmChart')) {
        expect(chart.metadata.namespace).toBe('kube-system');
        expect(chart.spec.targetNamespace).toBe('ray-alpha');
      }
      const custom = planObjects(
        planInput({
          isolation,
          delivery: 'helmChart',
          host: { helmChartNamespace: 'helm-system' },
        }),
      );
      expect(
        ofKind(custom, 'HelmChart').map(c => c.metadata.namespace),
      ).toEqual(ofKind(custom, 'HelmChart').map(() => 'helm-system'));
    }
  });

  it('names the HelmChart after the release, with repo, chart, version and values', () => {
    const objects = planObjects(
      planInput({ isolation: 'vcluster', delivery: 'helmChart' }),
    );
    const chart = single(objects, 'HelmChart');
    expect(chart.metadata.name).toBe('ray-alpha-vcluster');
    expect(chart.spec).toMatchObject({
      repo: 'https://charts.loft.sh',
      chart: 'vcluster',
      version: '0.36.1',
      targetNamespace: 'ray-alpha',
      failurePolicy: 'abort',
    });
    const flux = planObjects(
      planInput({ isolation: 'vcluster', delivery: 'flux' }),
    );
    expect(valuesOf(chart)).toEqual(valuesOf(single(flux, 'HelmRelease')));
  });

  it('names oci:// charts by URL, without a repo', () => {
    const objects = planObjects(
      planInput({
        isolation: 'namespace',
        delivery: 'helmChart',
        template: TEMPLATES.airGapped,
      }),
    );
    const chart = single(objects, 'HelmChart', 'ray-alpha-kuberay-operator');
    expect(chart.spec.repo).toBeUndefined();
    expect(chart.spec.chart).toBe(
      'oci://registry.internal.example.com:5000/mirror/charts/kuberay-operator',
    );
  });
});
