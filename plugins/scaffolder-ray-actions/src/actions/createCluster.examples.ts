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

const example = stepExample.bind(null, 'ray:cluster:create', {
  id: 'cluster',
  name: 'Create the RayCluster',
});

export const examples = [
  example('A small CPU cluster with one worker group', {
    tenant: 'fraud-models',
    name: 'etl',
    spec: {
      head: { cpu: '2', memory: '8Gi' },
      workerGroups: [{ name: 'cpu', replicas: 2, cpu: '4', memory: '16Gi' }],
    },
  }),
  example(
    "GPU workers as the tenant's profile partitions them (MIG slices of an A100), autoscaling between 0 and 4",
    {
      tenant: 'fraud-models',
      name: 'training',
      spec: {
        head: { cpu: '2', memory: '8Gi' },
        workerGroups: [
          {
            name: 'gpu',
            replicas: 1,
            minReplicas: 0,
            maxReplicas: 4,
            cpu: '8',
            memory: '32Gi',
            gpu: { model: 'A100-40GB', count: 1 },
          },
        ],
        autoscaling: { enabled: true, idleTimeoutSeconds: 300 },
      },
      timeoutSeconds: 1200,
    },
  ),
];
