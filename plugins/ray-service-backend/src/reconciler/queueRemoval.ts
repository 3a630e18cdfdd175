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
import {
  INSTANCE_LABEL,
  MANAGED_BY_LABEL,
  QUEUE_TEARDOWN_ANNOTATION,
  TENANT_LABEL,
  VOLCANO_COMMAND,
  VOLCANO_QUEUE_API_VERSION,
} from '../vocabulary';
import type { PlannedObject } from '../planner/types';
import { describeRef, ObjectRef, refOf } from './objects';

export const isVolcanoQueue = (object: ObservedObject) =>
  object.apiVersion === VOLCANO_QUEUE_API_VERSION && object.kind === 'Queue';

const stateOf = (queue: ObservedObject): string =>
  (queue.status as { state?: string } | undefined)?.state || 'Unknown';

/**
 * The Volcano Command asking Volcano's queue controller to close a queue,
 * as `vcctl queue operate --action close` makes it. Volcano deletes it once
 * handled; its owner reference lets the garbage collector remove it with
 * the queue if Volcano never does. The name is fixed, so asking twice is
 * the same object.
 */
export function closeQueueCommand(queue: ObservedObject): PlannedObject {
  const { name, uid = '', labels = {} } = queue.metadata;
  const target = {
    apiVersion: VOLCANO_QUEUE_API_VERSION,
    kind: 'Queue',
    name,
    uid,
    controller: true,
  };
  const keep = [MANAGED_BY_LABEL, INSTANCE_LABEL, TENANT_LABEL].filter(
    key => labels[key],
  );
  return {
    apiVersion: VOLCANO_COMMAND.apiVersion,
    kind: VOLCANO_COMMAND.kind,
    metadata: {
      name: `${name}-closequeue`,
      namespace: VOLCANO_COMMAND.namespace,
      labels: Object.fromEntries(keep.map(key => [key, labels[key]])),
      ownerReferences: [{ ...target, blockOwnerDeletion: true }],
    },
    action: 'CloseQueue',
    target,
  } as PlannedObject;
}

/** How to get rid of some of a tenant's objects this pass. */
export interface Removal {
  /** Deleted now. */
  delete: ObjectRef[];
  /** Applied now: the Commands closing queues. */
  apply: PlannedObject[];
  /**
   * Marked with {@link QUEUE_TEARDOWN_ANNOTATION} once their Commands are
   * applied: the queues Volcano was asked to close.
   */
  mark: ObjectRef[];
  /** Why something is not deleted yet. */
  waiting?: string;
}

/** Whether the teardown already asked Volcano to close this queue. */
export const isMarkedForTeardown = (queue: ObservedObject) =>
  isVolcanoQueue(queue) &&
  queue.metadata.annotations?.[QUEUE_TEARDOWN_ANNOTATION] !== undefined;

/**
 * Deletes the objects, except Volcano queues that are not closed yet:
 * Volcano refuses to delete an open queue (or, in newer releases, one that
 * still has pods). An open queue is closed first, once: a CloseQueue
 * Command is applied and the queue marked, and later passes wait without
 * writing. Volcano moves it to Closing while PodGroups still use it and to
 * Closed when none is left, and a later pass deletes it.
 */
export function removal(objects: ObservedObject[]): Removal {
  const result: Removal = { delete: [], apply: [], mark: [] };
  const pending: string[] = [];
  for (const object of objects) {
    const state = isVolcanoQueue(object) ? stateOf(object) : 'Closed';
    if (state === 'Closed') {
      result.delete.push(refOf(object));
      continue;
    }
    const what = `${describeRef(refOf(object))} is ${state}`;
    if (state === 'Closing') {
      pending.push(`${what} until no PodGroup uses it`);
      continue;
    }
    if (!isMarkedForTeardown(object)) {
      result.apply.push(closeQueueCommand(object));
      result.mark.push(refOf(object));
    }
    pending.push(`${what}; asked Volcano to close it`);
  }
  if (pending.length) {
    result.waiting = `a Volcano queue is deleted once closed: ${pending.join(
      '; ',
    )}`;
  }
  return result;
}
