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

import { Entity } from '@backstage/catalog-model';

function group(name: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], ...(parent && { parent }) },
  };
}

/** The groups of examples/org.yaml: ml-teams is the parent of both ML teams. */
export const EXAMPLE_GROUPS: Entity[] = [
  group('platform-team'),
  group('ml-teams'),
  group('ml-team-alpha', 'ml-teams'),
  group('ml-team-bravo', 'ml-teams'),
];

/** The users of examples/org.yaml and their direct groups. */
export const EXAMPLE_MEMBERSHIPS: Record<string, string[]> = {
  'user:default/pat.platform': ['group:default/platform-team'],
  'user:default/alice.alpha': ['group:default/ml-team-alpha'],
  'user:default/bob.bravo': ['group:default/ml-team-bravo'],
  'user:default/guest': [
    'group:default/platform-team',
    'group:default/ml-team-alpha',
  ],
};
