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

import type { IsolationMode } from '@ray-service/plugin-ray-service-common';
import { parse } from 'yaml';
import { planInput, TEMPLATES } from './__testUtils__/fixtures';
import { planObjects } from './__testUtils__/objects';
import { addonValuesWithRegistry, rayImage } from './registry';
import type { DeliveryController } from '../vocabulary';

const REGISTRY = 'registry.internal.example.com:5000/mirror';

/** Every value of a plan, with YAML strings (values, manifests) read too. */
function* allValues(node: unknown, key = ''): Generator<[string, unknown]> {
  if (typeof node === 'string' && /\n/.test(node)) {
    for (const document of node.split(/^---$/m)) {
      yield* allValues(parse(document), key);
    }
    return;
  }
  yield [key, node];
  if (Array.isArray(node)) {
    for (const item of node) yield* allValues(item, key);
  } else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) yield* allValues(v, k);
  }
}

const MODES: Array<[IsolationMode, DeliveryController]> = [
  ['vcluster', 'flux'],
  ['vcluster', 'helmChart'],
  ['namespace', 'flux'],
  ['namespace', 'helmChart'],
];

describe('image registry override', () => {
  describe.each(MODES)('%s isolation via %s', (isolation, delivery) => {
    const objects = planObjects(
      planInput({ isolation, delivery, template: TEMPLATES.airGapped }),
    );
    const values = [...allValues(objects)];

    it('is in every image field', () => {
      const imageFields = values.filter(([key]) =>
        ['registry', 'imageRegistry', 'defaultImageRegistry'].includes(key),
      );
      expect(imageFields.length).toBeGreaterThan(0);
      for (const [, value] of imageFields) {
        expect(value).toBe(REGISTRY);
      }
      const repositories = values.filter(
        ([key, value]) =>
          key === 'repository' &&
          typeof value === 'string' &&
          value.includes('/operator'),
      );
      for (const [, value] of repositories) {
        expect(value).toBe(`${REGISTRY}/kuberay/operator`);
      }
    });

    it('leaves no public registry or chart repository in the plan', () => {
      const strings = values
        .map(([, value]) => value)
        .filter((value): value is string => typeof value === 'string');
      for (const host of [
        'quay.io',
        'ghcr.io',
        'docker.io',
        'registry.k8s.io',
        'charts.loft.sh',
        'ray-project.github.io',
      ]) {
        expect(strings.filter(s => s.includes(host))).toEqual([]);
      }
    });
  });

  it('gives vcluster its default image registry and the operator its repository', () => {
    const [vcluster] = planObjects(
      planInput({
        isolation: 'vcluster',
        delivery: 'flux',
        template: TEMPLATES.airGapped,
      }),
    ).filter(o => o.kind === 'HelmRelease') as any[];
    const values = vcluster.spec.values;
    expect(values.controlPlane.advanced).toEqual({
      defaultImageRegistry: REGISTRY,
    });
    const [operator] = values.experimental.deploy.vcluster.helm;
    expect(operator.chart).toEqual({
      name: `oci://${REGISTRY}/charts/kuberay-operator`,
      version: '1.7.0',
    });
    expect(parse(operator.values).image).toEqual({
      repository: `${REGISTRY}/kuberay/operator`,
    });
  });

  it('is absent without an override', () => {
    const objects = planObjects(
      planInput({ isolation: 'vcluster', delivery: 'flux' }),
    );
    const keys = [...allValues(objects)].map(([key]) => key);
    expect(keys).not.toContain('defaultImageRegistry');
    expect(keys).not.toContain('imageRegistry');
  });

  it('rewrites add-on values: global.imageRegistry and every image.registry', () => {
    expect(
      addonValuesWithRegistry(
        {
          global: { storageClass: 'fast' },
          image: {
            registry: 'docker.io',
            repository: 'bitnami/mlflow',
            tag: '2',
          },
          sidecars: [{ image: { registry: 'ghcr.io', repository: 'x/y' } }],
          registry: 'not-an-image',
        },
        REGISTRY,
      ),
    ).toEqual({
      global: { storageClass: 'fast', imageRegistry: REGISTRY },
      image: { registry: REGISTRY, repository: 'bitnami/mlflow', tag: '2' },
      sidecars: [{ image: { registry: REGISTRY, repository: 'x/y' } }],
      registry: 'not-an-image',
    });
    const values = { image: { registry: 'docker.io', repository: 'a/b' } };
    expect(addonValuesWithRegistry(values, undefined)).toBe(values);
  });

  it('names the Ray image of a template version', () => {
    expect(rayImage(TEMPLATES.standard)).toBe(
      'docker.io/rayproject/ray:2.60.0',
    );
    expect(rayImage(TEMPLATES.airGapped)).toBe(
      `${REGISTRY}/rayproject/ray:2.60.0`,
    );
  });
});
