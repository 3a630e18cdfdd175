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

import {
  ComputeProfile,
  TemplateVersion,
  Tenant,
} from '@ray-service/plugin-ray-service-common';
import {
  computeProfile,
  templateVersion,
  tenant,
} from '../__testUtils__/fixtures';
import {
  profileChoices,
  templateVersionChoices,
  tenantChoices,
} from './choices';

const ALPHA_LINEAGE = ['group:default/ml-team-alpha', 'group:default/ml-teams'];

describe('profileChoices', () => {
  const profiles = [
    computeProfile('small'),
    computeProfile('large-mig', {
      displayName: 'Large (MIG)',
      resources: [
        {
          cpu: '16',
          memory: '64Gi',
          storage: '200Gi',
          gpuModel: 'A100-40GB',
          gpuCount: 1,
        },
      ],
      partitioning: { 'A100-40GB': { mode: 'mig', profile: '1g.5gb' } },
      visibleTo: ['group:default/ml-teams'],
      allocation: {
        strategy: 'warmPool',
        desiredCapacity: 2,
        timezone: 'Europe/Berlin',
      },
    }),
    computeProfile('bravo-only', {
      visibleTo: ['group:default/ml-team-bravo'],
    }),
  ] as ComputeProfile[];

  it("offers the profiles visible to the owner's lineage, with resources, GPUs and allocation", () => {
    expect(profileChoices(profiles, ALPHA_LINEAGE)).toEqual([
      {
        value: 'small',
        title: 'Small (small)',
        chips: ['on demand'],
        details: [
          '8 CPU · 32Gi memory · 100Gi storage',
          'Provisioned on demand when the tenant is created',
        ],
      },
      {
        value: 'large-mig',
        title: 'Large (MIG) (large-mig)',
        chips: ['instant'],
        details: [
          '16 CPU · 64Gi memory · 200Gi storage',
          '1 × A100-40GB as MIG 1g.5gb = 7 × nvidia.com/mig-1g.5gb',
          'Instant from a warm pool of 2 (Europe/Berlin)',
        ],
      },
    ]);
  });
});

describe('templateVersionChoices', () => {
  const shared = { sharedWith: ['group:default/ml-teams'] };
  const versions = [
    templateVersion('1.0.0', 'deprecated', shared),
    templateVersion('1.1.0', 'published', {
      ...shared,
      changelog: 'KubeRay 1.6, its lines\nwrapped by YAML.\n\nOlder notes',
    }),
    templateVersion('1.2.0', 'retired', shared),
    templateVersion('1.3.0', 'draft', shared),
    templateVersion('2.0.0', 'published', {
      sharedWith: ['group:default/ml-team-bravo'],
    }),
  ] as TemplateVersion[];

  it('offers published versions shared with the owner, newest first, deprecated ones marked and not choosable', () => {
    const choices = templateVersionChoices(versions, ALPHA_LINEAGE);
    expect(choices.map(c => [c.value, c.disabled, c.chips])).toEqual([
      ['kuberay@1.1.0', false, []],
      ['kuberay@1.0.0', true, ['deprecated']],
    ]);
    expect(choices[0].details).toEqual([
      'KubeRay 1.5.1 · Ray 2.52.0 · isolation: vcluster or namespace',
      'KubeRay 1.6, its lines wrapped by YAML.',
    ]);
  });
});

describe('tenantChoices', () => {
  it('offers the tenants the user may create workloads in, choosable once Ready', () => {
    const tenants = [
      tenant('ready-one', { phase: 'Ready' }),
      tenant('coming-up', { phase: 'Provisioning' }),
      tenant('not-mine', { phase: 'Ready' }),
    ] as Tenant[];
    const choices = tenantChoices(tenants, t => t.name !== 'not-mine');
    expect(choices.map(c => [c.value, c.disabled])).toEqual([
      ['ready-one', false],
      ['coming-up', true],
    ]);
    expect(choices[1].details[1]).toBe('Not Ready yet (Provisioning)');
  });
});
