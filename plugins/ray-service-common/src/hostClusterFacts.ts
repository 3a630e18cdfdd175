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
import {
  isLabelKey,
  isLabelValue,
  LABEL_KEY_PATTERN,
  LABEL_VALUE_PATTERN,
  requiredTextSchema,
} from './validation';

const nonEmpty = requiredTextSchema(253);

export const PUBLIC_CLOUD_PROVIDERS = ['aws', 'azure', 'gcp', 'oci'] as const;
export const DATA_CENTER_INFRASTRUCTURES = [
  'vsphere',
  'nutanix',
  'bareMetal',
] as const;

/** Where a host cluster runs. */
export const infrastructureSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('publicCloud'),
    provider: z.enum(PUBLIC_CLOUD_PROVIDERS),
    region: nonEmpty,
    /** Node instance types, e.g. `p4d.24xlarge`. */
    instanceTypes: z.array(nonEmpty).max(50).default([]),
  }),
  z.object({
    type: z.literal('dataCenter'),
    infrastructure: z.enum(DATA_CENTER_INFRASTRUCTURES),
    operatingSystem: nonEmpty,
    gpuTypes: z.array(nonEmpty).max(50).default([]),
  }),
]);

export type HostClusterInfrastructure = z.infer<typeof infrastructureSchema>;

/** Labels in Kubernetes syntax, e.g. `topology.kubernetes.io/region: eu-west-1`. */
export const labelsSchema = z
  .record(
    z.string().meta({ pattern: LABEL_KEY_PATTERN }),
    z.string().meta({ pattern: LABEL_VALUE_PATTERN }),
  )
  .superRefine((labels, ctx) => {
    for (const [key, value] of Object.entries(labels)) {
      if (!isLabelKey(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${key}" is not a valid label key: [prefix/]name with a name of at most 63 letters, digits, "-", "_" or "." and a DNS prefix of at most 6 parts of at most 40 characters`,
        });
      } else if (!isLabelValue(value)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${value}" is not a valid label value: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`,
        });
      }
    }
  });

/**
 * What admins record about a host cluster beyond its app-config entry. Also
 * the `PATCH /host-clusters/{name}` body: each field present replaces the
 * stored one, absent fields stay as they are.
 */
export const hostClusterFactsSchema = z
  .object({
    infrastructure: infrastructureSchema.optional(),
    labels: labelsSchema.optional(),
  })
  .meta({ id: 'HostClusterFacts' });

export type HostClusterFacts = z.infer<typeof hostClusterFactsSchema>;

/** The Kubernetes minor versions supported, inclusive, e.g. `1.29` to `1.33`. */
export interface VersionSupportMatrix {
  min: string;
  max: string;
}

export interface VersionSupportCheck {
  supported: boolean;
  /** The matrix as shown to admins, e.g. `1.29–1.33`. */
  range: string;
  reason: string;
}

// Accepts `v1.31.4`, `1.31`, and vendor builds such as `v1.31.4-eks-1234` or
// `v1.31.4+k3s1`; only major and minor matter for support.
const KUBERNETES_VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+]\S*)?$/;

type MinorVersion = [major: number, minor: number];

function readMinorVersion(version: string): MinorVersion | undefined {
  const match = KUBERNETES_VERSION.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function compareMinorVersions(a: MinorVersion, b: MinorVersion): number {
  return a[0] - b[0] || a[1] - b[1];
}

function readMatrixBound(bound: string): MinorVersion {
  const version = readMinorVersion(bound);
  if (!version) {
    throw new Error(
      `Invalid Kubernetes support matrix: "${bound}" is not a version such as "1.29"`,
    );
  }
  return version;
}

/**
 * Checks the version a cluster reports (`v1.31.4`) against the support
 * matrix from config; compares major and minor versions only.
 *
 * @throws Error when the matrix itself is invalid, a configuration mistake.
 */
export function checkVersionSupport(
  version: string,
  matrix: VersionSupportMatrix,
): VersionSupportCheck {
  const min = readMatrixBound(matrix.min);
  const max = readMatrixBound(matrix.max);
  if (compareMinorVersions(min, max) > 0) {
    throw new Error(
      `Invalid Kubernetes support matrix: min ${matrix.min} is above max ${matrix.max}`,
    );
  }
  const range = `${min.join('.')}–${max.join('.')}`;
  const actual = readMinorVersion(version);
  if (!actual) {
    return {
      supported: false,
      range,
      reason: `cannot read the Kubernetes version "${version}"`,
    };
  }
  if (compareMinorVersions(actual, min) < 0) {
    return {
      supported: false,
      range,
      reason: `${version} is older than ${min.join(
        '.',
      )}, the oldest supported version`,
    };
  }
  if (compareMinorVersions(actual, max) > 0) {
    return {
      supported: false,
      range,
      reason: `${version} is newer than ${max.join(
        '.',
      )}, the newest supported version`,
    };
  }
  return {
    supported: true,
    range,
    reason: `${version} is within the supported range ${range}`,
  };
}
