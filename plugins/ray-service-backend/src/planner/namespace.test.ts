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
import { planInput, TEMPLATES } from './__testUtils__/fixtures';
import { planObjects, single } from './__testUtils__/objects';
import { rayClusterSchedulingLabels, raySchedulingFor } from './scheduling';

function namespace(isolation: IsolationMode, template = TEMPLATES.standard) {
  return single(
    planObjects(planInput({ isolation, delivery: 'flux', template })),
    'Namespace',
  );
}

describe('tenant Namespace', () => {
  it.each<[IsolationMode, typeof TEMPLATES.standard, string]>([
    ['vcluster', TEMPLATES.bare, 'restricted'],
    ['vcluster', TEMPLATES.standard, 'baseline'],
    ['namespace', TEMPLATES.bare, 'restricted'],
    ['namespace', TEMPLATES.standard, 'baseline'],
  ])(
    'enforces pod security for %s isolation (%#)',
    (isolation, template, level) => {
      expect(namespace(isolation, template).metadata.labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': level,
        'pod-security.kubernetes.io/enforce-version': 'latest',
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
      });
    },
  );

  it('enforces the level the template version sets', () => {
    const baseline = {
      ...TEMPLATES.bare,
      security: {
        ...TEMPLATES.bare.security,
        podSecurity: 'baseline' as const,
      },
    };
    const restricted = {
      ...TEMPLATES.standard,
      security: {
        ...TEMPLATES.standard.security,
        podSecurity: 'restricted' as const,
      },
    };
    expect(
      namespace('namespace', baseline).metadata.labels[
        'pod-security.kubernetes.io/enforce'
      ],
    ).toBe('baseline');
    expect(
      namespace('vcluster', restricted).metadata.labels[
        'pod-security.kubernetes.io/enforce'
      ],
    ).toBe('restricted');
  });

  it('names the tenant’s Volcano queue as default for its PodGroups', () => {
    expect(namespace('vcluster').metadata.annotations).toMatchObject({
      'scheduling.volcano.sh/queue-name': 'ray-alpha',
    });
  });

  it('keeps the exact owner and template version in annotations', () => {
    expect(namespace('namespace').metadata.annotations).toMatchObject({
      'ray-service.io/owner-ref': 'group:default/ml-team-alpha',
      'ray-service.io/template-version-ref': 'kuberay@2.0.0',
    });
  });
});

describe('Ray scheduling', () => {
  it('labels RayClusters of namespace tenants for KubeRay’s Volcano integration', () => {
    expect(rayClusterSchedulingLabels('alpha')).toEqual({
      'ray.io/scheduler-name': 'volcano',
      'volcano.sh/queue-name': 'ray-alpha',
    });
    expect(raySchedulingFor('namespace', 'alpha')).toEqual({
      rayClusterLabels: rayClusterSchedulingLabels('alpha'),
      podTemplate: { annotations: {} },
    });
  });

  it('has pods in a vcluster ask for Volcano and the queue themselves', () => {
    expect(raySchedulingFor('vcluster', 'alpha')).toEqual({
      rayClusterLabels: {},
      podTemplate: {
        schedulerName: 'volcano',
        annotations: { 'scheduling.volcano.sh/queue-name': 'ray-alpha' },
      },
    });
  });
});
