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

import type { StoreEvent } from '../store';
import type { KubeObject } from '../util';
import { ControllerContext, objKey, updateOwnStatus } from './context';

/**
 * Volcano's queue controller: the queue state machine (`status.state` Open / Closing /
 * Closed) and the `bus.volcano.sh` Commands that drive it. The deletion webhook
 * (`validatequeue.volcano.sh`) is admission, in ../admission.ts.
 */

const SCHEDULING_GROUP = 'scheduling.volcano.sh';
const QUEUE_API_VERSION = `${SCHEDULING_GROUP}/v1beta1`;

const QUEUE_ACTIONS = {
  close: 'CloseQueue',
  open: 'OpenQueue',
} as const;

function queueKey(name: string): string {
  return objKey(SCHEDULING_GROUP, 'queues', '', name);
}

/** Whether any PodGroup (in any namespace) has `spec.queue` set to the queue. */
function queueHasPodGroups(ctx: ControllerContext, queue: string): boolean {
  const t = ctx.cluster.registry.getByResource(SCHEDULING_GROUP, 'podgroups');
  if (!t) return false;
  return ctx.cluster.store
    .list(t)
    .entries.some(e => e.obj.spec?.queue === queue);
}

/** The state a queue closes into: Closing while PodGroups still use it, then Closed. */
function closedOrClosing(ctx: ControllerContext, queue: string): string {
  return queueHasPodGroups(ctx, queue) ? 'Closing' : 'Closed';
}

/**
 * A new queue opens (`status.state: Open`); a Closing queue becomes Closed once no PodGroup
 * references it; any other state is kept (Commands change it).
 */
export function reconcileQueue(ctx: ControllerContext, obj: KubeObject) {
  const name = obj.metadata.name;
  updateOwnStatus(ctx, obj, status => {
    const state = status.state;
    if (!state) return { ...status, state: 'Open' };
    if (state === 'Closing' && closedOrClosing(ctx, name) === 'Closed')
      return { ...status, state: 'Closed' };
    return status;
  });
}

/** Whether a Command's `target` (an OwnerReference) is a Volcano Queue. */
function targetsQueue(cmd: KubeObject): boolean {
  const target = cmd.target;
  return (
    target?.apiVersion === QUEUE_API_VERSION &&
    target?.kind === 'Queue' &&
    typeof target?.name === 'string'
  );
}

/**
 * Volcano's queue controller handles the Commands that target a Queue (in any namespace): it
 * deletes the Command, then acts on the queue `target.name` — `CloseQueue` makes it Closing
 * (PodGroups still use it) or Closed, `OpenQueue` makes it Open; other actions only resync
 * it. Commands for other targets are left alone (another controller's business).
 */
export function reconcileCommand(ctx: ControllerContext, cmd: KubeObject) {
  if (!targetsQueue(cmd)) return;
  ctx.cluster.deleteObject(
    cmd.apiVersion,
    cmd.kind,
    cmd.metadata.namespace,
    cmd.metadata.name,
  );
  const queue: string = cmd.target.name;
  const action = cmd.action;
  if (action !== QUEUE_ACTIONS.close && action !== QUEUE_ACTIONS.open) {
    ctx.enqueue(queueKey(queue));
    return;
  }
  ctx.cluster.updateStatus(QUEUE_API_VERSION, 'Queue', undefined, queue, s => ({
    ...s,
    state: action === QUEUE_ACTIONS.open ? 'Open' : closedOrClosing(ctx, queue),
  }));
}

/**
 * The queues to resync after a PodGroup event: the one it references and, after a change of
 * `spec.queue`, the one it referenced before (a Closing queue closes when its last PodGroup
 * goes, whether deleted by a client, with its namespace or by garbage collection).
 */
export function queuesToResync(ev: StoreEvent): string[] {
  if (ev.group !== SCHEDULING_GROUP || ev.resource !== 'podgroups') return [];
  const names = new Set<string>();
  for (const o of [ev.obj, ev.old]) {
    const q = o?.spec?.queue;
    if (typeof q === 'string' && q) names.add(q);
  }
  return [...names].map(queueKey);
}
