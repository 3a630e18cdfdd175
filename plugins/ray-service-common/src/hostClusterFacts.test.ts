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
  checkVersionSupport,
  hostClusterFactsSchema,
  labelsSchema,
} from './hostClusterFacts';

const matrix = { min: '1.29', max: '1.33' };

describe('hostClusterFactsSchema', () => {
  it('accepts a public cloud cluster', () => {
    const facts = {
      infrastructure: {
        type: 'publicCloud',
        provider: 'aws',
        region: 'eu-west-1',
        instanceTypes: ['p4d.24xlarge', 'm6i.4xlarge'],
      },
      labels: { 'topology.kubernetes.io/region': 'eu-west-1', tier: 'gpu' },
    };
    expect(hostClusterFactsSchema.parse(facts)).toEqual(facts);
  });

  it('accepts a data center cluster', () => {
    const facts = {
      infrastructure: {
        type: 'dataCenter',
        infrastructure: 'bareMetal',
        operatingSystem: 'Ubuntu 22.04',
        gpuTypes: ['A100-80GB'],
      },
    };
    expect(hostClusterFactsSchema.parse(facts)).toEqual(facts);
  });

  it('makes every field optional, as a PATCH body', () => {
    expect(hostClusterFactsSchema.parse({})).toEqual({});
    expect(hostClusterFactsSchema.parse({ labels: {} })).toEqual({
      labels: {},
    });
  });

  it('defaults the lists', () => {
    expect(
      hostClusterFactsSchema.parse({
        infrastructure: {
          type: 'publicCloud',
          provider: 'gcp',
          region: 'europe-west4',
        },
      }).infrastructure,
    ).toEqual({
      type: 'publicCloud',
      provider: 'gcp',
      region: 'europe-west4',
      instanceTypes: [],
    });
  });

  it.each([
    [{ type: 'edge' }, ['infrastructure', 'type']],
    [
      { type: 'publicCloud', provider: 'ibm', region: 'x' },
      ['infrastructure', 'provider'],
    ],
    [
      { type: 'publicCloud', provider: 'aws', region: ' ' },
      ['infrastructure', 'region'],
    ],
    [
      {
        type: 'dataCenter',
        infrastructure: 'openstack',
        operatingSystem: 'RHEL 9',
      },
      ['infrastructure', 'infrastructure'],
    ],
    [
      { type: 'dataCenter', infrastructure: 'vsphere' },
      ['infrastructure', 'operatingSystem'],
    ],
    [
      {
        type: 'dataCenter',
        infrastructure: 'nutanix',
        operatingSystem: 'RHEL 9',
        gpuTypes: [''],
      },
      ['infrastructure', 'gpuTypes', 0],
    ],
  ])('rejects infrastructure %j at %j', (infrastructure, path) => {
    expect(
      hostClusterFactsSchema.safeParse({ infrastructure }).error?.issues,
    ).toEqual([expect.objectContaining({ path })]);
  });
});

describe('labelsSchema', () => {
  it.each([
    { team: 'ml' },
    { 'example.com/owner': 'platform-team' },
    { 'node.kubernetes.io/instance-type': 'p4d.24xlarge' },
    { empty: '' },
    { Mixed_Case: 'A.b-C_d' },
  ])('accepts %j', labels => {
    expect(labelsSchema.parse(labels)).toEqual(labels);
  });

  it.each([
    ['-team', 'ml', /^"-team" is not a valid label key/],
    ['Example.com/team', 'ml', /^"Example.com\/team" is not a valid label key/],
    ['example.com/', 'ml', /not a valid label key/],
    ['a/b/c', 'ml', /not a valid label key/],
    ['x'.repeat(64), 'ml', /not a valid label key/],
    ['team', 'ml team', /^"ml team" is not a valid label value/],
    ['team', 'ml-', /not a valid label value/],
    ['team', 'x'.repeat(64), /not a valid label value/],
  ])('rejects %s: %s', (key, value, message) => {
    expect(labelsSchema.safeParse({ [key]: value }).error?.issues).toEqual([
      expect.objectContaining({
        path: [key],
        message: expect.stringMatching(message),
      }),
    ]);
  });

  it('rejects non-string values', () => {
    expect(labelsSchema.safeParse({ replicas: 3 }).success).toBe(false);
  });
});

describe('checkVersionSupport', () => {
  it.each([
    'v1.29.0',
    'v1.31.4',
    'v1.33.12',
    '1.30',
    'v1.31.4-eks-1234abc',
    'v1.30.5+k3s1',
    'v1.32.1-gke.1200000',
  ])('supports %s', version => {
    expect(checkVersionSupport(version, matrix)).toEqual({
      supported: true,
      range: '1.29–1.33',
      reason: `${version} is within the supported range 1.29–1.33`,
    });
  });

  it('refuses versions below the range', () => {
    expect(checkVersionSupport('v1.28.15', matrix)).toEqual({
      supported: false,
      range: '1.29–1.33',
      reason: 'v1.28.15 is older than 1.29, the oldest supported version',
    });
  });

  it('refuses versions above the range', () => {
    expect(checkVersionSupport('v1.34.0', matrix)).toEqual({
      supported: false,
      range: '1.29–1.33',
      reason: 'v1.34.0 is newer than 1.33, the newest supported version',
    });
  });

  it('compares numerically, not as text', () => {
    expect(checkVersionSupport('v1.9.0', matrix).supported).toBe(false);
    expect(
      checkVersionSupport('v1.100.0', { min: '1.29', max: '1.100' }).supported,
    ).toBe(true);
    expect(checkVersionSupport('v2.0.0', matrix).supported).toBe(false);
  });

  it('reports versions it cannot read as unsupported', () => {
    expect(checkVersionSupport('unknown', matrix)).toEqual({
      supported: false,
      range: '1.29–1.33',
      reason: 'cannot read the Kubernetes version "unknown"',
    });
  });

  it('accepts a single-version matrix', () => {
    expect(
      checkVersionSupport('v1.31.0', { min: '1.31', max: '1.31' }).supported,
    ).toBe(true);
  });

  it('throws on an invalid matrix', () => {
    expect(() =>
      checkVersionSupport('v1.31.0', { min: 'latest', max: '1.33' }),
    ).toThrow(
      'Invalid Kubernetes support matrix: "latest" is not a version such as "1.29"',
    );
    expect(() =>
      checkVersionSupport('v1.31.0', { min: '1.33', max: '1.29' }),
    ).toThrow('Invalid Kubernetes support matrix: min 1.33 is above max 1.29');
  });
});
