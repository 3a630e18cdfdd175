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

import { tenantUsageSchema } from '@ray-service/plugin-ray-service-common';
import { quotaUseOf } from './quotaUse';

/** A tenant's usage with these ResourceQuota lines. */
const usageOf = (
  resources: Array<Record<'resource' | 'hard' | 'used', string>>,
) =>
  tenantUsageSchema.parse({
    tenant: 'alpha',
    namespace: 'ray-alpha',
    checkedAt: '2026-01-01T00:00:00.000Z',
    resources,
  });

describe('quotaUseOf', () => {
  it('shows each requested resource as a share of its hard limit', () => {
    const usage = usageOf([
      { resource: 'requests.cpu', hard: '8', used: '2500m' },
      { resource: 'requests.memory', hard: '64Gi', used: '16Gi' },
      { resource: 'requests.nvidia.com/mig-1g.5gb', hard: '14', used: '7' },
      { resource: 'limits.cpu', hard: '16', used: '4' },
      { resource: 'pods', hard: '100', used: '3' },
      { resource: 'requests.nvidia.com/gpu', hard: '0', used: '0' },
    ]);
    expect(quotaUseOf(usage)).toEqual([
      {
        resource: 'cpu',
        label: 'CPU',
        usedPercent: 31.25,
        text: '2.5 of 8 CPU',
      },
      {
        resource: 'memory',
        label: 'Memory',
        usedPercent: 25,
        text: '16Gi of 64Gi',
      },
      {
        resource: 'nvidia.com/mig-1g.5gb',
        label: 'nvidia.com/mig-1g.5gb',
        usedPercent: 50,
        text: '7 of 14',
      },
      {
        resource: 'nvidia.com/gpu',
        label: 'nvidia.com/gpu',
        usedPercent: 0,
        text: '0 of 0',
      },
    ]);
  });

  it('reads odd quotas as people would: decimal cores, the largest binary unit', () => {
    const usage = usageOf([
      { resource: 'requests.cpu', hard: '32320m', used: '250m' },
      { resource: 'requests.memory', hard: '132160Mi', used: '1536Mi' },
    ]);
    expect(quotaUseOf(usage).map(use => use.text)).toEqual([
      '0.25 of 32.32 CPU',
      '1.5Gi of 129.1Gi',
    ]);
  });
});
