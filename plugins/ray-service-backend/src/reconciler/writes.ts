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

import type { ObjectClient, ObservedObject } from '../kubernetes/ObjectClient';
import { InputError } from '@backstage/errors';
import { KindNotServedError } from '../kubernetes/requestErrors';
import { QUEUE_TEARDOWN_ANNOTATION } from '../vocabulary';
import type { TenantActions } from './diff';
import { describeRef, ObjectRef, refOf } from './objects';

export interface WriteFailure {
  verb: 'apply' | 'delete';
  object: ObjectRef;
  /** `Invalid` and `KindNotServed` need a change; the others may pass on retry. */
  reason: 'Invalid' | 'KindNotServed' | 'ApplyFailed' | 'DeleteFailed';
  message: string;
  /** Retrying cannot help. */
  permanent: boolean;
}

export interface TenantWrites {
  /** What the API server answered to each apply: the live objects after it. */
  applied: ObservedObject[];
  deleted: ObjectRef[];
  failures: WriteFailure[];
  /** Applies not attempted because an earlier one failed. */
  skipped: ObjectRef[];
}

function reasonOf(
  verb: WriteFailure['verb'],
  error: unknown,
): WriteFailure['reason'] {
  if (error instanceof InputError) {
    return 'Invalid';
  }
  if (error instanceof KindNotServedError) {
    return 'KindNotServed';
  }
  return verb === 'apply' ? 'ApplyFailed' : 'DeleteFailed';
}

function failure(
  verb: WriteFailure['verb'],
  object: ObjectRef,
  error: unknown,
): WriteFailure {
  const reason = reasonOf(verb, error);
  return {
    verb,
    object,
    reason,
    message:
      error instanceof Error ? error.message : `${verb} ${describeRef(object)}`,
    permanent: reason === 'Invalid' || reason === 'KindNotServed',
  };
}

/**
 * Performs one tenant's writes. Applies go in plan order and stop at the
 * first failure, since later objects usually need earlier ones (a namespace,
 * a source); the rest is retried on the next pass. Queues are marked as torn
 * down after the applies (their CloseQueue Commands) succeeded. Deletes are independent:
 * each is tried, and one already gone counts as done.
 */
export async function write(
  client: ObjectClient,
  actions: TenantActions,
): Promise<TenantWrites> {
  const result: TenantWrites = {
    applied: [],
    deleted: [],
    failures: [],
    skipped: [],
  };
  for (const object of actions.apply) {
    if (result.failures.length) {
      result.skipped.push(refOf(object));
      continue;
    }
    try {
      result.applied.push(await client.apply(object));
    } catch (error) {
      result.failures.push(failure('apply', refOf(object), error));
    }
  }
  for (const ref of actions.mark) {
    if (result.failures.length) {
      result.skipped.push(ref);
      continue;
    }
    try {
      result.applied.push(
        await client.annotate(ref, { [QUEUE_TEARDOWN_ANNOTATION]: 'true' }),
      );
    } catch (error) {
      result.failures.push(failure('apply', ref, error));
    }
  }
  for (const ref of actions.delete) {
    try {
      await client.delete(ref.apiVersion, ref.kind, ref.namespace, ref.name);
      result.deleted.push(ref);
    } catch (error) {
      result.failures.push(failure('delete', ref, error));
    }
  }
  return result;
}
