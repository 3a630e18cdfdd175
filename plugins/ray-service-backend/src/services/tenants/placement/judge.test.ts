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

import { capacityOf } from './__testUtils__/capacityOf';
import { ObservedObject } from '../../../kubernetes/ObjectClient';
import { PreflightResult } from '../../../hostClusters/preflight';
import { PendingTenants } from './pending';
import {
  judge,
  PlacementCandidate,
  pendingNote,
  pick,
  placementCapacity,
  refusals,
} from './judge';

function node(name: string, cpu: string, gpus = 0): ObservedObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: gpus ? { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB' } : {},
    },
    status: {
      allocatable: {
        cpu,
        memory: '256Gi',
        ...(gpus && { 'nvidia.com/gpu': String(gpus) }),
      },
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

const passed: PreflightResult = {
  passed: true,
  deliveryController: 'flux',
  checks: [{ name: 'kuberay-crds', status: 'pass', message: 'installed' }],
};

function candidate(
  name: string,
  nodes: ObservedObject[],
  preflight: PreflightResult = passed,
  pending?: PendingTenants,
): PlacementCandidate {
  return {
    name,
    preflight,
    capacity: { value: capacityOf(nodes, []) },
    ...(pending && { pending }),
  };
}

const cpuOnly = { cpu: '8', memory: '32Gi', extended: {} };
const twoGpus = {
  cpu: '8',
  memory: '32Gi',
  extended: { 'nvidia.com/gpu': 2 },
  gpusByModel: { 'A100-40GB': 2 },
};

describe('placement', () => {
  it('picks the fitting cluster with the most free GPUs, then CPU', () => {
    const judgements = [
      candidate('small-gpu', [node('a', '64', 4)]),
      candidate('big-gpu', [node('a', '32', 8)]),
      candidate('cpu', [node('a', '128')]),
    ].map(c => judge(c, twoGpus, 'vcluster'));
    expect(pick(judgements)).toBe('big-gpu');
    expect(refusals(judgements)).toBe(
      'small-gpu: fits; big-gpu: fits; cpu: not enough capacity (nvidia.com/gpu: needs 2, 0 free; A100-40GB GPUs: needs 2, 0 free)',
    );
  });

  it('breaks ties by CPU, then by name', () => {
    const tie = [
      candidate('b', [node('a', '64')]),
      candidate('a', [node('a', '64')]),
      candidate('c', [node('a', '96')]),
    ].map(c => judge(c, cpuOnly, 'vcluster'));
    expect(pick(tie)).toBe('c');
    expect(pick(tie.slice(0, 2))).toBe('a');
  });

  it('refuses clusters that failed preflight or lack what the isolation needs', () => {
    const failed = judge(
      candidate('down', [node('a', '64')], {
        passed: false,
        checks: [
          {
            name: 'kubernetes-version',
            status: 'fail',
            message: 'ECONNREFUSED',
          },
        ],
      }),
      cpuOnly,
      'vcluster',
    );
    expect(failed).toEqual({
      name: 'down',
      fits: false,
      reason: 'preflight failed (kubernetes-version: ECONNREFUSED)',
    });
    const noCrds = {
      ...passed,
      checks: [
        { name: 'kuberay-crds', status: 'warn' as const, message: 'missing' },
      ],
    };
    expect(
      judge(candidate('x', [node('a', '64')], noCrds), cpuOnly, 'namespace'),
    ).toMatchObject({
      fits: false,
      reason: 'namespace isolation needs the KubeRay CRDs (missing)',
    });
    expect(
      judge(candidate('x', [node('a', '64')], noCrds), cpuOnly, 'vcluster'),
    ).toMatchObject({ fits: true });
    expect(
      judge(
        { name: 'x', preflight: passed, capacity: { error: 'timed out' } },
        cpuOnly,
        'vcluster',
      ),
    ).toMatchObject({ fits: false, reason: 'capacity unknown (timed out)' });
    expect(pick([failed])).toBeUndefined();
  });
});

describe('placement with tenants whose quotas are not on the cluster yet', () => {
  /** Two pending tenants of two GPUs each. */
  const twoPending: PendingTenants = {
    count: 2,
    hold: {
      cpu: '16',
      memory: '64Gi',
      extended: { 'nvidia.com/gpu': 4 },
      gpusByModel: { 'A100-40GB': 4 },
    },
  };

  it('takes what they hold from the free capacity', () => {
    const capacity = capacityOf([node('a', '64', 8)], []);
    expect(placementCapacity(capacity, twoPending).free).toMatchObject({
      cpu: '48',
      memory: '192Gi',
      extended: { 'nvidia.com/gpu': 4 },
      gpusByModel: { 'A100-40GB': 4 },
    });
    expect(placementCapacity(capacity, undefined)).toBe(capacity);
    expect(placementCapacity(capacity, { ...twoPending, count: 0 })).toBe(
      capacity,
    );
  });

  it('refuses what only fits without them, and says what they hold', () => {
    const sixGpus = {
      ...twoGpus,
      extended: { 'nvidia.com/gpu': 6 },
      gpusByModel: { 'A100-40GB': 6 },
    };
    const judgement = judge(
      candidate('gpu', [node('a', '64', 8)], passed, twoPending),
      sixGpus,
      'vcluster',
    );
    expect(judgement).toEqual({
      name: 'gpu',
      fits: false,
      reason:
        'not enough capacity (nvidia.com/gpu: needs 6, 4 free; A100-40GB GPUs: needs 6, 4 free; 2 tenants not yet provisioned hold nvidia.com/gpu 4, A100-40GB GPUs 4)',
    });
    expect(
      judge(candidate('gpu', [node('a', '64', 8)]), sixGpus, 'vcluster').fits,
    ).toBe(true);
  });

  it('scores by what is free net of them', () => {
    const judgements = [
      candidate('busy', [node('a', '64', 8)], passed, twoPending),
      candidate('idle', [node('a', '64', 6)]),
    ].map(c => judge(c, twoGpus, 'vcluster'));
    expect(judgements).toEqual([
      { name: 'busy', fits: true, score: [4, 48000] },
      { name: 'idle', fits: true, score: [6, 64000] },
    ]);
    expect(pick(judgements)).toBe('idle');
  });

  it('names only what they hold of the resources that fell short', () => {
    const oneCpuTenant: PendingTenants = {
      count: 1,
      hold: { cpu: '60', memory: '1Gi', extended: {}, gpusByModel: {} },
    };
    expect(
      judge(
        candidate('gpu', [node('a', '64', 8)], passed, oneCpuTenant),
        twoGpus,
        'vcluster',
      ),
    ).toMatchObject({
      fits: false,
      reason:
        'not enough capacity (CPU: needs 8, 4 free; 1 tenant not yet provisioned holds CPU 60)',
    });
    expect(
      pendingNote(
        [{ resource: { kind: 'memory' }, needed: '1Ti', free: '255Gi' }],
        twoPending,
      ),
    ).toBe('2 tenants not yet provisioned hold memory 64Gi');
    expect(
      pendingNote(
        [
          {
            resource: { kind: 'extended', name: 'nvidia.com/mig-1g.5gb' },
            needed: '7',
            free: '0',
          },
        ],
        twoPending,
      ),
    ).toBeUndefined();
    expect(
      pendingNote(
        [{ resource: { kind: 'cpu' }, needed: '8', free: '0' }],
        undefined,
      ),
    ).toBeUndefined();
  });
});
