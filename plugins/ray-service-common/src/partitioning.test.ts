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
import {
  gpuPartitioningSchema,
  gpuResourcesFor,
  migProfileProblem,
  partitioningSchema,
} from './partitioning';

function issuesOf(result: { error?: { issues: unknown[] } }) {
  return result.error?.issues;
}

describe('gpuPartitioningSchema', () => {
  it.each([
    { mode: 'whole' },
    { mode: 'mig', profile: '1g.5gb' },
    { mode: 'timeSlicing', replicas: 2 },
    { mode: 'timeSlicing', replicas: 32 },
  ])('accepts %j', partitioning => {
    expect(gpuPartitioningSchema.parse(partitioning)).toEqual(partitioning);
  });

  it.each([
    [
      { mode: 'timeSlicing', replicas: 1 },
      ['replicas'],
      'time-slicing needs at least 2 replicas',
    ],
    [
      { mode: 'timeSlicing', replicas: 33 },
      ['replicas'],
      'time-slicing allows at most 32 replicas',
    ],
    [{ mode: 'timeSlicing', replicas: 2.5 }, ['replicas'], expect.any(String)],
    [
      { mode: 'mig', profile: '' },
      ['profile'],
      'a MIG profile such as "1g.10gb" is required',
    ],
    [
      { mode: 'mps' },
      ['mode'],
      expect.stringContaining("'whole' | 'mig' | 'timeSlicing'"),
    ],
  ])('rejects %j at %j', (partitioning, path, message) => {
    expect(issuesOf(gpuPartitioningSchema.safeParse(partitioning))).toEqual([
      expect.objectContaining({ path, message }),
    ]);
  });
});

describe('partitioningSchema', () => {
  it('accepts partitioning per supported model', () => {
    const partitioning = {
      'A100-40GB': { mode: 'mig', profile: '3g.20gb' },
      'H200-141GB': { mode: 'mig', profile: '1g.18gb' },
      L4: { mode: 'timeSlicing', replicas: 4 },
      T4: { mode: 'whole' },
    };
    expect(partitioningSchema.parse(partitioning)).toEqual(partitioning);
  });

  it('rejects a MIG profile the model does not support, listing the supported ones', () => {
    expect(
      issuesOf(
        partitioningSchema.safeParse({
          'A100-40GB': { mode: 'mig', profile: '1g.10gb+me' },
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        path: ['A100-40GB', 'profile'],
        message:
          'MIG profile "1g.10gb+me" is not supported by A100-40GB; supported: 1g.5gb, 1g.10gb, 2g.10gb, 3g.20gb, 4g.20gb, 7g.40gb',
      }),
    ]);
  });

  it('rejects the profile of another model', () => {
    expect(migProfileProblem('H100-80GB', '1g.5gb')).toMatch(
      /^MIG profile "1g.5gb" is not supported by H100-80GB; supported: 1g.10gb,/,
    );
    expect(migProfileProblem('H100-80GB', '1g.10gb')).toBeUndefined();
  });

  it('rejects MIG on whole-only models', () => {
    expect(
      issuesOf(
        partitioningSchema.safeParse({
          L4: { mode: 'mig', profile: '1g.5gb' },
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        path: ['L4', 'mode'],
        message: 'L4 does not support MIG; use whole or timeSlicing',
      }),
    ]);
  });

  it('rejects unknown models', () => {
    expect(
      issuesOf(partitioningSchema.safeParse({ V100: { mode: 'whole' } })),
    ).toEqual([
      expect.objectContaining({
        path: [],
        message: expect.stringMatching(
          /^unknown GPU model "V100"; known models: A100-40GB/,
        ),
      }),
    ]);
  });
});

describe('gpuResourcesFor', () => {
  it('requests whole GPUs by default', () => {
    expect(gpuResourcesFor('A100-40GB', 2)).toEqual([
      { resourceName: 'nvidia.com/gpu', count: 2 },
    ]);
    expect(gpuResourcesFor('L4', 1, { mode: 'whole' })).toEqual([
      { resourceName: 'nvidia.com/gpu', count: 1 },
    ]);
  });

  it.each([
    ['A100-40GB', 1, '1g.5gb', 'nvidia.com/mig-1g.5gb', 7],
    ['A100-40GB', 2, '3g.20gb', 'nvidia.com/mig-3g.20gb', 4],
    ['A100-40GB', 1, '7g.40gb', 'nvidia.com/mig-7g.40gb', 1],
    ['A100-80GB', 1, '1g.20gb', 'nvidia.com/mig-1g.20gb', 4],
    ['H100-80GB', 3, '2g.20gb', 'nvidia.com/mig-2g.20gb', 9],
    ['H200-141GB', 1, '1g.18gb', 'nvidia.com/mig-1g.18gb', 7],
    ['H200-141GB', 2, '3g.71gb', 'nvidia.com/mig-3g.71gb', 4],
  ] as const)(
    'splits %d × %s as %s into %d × %s',
    (model, count, profile, resourceName, total) => {
      expect(gpuResourcesFor(model, count, { mode: 'mig', profile })).toEqual([
        { resourceName, count: total },
      ]);
    },
  );

  it('multiplies time-sliced GPUs by their replicas', () => {
    expect(
      gpuResourcesFor('T4', 2, { mode: 'timeSlicing', replicas: 4 }),
    ).toEqual([{ resourceName: 'nvidia.com/gpu', count: 8 }]);
  });

  it('requests nothing for no GPUs', () => {
    expect(gpuResourcesFor('T4', 0)).toEqual([]);
  });

  it('refuses unsupported MIG profiles and bad counts', () => {
    expect(() =>
      gpuResourcesFor('L4', 1, { mode: 'mig', profile: '1g.5gb' }),
    ).toThrow(InputError);
    expect(() =>
      gpuResourcesFor('A100-80GB', 1, { mode: 'mig', profile: '1g.5gb' }),
    ).toThrow('MIG profile "1g.5gb" is not supported by A100-80GB');
    expect(() => gpuResourcesFor('T4', -1)).toThrow(RangeError);
    expect(() => gpuResourcesFor('T4', 1.5)).toThrow(RangeError);
  });
});
