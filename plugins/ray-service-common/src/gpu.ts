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

import { z } from 'zod';

/** The GPU models profiles can request, named by family and memory. */
export const GPU_MODEL_NAMES = [
  'A100-40GB',
  'A100-80GB',
  'H100-80GB',
  'H200-141GB',
  'L4',
  'T4',
  'A10G',
  'L40S',
] as const;

export type GpuModelName = (typeof GPU_MODEL_NAMES)[number];

export interface GpuModel {
  name: GpuModelName;
  /**
   * Values GPU Feature Discovery gives the `nvidia.com/gpu.product` node label
   * (the `nvidia-smi` product name with spaces replaced by `-`).
   */
  productLabels: readonly string[];
  memoryGb: number;
  /**
   * Supported MIG profiles with the number of instances one GPU splits into;
   * empty for models that can only be used whole or time-sliced.
   */
  migProfiles: Readonly<Record<string, number>>;
}

// From NVIDIA's MIG user guide, "Supported MIG Profiles".
const A100_40GB_MIG = {
  '1g.5gb': 7,
  '1g.10gb': 4,
  '2g.10gb': 3,
  '3g.20gb': 2,
  '4g.20gb': 1,
  '7g.40gb': 1,
};
const MIG_80GB = {
  '1g.10gb': 7,
  '1g.20gb': 4,
  '2g.20gb': 3,
  '3g.40gb': 2,
  '4g.40gb': 1,
  '7g.80gb': 1,
};
const H200_141GB_MIG = {
  '1g.18gb': 7,
  '1g.35gb': 4,
  '2g.35gb': 3,
  '3g.71gb': 2,
  '4g.71gb': 1,
  '7g.141gb': 1,
};

export const GPU_MODELS: Readonly<Record<GpuModelName, GpuModel>> = {
  'A100-40GB': {
    name: 'A100-40GB',
    productLabels: ['NVIDIA-A100-SXM4-40GB', 'NVIDIA-A100-PCIE-40GB'],
    memoryGb: 40,
    migProfiles: A100_40GB_MIG,
  },
  'A100-80GB': {
    name: 'A100-80GB',
    productLabels: ['NVIDIA-A100-SXM4-80GB', 'NVIDIA-A100-80GB-PCIe'],
    memoryGb: 80,
    migProfiles: MIG_80GB,
  },
  'H100-80GB': {
    name: 'H100-80GB',
    productLabels: ['NVIDIA-H100-80GB-HBM3', 'NVIDIA-H100-PCIe'],
    memoryGb: 80,
    migProfiles: MIG_80GB,
  },
  'H200-141GB': {
    name: 'H200-141GB',
    productLabels: ['NVIDIA-H200', 'NVIDIA-H200-NVL'],
    memoryGb: 141,
    migProfiles: H200_141GB_MIG,
  },
  L4: {
    name: 'L4',
    productLabels: ['NVIDIA-L4'],
    memoryGb: 24,
    migProfiles: {},
  },
  T4: {
    name: 'T4',
    productLabels: ['Tesla-T4'],
    memoryGb: 16,
    migProfiles: {},
  },
  A10G: {
    name: 'A10G',
    productLabels: ['NVIDIA-A10G'],
    memoryGb: 24,
    migProfiles: {},
  },
  L40S: {
    name: 'L40S',
    productLabels: ['NVIDIA-L40S'],
    memoryGb: 48,
    migProfiles: {},
  },
};

export function isGpuModelName(value: string): value is GpuModelName {
  return (GPU_MODEL_NAMES as readonly string[]).includes(value);
}

/** The MIG profiles of a model, in the table's order (smallest first). */
export function supportedMigProfiles(model: GpuModelName): string[] {
  return Object.keys(GPU_MODELS[model].migProfiles);
}

export const gpuModelNameSchema = z.enum(GPU_MODEL_NAMES, {
  error: issue =>
    `unknown GPU model ${JSON.stringify(
      issue.input,
    )}; known models: ${GPU_MODEL_NAMES.join(', ')}`,
});

const modelsByProductLabel = new Map(
  Object.values(GPU_MODELS).flatMap(model =>
    model.productLabels.map(label => [label.toLowerCase(), model] as const),
  ),
);

// GFD appends `-MIG-<profile>` under the single MIG strategy and `-SHARED`
// when time-slicing is configured.
const PRODUCT_LABEL_SUFFIXES = /(-MIG-[^-]+)?(-SHARED)?$/i;

/**
 * The model behind a node's `nvidia.com/gpu.product` label, e.g.
 * `NVIDIA-A100-SXM4-40GB-MIG-1g.5gb` is an A100-40GB; undefined when unknown.
 */
export function gpuModelFromProductLabel(label: string): GpuModel | undefined {
  return modelsByProductLabel.get(
    label.trim().replace(PRODUCT_LABEL_SUFFIXES, '').toLowerCase(),
  );
}
