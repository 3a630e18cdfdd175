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

import type { ObservedObject } from '../../kubernetes/ObjectClient';
import { namespaceRefusal } from './namespaceClaim';

function namespace(labels?: Record<string, string>): ObservedObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'ray-alpha', ...(labels && { labels }) },
  };
}

describe('namespaceRefusal', () => {
  it('lets a tenant take a namespace that does not exist or is its instance’s', () => {
    expect(namespaceRefusal(undefined, 'prod', 'gpu-east')).toBeUndefined();
    expect(
      namespaceRefusal(
        namespace({ 'ray-service.io/instance': 'prod' }),
        'prod',
        'gpu-east',
      ),
    ).toBeUndefined();
  });

  it('refuses the namespace of another instance', () => {
    expect(
      namespaceRefusal(
        namespace({
          'app.kubernetes.io/managed-by': 'ray-service',
          'ray-service.io/instance': 'staging',
        }),
        'prod',
        'gpu-east',
      ),
    ).toBe(
      'namespace ray-alpha already exists on host cluster gpu-east and belongs to another portal (instance "staging")',
    );
  });

  it.each([undefined, { 'app.kubernetes.io/managed-by': 'ray-service' }])(
    'refuses a namespace without instance label (labels %j)',
    labels => {
      expect(namespaceRefusal(namespace(labels), 'default', 'gpu-east')).toBe(
        'namespace ray-alpha already exists on host cluster gpu-east and is not managed by this portal',
      );
    },
  );
});
