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
import type { PlannedObject } from '../../planner/types';
import { operatorReleaseName, vclusterReleaseName } from '../../vocabulary';

const READY = {
  type: 'Ready',
  status: 'True',
  reason: 'InstallSucceeded',
  message: 'Helm install succeeded',
  observedGeneration: 1,
};

/** The status controllers give each planned kind once it works. */
function workingStatus(
  object: PlannedObject,
): Record<string, unknown> | undefined {
  switch (object.kind) {
    case 'Namespace':
      return { phase: 'Active' };
    case 'Queue':
      return { state: 'Open' };
    case 'HelmRelease':
      return {
        observedGeneration: 1,
        conditions: [READY],
        history: [{ version: 1 }],
      };
    default:
      return undefined;
  }
}

/** Planned objects as a cluster would list them after they worked out. */
export function observedFrom(
  plan: PlannedObject[],
  change: (object: ObservedObject) => ObservedObject | undefined = o => o,
): ObservedObject[] {
  return plan
    .map(object => {
      const status = workingStatus(object);
      return change({
        ...structuredClone(object),
        metadata: {
          ...structuredClone(object.metadata),
          uid: `uid-${object.metadata.name}`,
          resourceVersion: '42',
          generation: 1,
          labels: {
            ...object.metadata.labels,
            'kubernetes.io/metadata.name': object.metadata.name,
          },
        },
        ...(status ? { status } : {}),
      } as ObservedObject);
    })
    .filter((o): o is ObservedObject => o !== undefined);
}

export const isVClusterRelease =
  (tenant: string) => (o: { kind: string; metadata: { name: string } }) =>
    o.kind === 'HelmRelease' && o.metadata.name === vclusterReleaseName(tenant);

export const isOperatorRelease =
  (tenant: string) => (o: { kind: string; metadata: { name: string } }) =>
    o.kind === 'HelmRelease' && o.metadata.name === operatorReleaseName(tenant);
