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

import type { ObservedObject } from '../kubernetes/ObjectClient';
import { closeQueueCommand, removal } from './queueRemoval';

function queue(name: string, state?: string): ObservedObject {
  return {
    apiVersion: 'scheduling.volcano.sh/v1beta1',
    kind: 'Queue',
    metadata: {
      name,
      uid: `uid-${name}`,
      labels: {
        'app.kubernetes.io/managed-by': 'ray-service',
        'ray-service.io/instance': 'default',
        'ray-service.io/tenant': name.replace(/^ray-/, ''),
        'ray-service.io/owner': 'ml-teams',
      },
    },
    ...(state ? { status: { state } } : {}),
  };
}

const namespace: ObservedObject = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'ray-a' },
};

describe('closeQueueCommand', () => {
  it('asks Volcano to close the queue, as vcctl does, owned by the queue', () => {
    const target = {
      apiVersion: 'scheduling.volcano.sh/v1beta1',
      kind: 'Queue',
      name: 'ray-a',
      uid: 'uid-ray-a',
      controller: true,
    };
    expect(closeQueueCommand(queue('ray-a', 'Open'))).toEqual({
      apiVersion: 'bus.volcano.sh/v1alpha1',
      kind: 'Command',
      metadata: {
        name: 'ray-a-closequeue',
        namespace: 'default',
        labels: {
          'app.kubernetes.io/managed-by': 'ray-service',
          'ray-service.io/instance': 'default',
          'ray-service.io/tenant': 'a',
        },
        ownerReferences: [{ ...target, blockOwnerDeletion: true }],
      },
      action: 'CloseQueue',
      target,
    });
  });
});

describe('removal', () => {
  it('deletes everything but queues that are not closed', () => {
    const result = removal([namespace, queue('ray-a', 'Closed')]);
    expect(result.delete.map(r => `${r.kind}/${r.name}`)).toEqual([
      'Namespace/ray-a',
      'Queue/ray-a',
    ]);
    expect(result.apply).toEqual([]);
    expect(result.waiting).toBeUndefined();
  });

  it('closes an open queue (or one without a state yet) instead of deleting it', () => {
    const result = removal([namespace, queue('ray-a', 'Open'), queue('ray-b')]);
    expect(result.delete.map(r => r.name)).toEqual(['ray-a']);
    expect(result.apply.map(c => c.metadata.name)).toEqual([
      'ray-a-closequeue',
      'ray-b-closequeue',
    ]);
    expect(result.waiting).toBe(
      'a Volcano queue is deleted once closed: Queue ray-a is Open; asked Volcano to close it; Queue ray-b is Unknown; asked Volcano to close it',
    );
  });

  it('waits for a closing queue without asking again', () => {
    const result = removal([queue('ray-a', 'Closing')]);
    expect(result).toEqual({
      delete: [],
      apply: [],
      mark: [],
      waiting:
        'a Volcano queue is deleted once closed: Queue ray-a is Closing until no PodGroup uses it',
    });
  });
});
