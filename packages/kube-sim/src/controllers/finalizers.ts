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

import type { KubeObject } from '../util';
import type { ControllerContext } from './context';

/** Adds a finalizer to the object (a write) unless it has it; returns whether it wrote. */
export function addFinalizer(
  ctx: ControllerContext,
  obj: KubeObject,
  finalizer: string,
): boolean {
  const finalizers: string[] = obj.metadata.finalizers ?? [];
  if (finalizers.includes(finalizer)) return false;
  ctx.cluster.putObject({
    ...obj,
    metadata: { ...obj.metadata, finalizers: [...finalizers, finalizer] },
  });
  return true;
}

/** Removes a controller's finalizer; the object goes once no finalizer is left, as in the API. */
export function removeFinalizer(
  ctx: ControllerContext,
  obj: KubeObject,
  finalizer: string,
) {
  const finalizers = (obj.metadata.finalizers ?? []).filter(
    (f: string) => f !== finalizer,
  );
  if (finalizers.length === (obj.metadata.finalizers ?? []).length) return;
  if (!finalizers.length && obj.metadata.deletionTimestamp) {
    ctx.cluster.deleteObject(
      obj.apiVersion,
      obj.kind,
      obj.metadata.namespace,
      obj.metadata.name,
    );
    return;
  }
  ctx.cluster.putObject({ ...obj, metadata: { ...obj.metadata, finalizers } });
}
