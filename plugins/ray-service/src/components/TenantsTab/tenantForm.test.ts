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

import { tenantRequestSchema } from '@ray-service/plugin-ray-service-common';
import { draftToRequest, EMPTY_TENANT_DRAFT } from './tenantForm';
import { formatAge, isChanging } from './tenantDisplay';

describe('draftToRequest', () => {
  it('leaves the host cluster and isolation to the backend when not chosen', () => {
    const request = draftToRequest({
      ...EMPTY_TENANT_DRAFT,
      name: ' alpha ',
      owner: 'ml-team-alpha',
      profile: 'small',
      templateVersion: 'kuberay@1.0.0',
    });
    expect(request).toEqual({
      name: 'alpha',
      owner: 'ml-team-alpha',
      profile: 'small',
      templateVersion: 'kuberay@1.0.0',
    });
    expect(tenantRequestSchema.parse(request)).toEqual({
      name: 'alpha',
      owner: 'group:default/ml-team-alpha',
      profile: 'small',
      templateVersion: 'kuberay@1.0.0',
    });
  });
});

describe('formatAge', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');

  it.each([
    ['2026-11-22T11:59:15Z', '45s'],
    ['2026-11-22T11:48:00Z', '12m'],
    ['2026-11-22T09:00:00Z', '3h'],
    ['2026-11-17T12:00:00Z', '5d'],
    ['2026-11-22T12:00:05Z', '0s'],
    ['not a date', '—'],
  ])('shows %s as %s', (since, age) => {
    expect(formatAge(since, now)).toBe(age);
  });
});

describe('isChanging', () => {
  it('is false only for Ready and Failed tenants', () => {
    expect(
      (
        [
          'Pending',
          'Provisioning',
          'Ready',
          'Degraded',
          'Upgrading',
          'Deleting',
          'Failed',
        ] as const
      ).filter(phase => isChanging({ phase })),
    ).toEqual(['Pending', 'Provisioning', 'Degraded', 'Upgrading', 'Deleting']);
  });
});
