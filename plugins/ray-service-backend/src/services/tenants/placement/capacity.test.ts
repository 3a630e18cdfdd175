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

import { makeNode } from '@ray-service/kube-sim';
import { PROFILES } from '../../../planner/__testUtils__/fixtures';
import type { ObservedObject } from '../../../kubernetes/ObjectClient';
import { fetchCapacityReading } from '../../../hostClusters/capacityReading';
import { capacityOf } from './__testUtils__/capacityOf';
import {
  computeCapacity,
  HostCapacity,
  profileCapacityRequest,
  reserve,
  sumRequests,
} from './capacity';
import { amountIn, describeShortfall, shortfalls } from './shortfalls';
import { startTestCluster } from '../../../kubernetes/__testUtils__/kubeSim';

const managed = {
  'app.kubernetes.io/managed-by': 'ray-service',
  'ray-service.io/tenant': 'a',
};

function quota(
  hard: Record<string, string>,
  namespace = 'ray-a',
  labels: Record<string, string> = managed,
): ObservedObject {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'q', namespace, labels },
    spec: { hard },
  };
}

/** Managed by the portal of an instance. */
const ofInstance = (instance: string) => ({
  ...managed,
  'ray-service.io/instance': instance,
});

function node(name: string, extra: object = {}): ObservedObject {
  return {
    ...makeNode({ name, cpu: '16', memory: '64Gi', ...extra }),
    apiVersion: 'v1',
    kind: 'Node',
  } as ObservedObject;
}

describe('capacity on the well-equipped kube-sim', () => {
  let capacity: HostCapacity;
  let lists: number;

  beforeAll(async () => {
    const { sim, client } = await startTestCluster({
      controllers: { enabled: false },
    });
    try {
      // Tenants of two portals sharing the cluster, and a quota of no portal.
      sim.objects.put(
        quota(
          {
            'requests.cpu': '30',
            'requests.memory': '96Gi',
            'requests.nvidia.com/gpu': '2',
            'limits.cpu': '60',
          },
          'ray-a',
          ofInstance('staging'),
        ),
      );
      sim.objects.put(
        quota(
          { 'requests.cpu': '10', 'requests.memory': '32Gi' },
          'ray-b',
          ofInstance('prod'),
        ),
      );
      sim.objects.put(
        quota({ 'requests.cpu': '100' }, 'default', { team: 'other' }),
      );
      capacity = computeCapacity(await fetchCapacityReading(client));
      lists = client.stats.lists;
    } finally {
      await sim.stop();
    }
  });

  it('lists nodes once and the managed quotas once', () => {
    expect(lists).toBe(2);
  });

  it('sums the nodes: CPU, memory, GPUs by model and MIG slices by profile', () => {
    expect(capacity.nodes).toHaveLength(7);
    expect(capacity.allocatable).toEqual({
      cpu: '528',
      memory: '5568Gi',
      extended: {
        'nvidia.com/gpu': 12,
        'nvidia.com/mig-1g.5gb': 56,
        'nvidia.com/mig-1g.10gb': 28,
        'nvidia.com/mig-3g.40gb': 4,
      },
      gpusByModel: { 'A100-40GB': 8, 'H100-80GB': 4 },
      migByProfile: { '1g.5gb': 56, '1g.10gb': 28, '3g.40gb': 4 },
    });
    expect(
      capacity.nodes.find(n => n.name === 'gpu-a100-node-1'),
    ).toMatchObject({
      gpuModel: 'A100-40GB',
      extended: { 'nvidia.com/gpu': 8 },
      ready: true,
      schedulable: true,
    });
  });

  it('subtracts what the ResourceQuotas of every portal instance request', () => {
    expect(capacity.reserved).toMatchObject({
      cpu: '40',
      memory: '128Gi',
      extended: { 'nvidia.com/gpu': 2 },
    });
    expect(capacity.free).toMatchObject({
      cpu: '488',
      memory: '5440Gi',
      extended: { 'nvidia.com/gpu': 10, 'nvidia.com/mig-1g.10gb': 28 },
      gpusByModel: { 'A100-40GB': 8, 'H100-80GB': 4 },
    });
  });

  it('names the namespaces whose managed quotas it counted', () => {
    expect(capacity.quotaNamespaces).toEqual(['ray-a', 'ray-b']);
  });
});

describe('computeCapacity', () => {
  it('counts only Ready, schedulable nodes and names unknown GPU products', () => {
    const cordoned = node('cordoned');
    cordoned.spec = { unschedulable: true };
    const odd = node('odd', {
      labels: { 'nvidia.com/gpu.product': 'Mystery-GPU' },
      extraResources: { 'nvidia.com/gpu': '2' },
    });
    const capacity = capacityOf([node('ok'), cordoned, odd], []);
    expect(capacity.allocatable).toMatchObject({
      cpu: '32',
      gpusByModel: { unknown: 2 },
    });
    expect(capacity.nodes.map(n => n.schedulable)).toEqual([true, false, true]);
  });

  it('never reports more free GPUs of a model than are free in total', () => {
    const a100 = node('a100', {
      labels: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB' },
      extraResources: { 'nvidia.com/gpu': '8' },
    });
    const capacity = capacityOf(
      [a100],
      [quota({ 'requests.nvidia.com/gpu': '6' })],
    );
    expect(capacity.free.gpusByModel).toEqual({ 'A100-40GB': 2 });
    expect(
      capacityOf([a100], [quota({ 'requests.nvidia.com/gpu': '9' })]).free
        .extended['nvidia.com/gpu'],
    ).toBe(0);
  });
});

const A100_X3 = {
  resources: [
    {
      cpu: '8',
      memory: '32Gi',
      storage: '100Gi',
      gpuModel: 'A100-40GB' as const,
      gpuCount: 3,
    },
  ],
  partitioning: {},
};

describe('GPUs by model', () => {
  const a100 = node('a100', {
    labels: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB' },
    extraResources: { 'nvidia.com/gpu': '8' },
  });
  const h100 = node('h100', {
    labels: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' },
    extraResources: { 'nvidia.com/gpu': '4' },
  });
  const annotated = (gpus: string, byModel: string, namespace: string) => ({
    ...quota({ 'requests.nvidia.com/gpu': gpus }, namespace),
    metadata: {
      name: 'q',
      namespace,
      labels: managed,
      annotations: { 'ray-service.io/gpus-by-model': byModel },
    },
  });

  it('takes what annotated quotas reserve from their models only', () => {
    const capacity = capacityOf(
      [a100, h100],
      [
        annotated('3', 'A100-40GB=3', 'ray-a'),
        annotated('3', 'A100-40GB=3', 'ray-b'),
      ],
    );
    expect(capacity.reserved.gpusByModel).toEqual({ 'A100-40GB': 6 });
    expect(capacity.free.gpusByModel).toEqual({
      'A100-40GB': 2,
      'H100-80GB': 4,
    });
    expect(shortfalls(capacity, profileCapacityRequest(A100_X3))).toEqual([
      {
        resource: { kind: 'gpus', model: 'A100-40GB' },
        needed: '3',
        free: '2',
      },
    ]);
  });

  it('charges GPUs of quotas that do not say their model to every model', () => {
    const capacity = capacityOf(
      [a100, h100],
      [
        annotated('3', 'A100-40GB=3', 'ray-a'),
        quota({ 'requests.nvidia.com/gpu': '7' }, 'ray-b'),
        // An annotation that does not account for the quota's GPUs is ignored.
        annotated('1', 'H100-80GB=2', 'ray-c'),
      ],
    );
    expect(capacity.free.extended['nvidia.com/gpu']).toBe(1);
    expect(capacity.free.gpusByModel).toEqual({
      'A100-40GB': 1,
      'H100-80GB': 1,
    });
  });

  it('reserves pending requests against their models', () => {
    const held = reserve(
      capacityOf([a100, h100], []),
      profileCapacityRequest(A100_X3),
    );
    expect(held.free.gpusByModel).toEqual({ 'A100-40GB': 5, 'H100-80GB': 4 });
  });
});

describe('reserve', () => {
  const a100 = node('a100', {
    cpu: '96',
    memory: '1152Gi',
    labels: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB' },
    extraResources: { 'nvidia.com/gpu': '8' },
  });

  it('adds a request to what quotas reserve and takes it from free', () => {
    const capacity = capacityOf(
      [a100],
      [quota({ 'requests.cpu': '10', 'requests.nvidia.com/gpu': '2' })],
    );
    const held = reserve(capacity, {
      cpu: '20500m',
      memory: '64Gi',
      extended: { 'nvidia.com/gpu': 4, 'nvidia.com/mig-1g.5gb': 7 },
      gpusByModel: { 'A100-40GB': 4 },
    });
    expect(held.reserved).toMatchObject({
      cpu: '30500m',
      memory: '64Gi',
      extended: { 'nvidia.com/gpu': 6, 'nvidia.com/mig-1g.5gb': 7 },
    });
    expect(held.free).toEqual({
      cpu: '65500m',
      memory: '1088Gi',
      extended: { 'nvidia.com/gpu': 2, 'nvidia.com/mig-1g.5gb': 0 },
      gpusByModel: { 'A100-40GB': 2 },
      migByProfile: { '1g.5gb': 0 },
    });
    expect(held.allocatable).toEqual(capacity.allocatable);
    expect(held.quotaNamespaces).toEqual(['ray-a']);
    expect(capacity.free.extended['nvidia.com/gpu']).toBe(6);
  });

  it('never goes below nothing free', () => {
    const held = reserve(capacityOf([a100], []), {
      cpu: '200',
      memory: '2Ti',
      extended: { 'nvidia.com/gpu': 9 },
    });
    expect(held.free).toMatchObject({
      cpu: '0',
      memory: '0',
      extended: { 'nvidia.com/gpu': 0 },
      gpusByModel: { 'A100-40GB': 0 },
    });
  });

  it('is what the quotas of the same requests would reserve', () => {
    const viaQuotas = capacityOf(
      [a100],
      [
        quota({ 'requests.cpu': '8', 'requests.nvidia.com/gpu': '1' }),
        quota({ 'requests.cpu': '24', 'requests.memory': '128Gi' }, 'ray-b'),
      ],
    );
    const viaRequests = reserve(
      capacityOf([a100], []),
      sumRequests([
        { cpu: '8', memory: '0', extended: { 'nvidia.com/gpu': 1 } },
        { cpu: '24', memory: '128Gi', extended: {} },
      ]),
    );
    expect(viaRequests.free).toEqual(viaQuotas.free);
    expect(viaRequests.reserved).toEqual(viaQuotas.reserved);
  });
});

describe('sumRequests', () => {
  it('adds CPU, memory, extended resources and GPUs by model', () => {
    expect(
      sumRequests([
        profileCapacityRequest(PROFILES.medium),
        profileCapacityRequest(PROFILES.medium),
        profileCapacityRequest(PROFILES.largeMig),
      ]),
    ).toEqual({
      cpu: '80',
      memory: '384Gi',
      extended: { 'nvidia.com/gpu': 2, 'nvidia.com/mig-1g.5gb': 14 },
      gpusByModel: { 'A100-40GB': 2 },
    });
    expect(sumRequests([])).toEqual({
      cpu: '0',
      memory: '0',
      extended: {},
      gpusByModel: {},
    });
  });
});

/** The reason placement gives for the shortfalls, `CPU: needs 24, 6 free; …`. */
const shortOf = (...args: Parameters<typeof shortfalls>) =>
  shortfalls(...args)
    .map(describeShortfall)
    .join('; ');

describe('shortfalls', () => {
  const a100 = node('a100', {
    cpu: '96',
    memory: '1152Gi',
    labels: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB' },
    extraResources: { 'nvidia.com/gpu': '8' },
  });

  it('fits a profile into free capacity', () => {
    const capacity = capacityOf([a100], []);
    expect(
      shortfalls(capacity, profileCapacityRequest(PROFILES.medium)),
    ).toEqual([]);
  });

  it('names every shortfall', () => {
    const capacity = capacityOf(
      [a100],
      [quota({ 'requests.cpu': '90', 'requests.nvidia.com/gpu': '8' })],
    );
    expect(shortOf(capacity, profileCapacityRequest(PROFILES.medium))).toBe(
      'CPU: needs 24, 6 free; nvidia.com/gpu: needs 1, 0 free; A100-40GB GPUs: needs 1, 0 free',
    );
  });

  it('needs the GPU model, not just any GPU, and MIG slices by profile', () => {
    const h100 = node('h100', {
      labels: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' },
      extraResources: { 'nvidia.com/gpu': '8' },
    });
    const capacity = capacityOf([h100], []);
    expect(
      shortOf(capacity, profileCapacityRequest(PROFILES.medium)),
    ).toContain('A100-40GB GPUs: needs 1, 0 free');
    expect(
      shortOf(capacity, profileCapacityRequest(PROFILES.largeMig)),
    ).toContain('nvidia.com/mig-1g.5gb: needs 14, 0 free');
  });

  it('lists the shortfalls with resources that requests can be asked about', () => {
    const capacity = capacityOf(
      [a100],
      [quota({ 'requests.cpu': '90', 'requests.nvidia.com/gpu': '8' })],
    );
    const request = profileCapacityRequest(PROFILES.medium);
    const found = shortfalls(capacity, request);
    expect(found).toEqual([
      { resource: { kind: 'cpu' }, needed: '24', free: '6' },
      {
        resource: { kind: 'extended', name: 'nvidia.com/gpu' },
        needed: '1',
        free: '0',
      },
      {
        resource: { kind: 'gpus', model: 'A100-40GB' },
        needed: '1',
        free: '0',
      },
    ]);
    expect(found.map(s => amountIn(request, s.resource))).toEqual([
      '24',
      '1',
      '1',
    ]);
    expect(amountIn(request, { kind: 'memory' })).toBe('128Gi');
    expect(
      amountIn(request, { kind: 'extended', name: 'nvidia.com/mig-1g.5gb' }),
    ).toBeUndefined();
    expect(amountIn(sumRequests([]), { kind: 'cpu' })).toBeUndefined();
  });
});
