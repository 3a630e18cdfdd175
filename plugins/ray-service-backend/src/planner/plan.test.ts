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

import { InputError } from '@backstage/errors';
import type { IsolationMode } from '@ray-service/plugin-ray-service-common';
import {
  planInput,
  storedTemplateVersion,
  TEMPLATES,
} from './__testUtils__/fixtures';
import { planObjects, single } from './__testUtils__/objects';
import {
  PLANNED_KINDS,
  INSTANCE_LABEL,
  MANAGED_BY_LABEL,
  OWNER_LABEL,
  TEMPLATE_VERSION_LABEL,
  TENANT_LABEL,
} from '../vocabulary';
import { plan } from './plan';
import type { DeliveryController } from '../vocabulary';
import { planToYaml } from './yaml';

const MODES: Array<[IsolationMode, DeliveryController]> = [
  ['vcluster', 'flux'],
  ['vcluster', 'helmChart'],
  ['namespace', 'flux'],
  ['namespace', 'helmChart'],
];

describe('plan', () => {
  describe.each(MODES)('%s isolation via %s', (isolation, delivery) => {
    const input = planInput({
      isolation,
      delivery,
      template: TEMPLATES.airGapped,
    });
    const objects = planObjects(input);

    it('labels every object with the instance, tenant, owner and template version', () => {
      for (const object of objects) {
        expect(object.metadata.labels).toMatchObject({
          [MANAGED_BY_LABEL]: 'ray-service',
          [INSTANCE_LABEL]: 'default',
          [TENANT_LABEL]: 'alpha',
          [OWNER_LABEL]: 'ml-team-alpha',
          [TEMPLATE_VERSION_LABEL]: 'kuberay-air-gapped-1.0.0',
        });
      }
    });

    it('only emits kinds the reconciler lists, namespaced as declared', () => {
      for (const object of objects) {
        const kind = PLANNED_KINDS.find(
          k => k.apiVersion === object.apiVersion && k.kind === object.kind,
        );
        expect(kind).toBeDefined();
        expect(object.metadata.namespace !== undefined).toBe(kind!.namespaced);
      }
    });

    it('orders objects so that applying them in order works', () => {
      const kinds = objects.map(o => o.kind);
      expect(kinds[0]).toBe('Namespace');
      const lastPolicy = kinds.lastIndexOf('NetworkPolicy');
      const firstDelivery = kinds.findIndex(k =>
        [
          'HelmRepository',
          'OCIRepository',
          'HelmRelease',
          'HelmChart',
        ].includes(k),
      );
      expect(kinds.indexOf('ResourceQuota')).toBeLessThan(firstDelivery);
      expect(kinds.indexOf('LimitRange')).toBeLessThan(firstDelivery);
      expect(lastPolicy).toBeLessThan(firstDelivery);
      const positions = (of: string[]) =>
        kinds.flatMap((kind, index) => (of.includes(kind) ? [index] : []));
      const sources = positions(['HelmRepository', 'OCIRepository']);
      const releases = positions(['HelmRelease']);
      expect(Math.max(-1, ...sources)).toBeLessThan(
        Math.min(Infinity, ...releases),
      );
    });

    it('is deterministic: the same input gives the same bytes', () => {
      const again = plan(
        planInput({ isolation, delivery, template: TEMPLATES.airGapped }),
      );
      expect(planToYaml(again.objects)).toBe(planToYaml(objects));
    });

    it('keeps every name within Kubernetes limits', () => {
      for (const object of objects) {
        expect(object.metadata.name.length).toBeLessThanOrEqual(63);
        for (const value of Object.values(object.metadata.labels)) {
          expect(value).toMatch(
            /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/,
          );
          expect(value.length).toBeLessThanOrEqual(63);
        }
      }
    });
  });

  it('renders the same YAML whatever the key order of the template values', () => {
    const template = TEMPLATES.standard;
    const reordered = storedTemplateVersion({
      ...template,
      addons: template.addons.map(addon => ({
        values: Object.fromEntries(
          Object.entries(addon.values ?? {}).reverse(),
        ),
        chart: {
          version: addon.chart.version,
          name: addon.chart.name,
          repository: addon.chart.repository,
        },
        name: addon.name,
      })),
      security: { tls: true, networkPolicy: true },
    });
    for (const [isolation, delivery] of MODES) {
      const a = plan(planInput({ isolation, delivery, template }));
      const b = plan(planInput({ isolation, delivery, template: reordered }));
      expect(planToYaml(b.objects)).toBe(planToYaml(a.objects));
    }
  });

  it('shares nothing with its input', () => {
    const input = planInput({ isolation: 'namespace', delivery: 'flux' });
    const objects = planObjects(input);
    const addonRelease = single(
      objects,
      'HelmRelease',
      'ray-alpha-addon-jupyterlab',
    );
    addonRelease.spec.values.singleuser.defaultUrl = '/changed';
    expect(input.templateVersion.addons[0].values).toEqual({
      singleuser: { defaultUrl: '/lab' },
    });
  });

  it('keeps names within limits for the longest tenant and add-on names', () => {
    const longAddon = 'a'.repeat(63);
    const template = storedTemplateVersion({
      ...TEMPLATES.standard,
      addons: [{ ...TEMPLATES.standard.addons[0], name: longAddon }],
    });
    for (const [isolation, delivery] of MODES) {
      const objects = planObjects(
        planInput({ isolation, delivery, template, tenant: 't'.repeat(32) }),
      );
      for (const object of objects) {
        expect(object.metadata.name.length).toBeLessThanOrEqual(63);
      }
      // A HelmChart's name is its release name.
      const releaseNames = objects.flatMap(object => {
        if (object.kind === 'HelmRelease') {
          return [(object.spec as any).releaseName as string];
        }
        return object.kind === 'HelmChart' ? [object.metadata.name] : [];
      });
      expect(releaseNames.length).toBeGreaterThan(0);
      for (const name of releaseNames) {
        expect(name.length).toBeLessThanOrEqual(53);
      }
    }
  });

  it('refuses tenant names that are not short DNS labels', () => {
    for (const name of ['t'.repeat(33), 'Alpha', 'al_pha', '-alpha', '']) {
      expect(() =>
        plan(
          planInput({ isolation: 'vcluster', delivery: 'flux', tenant: name }),
        ),
      ).toThrow(InputError);
    }
  });

  it('refuses an isolation mode the template version does not offer', () => {
    const template = storedTemplateVersion({
      ...TEMPLATES.bare,
      isolationModes: ['namespace'],
    });
    expect(() =>
      plan(planInput({ isolation: 'vcluster', delivery: 'flux', template })),
    ).toThrow(/does not offer isolation "vcluster"/);
  });

  it('refuses a vcluster API Ingress without a base domain', () => {
    const host = {
      vclusterApiExposure: 'ingress' as const,
      baseDomain: undefined,
    };
    expect(() =>
      plan(planInput({ isolation: 'vcluster', delivery: 'flux', host })),
    ).toThrow(InputError);
    expect(() =>
      plan(planInput({ isolation: 'vcluster', delivery: 'flux', host })),
    ).toThrow(/vclusterApiExposure: ingress.*no baseDomain/);
    // Namespace tenants have no vcluster API to expose.
    expect(() =>
      plan(planInput({ isolation: 'namespace', delivery: 'flux', host })),
    ).not.toThrow();
  });

  it('labels every object with the configured instance, and changes nothing else', () => {
    for (const [isolation, delivery] of MODES) {
      const staging = planObjects(
        planInput({ isolation, delivery, instance: 'staging' }),
      );
      const standard = planObjects(planInput({ isolation, delivery }));
      expect(staging.length).toBeGreaterThan(0);
      for (const object of staging) {
        expect([object.kind, object.metadata.labels[INSTANCE_LABEL]]).toEqual([
          object.kind,
          'staging',
        ]);
      }
      // (the vcluster's own manifests carry the labels too)
      expect(
        planToYaml(staging).replaceAll(
          `${INSTANCE_LABEL}: staging`,
          `${INSTANCE_LABEL}: default`,
        ),
      ).toBe(planToYaml(standard));
    }
  });

  it('refuses instances that are not DNS labels of at most 20 characters', () => {
    for (const instance of ['x'.repeat(21), 'Prod', 'pr_od', '-prod', '']) {
      expect(() =>
        plan(planInput({ isolation: 'vcluster', delivery: 'flux', instance })),
      ).toThrow(/invalid instance/);
    }
  });

  it('refuses an owner that is not a group', () => {
    const input = planInput({ isolation: 'vcluster', delivery: 'flux' });
    input.tenant.owner = 'user:default/jane';
    expect(() => plan(input)).toThrow(InputError);
  });
});
