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

import { isUnprocessable } from './errors';
import {
  ComputeProfileInput,
  computeProfileInputSchema,
  computeProfileSchema,
  isProfileVisibleTo,
  profileResourceTotals,
  resourceGroupSchema,
  resourceGroupTotals,
} from './profiles';

const medium = {
  name: 'medium',
  displayName: 'Medium',
  description: 'One A100 sliced for notebooks',
  resources: [
    { cpu: '2', memory: '8Gi', storage: '20Gi' },
    {
      cpu: '8',
      memory: '32Gi',
      storage: '100Gi',
      gpuModel: 'A100-40GB',
      gpuCount: 1,
    },
  ],
  partitioning: { 'A100-40GB': { mode: 'mig', profile: '1g.5gb' } },
  allocation: { strategy: 'onDemand' },
  published: true,
  visibleTo: ['group:default/ml-teams'],
};

function issuesOf(input: unknown) {
  return computeProfileInputSchema.safeParse(input).error?.issues;
}

describe('computeProfileInputSchema', () => {
  it('accepts a complete profile', () => {
    expect(computeProfileInputSchema.parse(medium)).toEqual(medium);
  });

  it('fills in defaults', () => {
    const { description, partitioning, published, visibleTo, ...minimal } =
      medium;
    expect(
      computeProfileInputSchema.parse({
        ...minimal,
        resources: [medium.resources[0]],
      }),
    ).toEqual({
      ...minimal,
      resources: [medium.resources[0]],
      description: '',
      partitioning: {},
      published: false,
      visibleTo: [],
    });
  });

  it('normalizes group refs', () => {
    expect(
      computeProfileInputSchema.parse({ ...medium, visibleTo: ['ml-teams'] })
        .visibleTo,
    ).toEqual(['group:default/ml-teams']);
  });

  it.each([
    [{ name: 'Medium' }, ['name']],
    [{ name: 'a'.repeat(64) }, ['name']],
    [{ name: 'medium-' }, ['name']],
    [{ displayName: '  ' }, ['displayName']],
    [{ resources: [], partitioning: {} }, ['resources']],
    [
      {
        allocation: {
          strategy: 'warmPool',
          desiredCapacity: 1,
          timezone: 'Nowhere/Town',
        },
      },
      ['allocation', 'timezone'],
    ],
    [{ published: 'yes' }, ['published']],
    [{ visibleTo: ['user:default/jane'] }, ['visibleTo', 0]],
    [{ visibleTo: ['ml-teams', 'ml-teams'] }, ['visibleTo', 1]],
  ])('rejects %j at %j', (change, path) => {
    expect(issuesOf({ ...medium, ...change })).toEqual([
      expect.objectContaining({ path }),
    ]);
  });

  it('reports malformed parts without running cross-field rules on them', () => {
    expect(issuesOf({ ...medium, resources: 'x', partitioning: 5 })).toEqual([
      expect.objectContaining({ path: ['resources'] }),
      expect.objectContaining({ path: ['partitioning'] }),
    ]);
    expect(issuesOf(null)).toEqual([expect.objectContaining({ path: [] })]);
  });

  it('names the field of an invalid quantity', () => {
    expect(
      issuesOf({
        ...medium,
        resources: [{ cpu: 'abc', memory: '1Gi', storage: '1Gi' }],
        partitioning: {},
      }),
    ).toEqual([
      expect.objectContaining({
        path: ['resources', 0, 'cpu'],
        message: expect.stringMatching(/^invalid quantity "abc"/),
      }),
    ]);
  });

  it('checks MIG profiles against the model', () => {
    expect(
      issuesOf({
        ...medium,
        partitioning: { 'A100-40GB': { mode: 'mig', profile: '1g.10gb+me' } },
      }),
    ).toEqual([
      expect.objectContaining({
        path: ['partitioning', 'A100-40GB', 'profile'],
        message: expect.stringContaining('supported: 1g.5gb, 1g.10gb'),
      }),
    ]);
  });

  it('rejects partitioning of a model no group uses, as unprocessable (422)', () => {
    const issues = issuesOf({
      ...medium,
      partitioning: { ...medium.partitioning, L4: { mode: 'whole' } },
    });
    expect(issues).toEqual([
      expect.objectContaining({
        path: ['partitioning', 'L4'],
        message:
          'no resource group uses L4; remove this entry or add a group with gpuModel "L4"',
      }),
    ]);
    expect(issues?.every(isUnprocessable)).toBe(true);
  });
});

describe('resourceGroupSchema', () => {
  const cpuOnly = { cpu: '1', memory: '1Gi', storage: '1Gi' };

  it('accepts groups with and without GPUs', () => {
    expect(resourceGroupSchema.safeParse(cpuOnly).success).toBe(true);
    expect(
      resourceGroupSchema.safeParse({ ...cpuOnly, gpuModel: 'L4', gpuCount: 2 })
        .success,
    ).toBe(true);
  });

  it('needs gpuModel and gpuCount together', () => {
    expect(
      resourceGroupSchema.safeParse({ ...cpuOnly, gpuModel: 'L4' }).error
        ?.issues,
    ).toEqual([
      expect.objectContaining({
        path: ['gpuCount'],
        message: 'is required when gpuModel is set',
      }),
    ]);
    expect(
      resourceGroupSchema.safeParse({ ...cpuOnly, gpuCount: 1 }).error?.issues,
    ).toEqual([
      expect.objectContaining({
        path: ['gpuModel'],
        message: 'is required when gpuCount is set',
      }),
    ]);
  });

  it.each([
    [{ gpuModel: 'V100', gpuCount: 1 }, ['gpuModel']],
    [{ gpuModel: 'L4', gpuCount: 0 }, ['gpuCount']],
    [{ gpuModel: 'L4', gpuCount: 1.5 }, ['gpuCount']],
    [{ memory: '32GB' }, ['memory']],
    [{ storage: '10Ei' }, ['storage']],
  ])('rejects %j at %j', (change, path) => {
    expect(
      resourceGroupSchema.safeParse({ ...cpuOnly, ...change }).error?.issues,
    ).toEqual([expect.objectContaining({ path })]);
  });
});

describe('computeProfileSchema', () => {
  const stored = {
    ...medium,
    createdAt: '2025-01-15T10:00:00Z',
    updatedAt: '2025-01-16T10:00:00.123Z',
    createdBy: 'user:default/admin',
  };

  it('adds audit fields to the input', () => {
    expect(computeProfileSchema.parse(stored)).toEqual(stored);
    expect(
      computeProfileSchema.safeParse({ ...stored, createdAt: 'yesterday' })
        .error?.issues,
    ).toEqual([expect.objectContaining({ path: ['createdAt'] })]);
  });

  it('keeps the cross-field rules', () => {
    expect(
      computeProfileSchema.safeParse({
        ...stored,
        partitioning: { L4: { mode: 'whole' } },
      }).success,
    ).toBe(false);
  });
});

describe('profileResourceTotals', () => {
  const profile = computeProfileInputSchema.parse(medium);

  it('sums the groups and applies MIG partitioning', () => {
    expect(profileResourceTotals(profile)).toEqual({
      cpu: '10',
      memory: '40Gi',
      storage: '120Gi',
      extended: { 'nvidia.com/mig-1g.5gb': 7 },
    });
  });

  it('counts whole GPUs without partitioning', () => {
    expect(
      profileResourceTotals({ ...profile, partitioning: {} }).extended,
    ).toEqual({
      'nvidia.com/gpu': 1,
    });
  });

  it('adds GPUs of several groups and models by resource name', () => {
    const heterogeneous: Pick<
      ComputeProfileInput,
      'resources' | 'partitioning'
    > = {
      resources: [
        { cpu: '500m', memory: '2Gi', storage: '10Gi' },
        {
          cpu: '8',
          memory: '64Gi',
          storage: '200Gi',
          gpuModel: 'H100-80GB',
          gpuCount: 2,
        },
        {
          cpu: '4',
          memory: '16Gi',
          storage: '50Gi',
          gpuModel: 'L4',
          gpuCount: 1,
        },
        {
          cpu: '4',
          memory: '16Gi',
          storage: '50Gi',
          gpuModel: 'T4',
          gpuCount: 1,
        },
        {
          cpu: '8',
          memory: '64Gi',
          storage: '200Gi',
          gpuModel: 'H100-80GB',
          gpuCount: 1,
        },
      ],
      partitioning: {
        'H100-80GB': { mode: 'mig', profile: '3g.40gb' },
        L4: { mode: 'timeSlicing', replicas: 4 },
      },
    };
    expect(profileResourceTotals(heterogeneous)).toEqual({
      cpu: '24500m',
      memory: '162Gi',
      storage: '510Gi',
      extended: { 'nvidia.com/mig-3g.40gb': 6, 'nvidia.com/gpu': 5 },
    });
  });

  it('gives the canonical totals of a single group', () => {
    expect(
      resourceGroupTotals({ cpu: '1.5', memory: '1024Mi', storage: '0' }),
    ).toEqual({ cpu: '1500m', memory: '1Gi', storage: '0', extended: {} });
    expect(
      resourceGroupTotals(
        {
          cpu: '4',
          memory: '16Gi',
          storage: '50Gi',
          gpuModel: 'L4',
          gpuCount: 2,
        },
        { L4: { mode: 'timeSlicing', replicas: 3 } },
      ).extended,
    ).toEqual({ 'nvidia.com/gpu': 6 });
  });
});

describe('isProfileVisibleTo', () => {
  const parentsOf = (ref: string) =>
    ref === 'group:default/ml-team-alpha' ? ['group:default/ml-teams'] : [];

  it('shows published profiles visible to a group or its ancestors', () => {
    expect(
      isProfileVisibleTo(medium, ['group:default/ml-team-alpha'], parentsOf),
    ).toBe(true);
    expect(
      isProfileVisibleTo(medium, ['group:default/data-eng'], parentsOf),
    ).toBe(false);
  });

  it('shows published profiles without visibleTo to everyone', () => {
    expect(
      isProfileVisibleTo({ published: true, visibleTo: [] }, [], parentsOf),
    ).toBe(true);
  });

  it('hides unpublished profiles', () => {
    expect(
      isProfileVisibleTo({ published: false, visibleTo: [] }, [], parentsOf),
    ).toBe(false);
  });
});
