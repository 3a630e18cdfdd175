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
  GPU_MODEL_NAMES,
  GPU_MODELS,
  gpuModelFromProductLabel,
  gpuModelNameSchema,
  isGpuModelName,
  supportedMigProfiles,
} from './gpu';

describe('GPU_MODELS', () => {
  it('has an entry named after each model', () => {
    for (const name of GPU_MODEL_NAMES) {
      expect(GPU_MODELS[name].name).toBe(name);
    }
  });

  it.each([
    [
      'A100-40GB',
      {
        '1g.5gb': 7,
        '1g.10gb': 4,
        '2g.10gb': 3,
        '3g.20gb': 2,
        '4g.20gb': 1,
        '7g.40gb': 1,
      },
    ],
    [
      'A100-80GB',
      {
        '1g.10gb': 7,
        '1g.20gb': 4,
        '2g.20gb': 3,
        '3g.40gb': 2,
        '4g.40gb': 1,
        '7g.80gb': 1,
      },
    ],
    [
      'H100-80GB',
      {
        '1g.10gb': 7,
        '1g.20gb': 4,
        '2g.20gb': 3,
        '3g.40gb': 2,
        '4g.40gb': 1,
        '7g.80gb': 1,
      },
    ],
    [
      'H200-141GB',
      {
        '1g.18gb': 7,
        '1g.35gb': 4,
        '2g.35gb': 3,
        '3g.71gb': 2,
        '4g.71gb': 1,
        '7g.141gb': 1,
      },
    ],
  ] as const)('lists the MIG profiles of %s', (model, profiles) => {
    expect(GPU_MODELS[model].migProfiles).toEqual(profiles);
  });

  it.each(['L4', 'T4', 'A10G', 'L40S'] as const)('%s is whole-only', model => {
    expect(supportedMigProfiles(model)).toEqual([]);
  });

  it('keeps the MIG table ordered from small to large', () => {
    expect(supportedMigProfiles('A100-40GB')).toEqual([
      '1g.5gb',
      '1g.10gb',
      '2g.10gb',
      '3g.20gb',
      '4g.20gb',
      '7g.40gb',
    ]);
  });

  it('knows the memory of each model', () => {
    expect(GPU_MODELS['H200-141GB'].memoryGb).toBe(141);
    expect(GPU_MODELS.T4.memoryGb).toBe(16);
  });
});

describe('gpuModelFromProductLabel', () => {
  it.each([
    ['NVIDIA-A100-SXM4-40GB', 'A100-40GB'],
    ['NVIDIA-A100-PCIE-40GB', 'A100-40GB'],
    ['NVIDIA-A100-SXM4-80GB', 'A100-80GB'],
    ['NVIDIA-A100-80GB-PCIe', 'A100-80GB'],
    ['NVIDIA-H100-80GB-HBM3', 'H100-80GB'],
    ['NVIDIA-H100-PCIe', 'H100-80GB'],
    ['NVIDIA-H200', 'H200-141GB'],
    ['NVIDIA-L4', 'L4'],
    ['Tesla-T4', 'T4'],
    ['NVIDIA-A10G', 'A10G'],
    ['NVIDIA-L40S', 'L40S'],
  ])('maps %s to %s', (label, model) => {
    expect(gpuModelFromProductLabel(label)?.name).toBe(model);
  });

  it('ignores the suffixes GPU Feature Discovery adds for MIG and sharing', () => {
    expect(
      gpuModelFromProductLabel('NVIDIA-A100-SXM4-40GB-MIG-1g.5gb')?.name,
    ).toBe('A100-40GB');
    expect(gpuModelFromProductLabel('Tesla-T4-SHARED')?.name).toBe('T4');
    expect(
      gpuModelFromProductLabel('NVIDIA-H100-80GB-HBM3-MIG-1g.10gb-SHARED')
        ?.name,
    ).toBe('H100-80GB');
  });

  it('ignores case', () => {
    expect(gpuModelFromProductLabel('nvidia-a100-pcie-40gb')?.name).toBe(
      'A100-40GB',
    );
  });

  it.each(['', 'NVIDIA-A100', 'NVIDIA-GeForce-RTX-4090', 'AMD-MI300X'])(
    'returns undefined for %j',
    label => {
      expect(gpuModelFromProductLabel(label)).toBeUndefined();
    },
  );
});

describe('gpuModelNameSchema', () => {
  it('accepts known models', () => {
    expect(isGpuModelName('L40S')).toBe(true);
    expect(gpuModelNameSchema.parse('H100-80GB')).toBe('H100-80GB');
  });

  it('lists the known models when rejecting', () => {
    expect(isGpuModelName('V100')).toBe(false);
    expect(gpuModelNameSchema.safeParse('V100').error?.issues[0].message).toBe(
      'unknown GPU model "V100"; known models: A100-40GB, A100-80GB, H100-80GB, H200-141GB, L4, T4, A10G, L40S',
    );
  });
});
