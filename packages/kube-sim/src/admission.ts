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

import { ApiError, badRequest } from './errors';
import type { ResourceType } from './registry';
import type { KubeObject } from './util';

/**
 * Validating admission webhooks of the simulated add-ons, for DELETE. A webhook returns the
 * message it denies the request with, or undefined to allow it.
 *
 * Admission runs for API requests only (DELETE and deletecollection, dry runs included),
 * never for internal removals: seeds, namespace finalization, CRD removal, garbage collection,
 * controllers and the test view.
 */
interface DeleteWebhook {
  /** The webhook's name, as the API server quotes it in a denial. */
  name: string;
  group: string;
  resource: string;
  validate(obj: KubeObject): string | undefined;
}

/**
 * Volcano's `validatequeue.volcano.sh` (`validateQueueDeleting`): the `default` and `root`
 * queues can never be deleted; any other queue only once `status.state` is `Closed` (the
 * strict rule of older releases; newer ones refuse a queue that still has allocated pods).
 */
export function validateQueueDeleting(queue: KubeObject): string | undefined {
  const name = String(queue.metadata?.name ?? '');
  if (name === 'default' || name === 'root')
    return `\`${name}\` queue can not be deleted`;
  const state = String(queue.status?.state ?? '');
  if (state !== 'Closed')
    return `only queue with state \`Closed\` can be deleted, queue \`${name}\` state is \`${state}\``;
  return undefined;
}

const DELETE_WEBHOOKS: DeleteWebhook[] = [
  {
    name: 'validatequeue.volcano.sh',
    group: 'scheduling.volcano.sh',
    resource: 'queues',
    validate: validateQueueDeleting,
  },
];

/** How the API server answers a webhook's denial (the webhook sets no code or reason). */
export function webhookDenied(webhook: string, message: string): ApiError {
  return badRequest(
    `admission webhook "${webhook}" denied the request: ${message}`,
  );
}

/**
 * Runs the validating webhooks registered for the object's resource before an API delete;
 * throws the API server's error for the first denial. A webhook is active wherever its
 * resource is served (the sim installs an add-on's webhook together with its CRDs).
 */
export function admitDelete(
  rt: Pick<ResourceType, 'group' | 'resource'>,
  obj: KubeObject,
): void {
  for (const w of DELETE_WEBHOOKS) {
    if (w.group !== rt.group || w.resource !== rt.resource) continue;
    const denied = w.validate(obj);
    if (denied !== undefined) throw webhookDenied(w.name, denied);
  }
}
