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
  addQuantities,
  IsolationMode,
} from '@ray-service/plugin-ray-service-common';
import { planInput, PROFILES, storedProfile } from './__testUtils__/fixtures';
import { planObjects, single } from './__testUtils__/objects';
import { systemOverhead } from './systemComponents';

function quotaAndQueue(isolation: IsolationMode, profile = PROFILES.largeMig) {
  const objects = planObjects(
    planInput({ isolation, delivery: 'flux', profile }),
  );
  const quota = single(objects, 'ResourceQuota');
  return {
    annotations: quota.metadata.annotations,
    hard: quota.spec.hard,
    capability: single(objects, 'Queue').spec.capability,
    limits: single(objects, 'LimitRange').spec.limits,
  };
}

describe('ResourceQuota', () => {
  it('counts MIG slices: 2 × A100-40GB as 1g.5gb are 14 slices', () => {
    const { hard } = quotaAndQueue('vcluster');
    expect(hard['requests.nvidia.com/mig-1g.5gb']).toBe('14');
    expect(hard['requests.nvidia.com/gpu']).toBeUndefined();
  });

  it('counts whole and time-sliced GPUs as nvidia.com/gpu', () => {
    expect(quotaAndQueue('namespace', PROFILES.medium).hard).toMatchObject({
      'requests.nvidia.com/gpu': '1',
    });
    const sliced = storedProfile({
      name: 'sliced',
      displayName: 'Sliced',
      resources: [
        {
          cpu: '4',
          memory: '16Gi',
          storage: '10Gi',
          gpuModel: 'T4',
          gpuCount: 2,
        },
      ],
      partitioning: { T4: { mode: 'timeSlicing', replicas: 4 } },
      allocation: { strategy: 'onDemand' },
    });
    expect(quotaAndQueue('namespace', sliced).hard).toMatchObject({
      'requests.nvidia.com/gpu': '8',
    });
  });

  it('says which GPU models its nvidia.com/gpu are, and only then', () => {
    const mixed = storedProfile({
      name: 'mixed',
      displayName: 'Mixed',
      resources: [
        { cpu: '4', memory: '16Gi', storage: '10Gi' },
        ...(['H100-80GB', 'A100-40GB', 'H100-80GB'] as const).map(gpuModel => ({
          cpu: '4',
          memory: '16Gi',
          storage: '10Gi',
          gpuModel,
          gpuCount: 2,
        })),
      ],
      allocation: { strategy: 'onDemand' },
    });
    expect(quotaAndQueue('vcluster', mixed).annotations).toEqual({
      'ray-service.io/gpus-by-model': 'A100-40GB=2,H100-80GB=4',
    });
    // MIG slices are resources of their own: nothing to attribute.
    expect(quotaAndQueue('vcluster').annotations).toBeUndefined();
  });

  it.each<IsolationMode>(['vcluster', 'namespace'])(
    'is the profile plus the system overhead of %s isolation',
    isolation => {
      const { hard } = quotaAndQueue(isolation);
      const overhead = systemOverhead(isolation);
      expect(hard).toEqual({
        'requests.cpu': addQuantities(['32', overhead.requests.cpu], 'cpu'),
        'requests.memory': addQuantities(
          ['128Gi', overhead.requests.memory],
          'memory',
        ),
        'requests.storage': addQuantities(
          ['500Gi', overhead.storage],
          'storage',
        ),
        'requests.nvidia.com/mig-1g.5gb': '14',
        'limits.cpu': addQuantities(['32', overhead.limits.cpu], 'cpu'),
        'limits.memory': addQuantities(
          ['128Gi', overhead.limits.memory],
          'memory',
        ),
        persistentvolumeclaims: String(10 + overhead.persistentVolumeClaims),
        'services.loadbalancers': '0',
        'services.nodeports': '0',
      });
    },
  );

  it('leaves room for the vcluster control plane, its CoreDNS and KubeRay', () => {
    expect(systemOverhead('vcluster')).toEqual({
      requests: { cpu: '320m', memory: '1088Mi' },
      limits: { cpu: '3100m', memory: '4778Mi' },
      storage: '5Gi',
      persistentVolumeClaims: 1,
    });
    expect(systemOverhead('namespace')).toEqual({
      requests: { cpu: '100m', memory: '512Mi' },
      limits: { cpu: '100m', memory: '512Mi' },
      storage: '0',
      persistentVolumeClaims: 0,
    });
  });
});

describe('Volcano queue', () => {
  it.each<IsolationMode>(['vcluster', 'namespace'])(
    'has the quota’s requests as capability (%s)',
    isolation => {
      for (const profile of Object.values(PROFILES)) {
        const { hard, capability } = quotaAndQueue(isolation, profile);
        const requested = Object.fromEntries(
          Object.entries(hard)
            .filter(
              ([key]) =>
                key.startsWith('requests.') && key !== 'requests.storage',
            )
            .map(([key, value]) => [key.slice('requests.'.length), value]),
        );
        expect(capability).toEqual(requested);
      }
    },
  );

  it('is named like the namespace, weight 1, not reclaimable', () => {
    const queue = single(
      planObjects(planInput({ isolation: 'vcluster', delivery: 'flux' })),
      'Queue',
    );
    expect(queue.metadata).toMatchObject({ name: 'ray-alpha' });
    expect(queue.metadata.namespace).toBeUndefined();
    expect(queue.spec).toMatchObject({ weight: 1, reclaimable: false });
  });
});

describe('LimitRange', () => {
  it('allows containers up to the largest resource group', () => {
    const [limits] = quotaAndQueue('vcluster', PROFILES.medium).limits;
    expect(limits).toEqual({
      type: 'Container',
      default: { cpu: '250m', memory: '512Mi' },
      defaultRequest: { cpu: '250m', memory: '512Mi' },
      max: { cpu: '16', memory: '64Gi' },
    });
  });

  it('caps the defaults for tiny profiles, but never below system components', () => {
    const tiny = storedProfile({
      name: 'tiny',
      displayName: 'Tiny',
      resources: [{ cpu: '200m', memory: '256Mi', storage: '1Gi' }],
      allocation: { strategy: 'onDemand' },
    });
    const [namespaced] = quotaAndQueue('namespace', tiny).limits;
    expect(namespaced).toMatchObject({
      default: { cpu: '200m', memory: '512Mi' },
      defaultRequest: { cpu: '200m', memory: '512Mi' },
      // the operator's 512Mi
      max: { cpu: '200m', memory: '512Mi' },
    });
    // The vcluster control plane needs 2 CPU and 4Gi.
    const [vcluster] = quotaAndQueue('vcluster', tiny).limits;
    expect(vcluster.max).toEqual({ cpu: '2', memory: '4Gi' });
  });
});
