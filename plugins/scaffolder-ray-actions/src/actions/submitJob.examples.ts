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

import { stepExample } from './examples';

const example = stepExample.bind(null, 'ray:job:submit', {
  id: 'job',
  name: 'Run the Ray job',
});

export const examples = [
  example(
    'Run a script on a cluster of its own and wait for it, with its log in the task log',
    {
      tenant: 'fraud-models',
      name: 'nightly-train',
      entrypoint: 'python train.py --epochs 3',
      runtimeEnv: {
        pip: ['torch==2.5.1'],
        workingDir: 'https://example.com/fraud-models/train.zip',
      },
      cluster: {
        new: {
          head: { cpu: '2', memory: '8Gi' },
          workerGroups: [
            { name: 'cpu', replicas: 2, cpu: '4', memory: '16Gi' },
          ],
        },
      },
      waitForCompletion: true,
    },
  ),
  example("Submit to one of the tenant's RayClusters and return at once", {
    tenant: 'fraud-models',
    name: 'adhoc-report',
    entrypoint:
      'python -c "import ray; ray.init(); print(ray.cluster_resources())"',
    cluster: { existing: 'etl' },
  }),
];
