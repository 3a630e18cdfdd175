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

import { computeProfileInputSchema } from '@ray-service/plugin-ray-service-common';
import {
  draftToProfileInput,
  emptyProfileDraft,
  profileToDraft,
} from './profileForm';

const profile = computeProfileInputSchema.parse({
  name: 'large-mig',
  displayName: 'Large (MIG)',
  resources: [
    { cpu: '16', memory: '64Gi', storage: '200Gi' },
    {
      cpu: '32',
      memory: '128Gi',
      storage: '500Gi',
      gpuModel: 'A100-40GB',
      gpuCount: 2,
    },
    { cpu: '8', memory: '32Gi', storage: '100Gi', gpuModel: 'L4', gpuCount: 1 },
  ],
  partitioning: {
    'A100-40GB': { mode: 'mig', profile: '1g.5gb' },
    L4: { mode: 'timeSlicing', replicas: 4 },
  },
  allocation: {
    strategy: 'warmPool',
    desiredCapacity: 2,
    timezone: 'Europe/Berlin',
    windows: [
      { days: ['sat', 'sun'], from: '00:00', to: '24:00', desiredCapacity: 0 },
    ],
    templateVersion: 'kuberay@2.0.0',
    isolation: 'vcluster',
  },
  published: true,
  visibleTo: ['group:default/ml-teams'],
});

describe('profile form drafts', () => {
  it('turn a stored profile back into the same input', () => {
    expect(
      computeProfileInputSchema.parse(
        draftToProfileInput(profileToDraft(profile)),
      ),
    ).toEqual(profile);
  });

  it('leave the pool version and isolation out when not chosen', () => {
    const draft = profileToDraft(profile);
    draft.allocation.templateVersion = '';
    draft.allocation.isolation = '';
    const { allocation } = draftToProfileInput(draft);
    expect(allocation).not.toHaveProperty('templateVersion');
    expect(allocation).not.toHaveProperty('isolation');
  });

  it('send partitioning only for GPU models in use, and none for whole GPUs', () => {
    const draft = profileToDraft(profile);
    draft.resources = draft.resources.filter(group => group.gpuModel !== 'L4');
    draft.partitioning['H100-80GB'] = {
      mode: 'whole',
      profile: '',
      replicas: '',
    };
    draft.resources.push({
      ...draft.resources[0],
      gpuModel: 'H100-80GB',
      gpuCount: '1',
    });

    expect(draftToProfileInput(draft).partitioning).toEqual({
      'A100-40GB': { mode: 'mig', profile: '1g.5gb' },
    });
  });

  it('leave numbers that are not filled in out, for the schema to report', () => {
    const draft = emptyProfileDraft();
    draft.resources[0].gpuModel = 'T4';
    draft.allocation.strategy = 'warmPool';
    draft.allocation.desiredCapacity = '';

    const input = draftToProfileInput(draft);
    expect(input.resources[0]).toEqual({
      cpu: '',
      memory: '',
      storage: '',
      gpuModel: 'T4',
      gpuCount: undefined,
    });
    expect(input.allocation).toMatchObject({ desiredCapacity: undefined });
  });
});
