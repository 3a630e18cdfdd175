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

import { compactFormValue } from './formValues';

describe('compactFormValue', () => {
  it('drops what a form leaves empty, at every depth', () => {
    expect(
      compactFormValue({
        name: 'etl',
        isolation: '',
        hostCluster: undefined,
        spec: {
          head: { cpu: '2', memory: '8Gi' },
          workerGroups: [{ name: 'cpu', replicas: 0, gpu: {} }, {}],
        },
        runtimeEnv: { pip: [] },
      }),
    ).toEqual({
      name: 'etl',
      spec: {
        head: { cpu: '2', memory: '8Gi' },
        workerGroups: [{ name: 'cpu', replicas: 0 }],
      },
    });
  });

  it('keeps false and zero', () => {
    expect(compactFormValue({ suspend: false, replicas: 0 })).toEqual({
      suspend: false,
      replicas: 0,
    });
  });
});
