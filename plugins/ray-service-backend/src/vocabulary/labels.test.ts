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

import { formatGpusByModel, parseGpusByModel } from './labels';

describe('the GPU models annotation', () => {
  it('writes counts by model in a stable order and reads them back', () => {
    const text = formatGpusByModel({ 'H100-80GB': 4, 'A100-40GB': 6, T4: 0 });
    expect(text).toBe('A100-40GB=6,H100-80GB=4');
    expect(parseGpusByModel(text)).toEqual({ 'A100-40GB': 6, 'H100-80GB': 4 });
  });

  it.each(['', 'A100-40GB', 'A100-40GB=x', 'A100-40GB=1,A100-40GB=2', '=3'])(
    'reads %j as saying nothing',
    text => {
      expect(parseGpusByModel(text)).toBeUndefined();
    },
  );
});
