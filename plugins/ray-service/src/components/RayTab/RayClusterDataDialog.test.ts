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
  describeRay,
  formatRayAmount,
  formatRayResources,
} from './RayClusterDataDialog';

describe('describeRay', () => {
  it('names a real head by version and short commit', () => {
    expect(describeRay({ version: '2.60.0', commit: '0d2c6fb96b2f8b4c' })).toBe(
      'Ray 2.60.0 (commit 0d2c6fb9)',
    );
  });

  it("says when the head is kube-sim's simulation", () => {
    expect(describeRay({ version: '2.60.0', commit: 'kube-sim' })).toBe(
      'Ray 2.60.0, simulated by kube-sim',
    );
  });
});

describe('formatRayResources', () => {
  it('shows memory in GiB and leaves out per-node and object store entries', () => {
    expect(
      formatRayResources({
        CPU: 4,
        memory: 8 * 2 ** 30,
        'node:10.0.0.1': 1,
        object_store_memory: 123,
        GPU: 0.5,
      }),
    ).toBe('CPU 4, GPU 0.50, memory 8.0 GiB');
  });

  it('lists totals and availability in the same order, whatever order Ray sent', () => {
    expect(formatRayResources({ memory: 2 ** 30, CPU: 2 })).toBe(
      'CPU 2, memory 1.0 GiB',
    );
    expect(formatRayResources({ CPU: 1, memory: 2 ** 31 })).toBe(
      'CPU 1, memory 2.0 GiB',
    );
  });
});

describe('formatRayAmount', () => {
  it('shows byte resources in GiB and counts as they are', () => {
    expect(formatRayAmount('memory', 17222315623)).toBe('16.0 GiB');
    expect(formatRayAmount('object_store_memory', 7380992409)).toBe('6.9 GiB');
    expect(formatRayAmount('CPU', 2)).toBe('2');
    expect(formatRayAmount('GPU', 0.25)).toBe('0.25');
  });
});
