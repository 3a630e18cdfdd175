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

import { planInput, PROFILES, TEMPLATES } from './__testUtils__/fixtures';
import { plan } from './plan';
import type { PlanInput } from './types';
import { planToYaml } from './yaml';

/** Representative tenants; the YAML is what the "show me the YAML" view shows. */
const CASES: Array<[string, PlanInput]> = [
  [
    'vcluster via Flux, MIG profile, JupyterHub add-on',
    planInput({ isolation: 'vcluster', delivery: 'flux' }),
  ],
  [
    'vcluster via HelmChart, whole GPU, API server CIDRs',
    planInput({
      isolation: 'vcluster',
      delivery: 'helmChart',
      profile: PROFILES.medium,
      template: TEMPLATES.bare,
      host: { apiServerCidrs: ['10.0.0.10/32'] },
    }),
  ],
  [
    'namespace via Flux, CPU only, no add-ons',
    planInput({
      isolation: 'namespace',
      delivery: 'flux',
      profile: PROFILES.small,
      template: TEMPLATES.bare,
    }),
  ],
  [
    'namespace via HelmChart, MIG profile, no network policies',
    planInput({
      isolation: 'namespace',
      delivery: 'helmChart',
      template: TEMPLATES.noNetworkPolicy,
    }),
  ],
  [
    'vcluster via Flux, registry override and GCS fault tolerance',
    planInput({
      isolation: 'vcluster',
      delivery: 'flux',
      template: TEMPLATES.airGapped,
    }),
  ],
  [
    'namespace via HelmChart, registry override and GCS fault tolerance',
    planInput({
      isolation: 'namespace',
      delivery: 'helmChart',
      profile: PROFILES.medium,
      template: TEMPLATES.airGapped,
      host: { apiServerCidrs: ['10.0.0.10/32', '10.0.0.11/32'] },
    }),
  ],
  [
    'vcluster via HelmChart, API exposed through the ingress controller',
    planInput({
      isolation: 'vcluster',
      delivery: 'helmChart',
      profile: PROFILES.small,
      template: TEMPLATES.bare,
      host: {
        vclusterApiExposure: 'ingress',
        apiServerCidrs: ['10.0.0.10/32'],
      },
    }),
  ],
];

describe('plan snapshots', () => {
  it.each(CASES)('%s', (_, input) => {
    const { objects, summary } = plan(input);
    expect(`${summary.join('\n')}\n${planToYaml(objects)}`).toMatchSnapshot();
  });
});
