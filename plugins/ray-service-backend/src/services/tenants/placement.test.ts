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

import { computeCapacity } from '../../kubernetes/capacity';
import { ObservedObject } from '../../kubernetes/ObjectClient';
import { PreflightResult } from '../../kubernetes/preflight';
import { judge, PlacementCandidate, pick, refusals } from './placement';

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
): PlacementCandidate {
  return { name, preflight, capacity: { value: computeCapacity(nodes, []) } };
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
