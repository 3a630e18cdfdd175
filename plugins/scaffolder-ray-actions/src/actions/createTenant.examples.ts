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

const example = stepExample.bind(null, 'ray:tenant:create', {
  id: 'tenant',
  name: 'Create the Ray tenant',
});

export const examples = [
  example('Create a tenant for a team and wait until it is Ready', {
    name: 'fraud-models',
    owner: 'group:default/ml-team-alpha',
    profile: 'small',
    templateVersion: 'kuberay@2.0.0',
  }),
  example(
    'Namespace isolation on a chosen host cluster, without waiting for Ready',
    {
      name: 'fraud-models',
      owner: 'ml-team-alpha',
      profile: 'gpu-a100-mig',
      templateVersion: 'kuberay@2.0.0',
      isolation: 'namespace',
      hostCluster: 'gpu-east',
      waitForReady: false,
    },
  ),
  example('From template parameters; give up after 5 minutes', {
    name: '${{ parameters.name }}',
    owner: '${{ parameters.owner }}',
    profile: '${{ parameters.profile }}',
    templateVersion: '${{ parameters.templateVersion }}',
    timeoutSeconds: 300,
  }),
];
