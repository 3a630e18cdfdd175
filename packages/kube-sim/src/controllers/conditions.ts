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

import { KubeObject, now } from '../util';

export interface ConditionInput {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  observedGeneration?: number;
}

/**
 * Sets a condition in a status object, keeping lastTransitionTime when the status does
 * not change (so that re-running a reconcile does not write anything new).
 */
export function setCondition(
  status: KubeObject,
  c: ConditionInput,
  style: 'meta' | 'deployment' = 'meta',
) {
  const list: KubeObject[] = Array.isArray(status.conditions)
    ? status.conditions
    : [];
  const i = list.findIndex(x => x.type === c.type);
  const prev = i >= 0 ? list[i] : undefined;
  const transition =
    prev && prev.status === c.status ? prev.lastTransitionTime : now();
  const next: KubeObject = { type: c.type, status: c.status };
  if (c.observedGeneration !== undefined)
    next.observedGeneration = c.observedGeneration;
  if (style === 'deployment') {
    next.lastUpdateTime =
      prev && prev.status === c.status && prev.reason === c.reason
        ? prev.lastUpdateTime
        : now();
  }
  next.lastTransitionTime = transition;
  next.reason = c.reason;
  next.message = c.message;
  if (i >= 0) list[i] = next;
  else list.push(next);
  status.conditions = list;
}

export function removeCondition(status: KubeObject, type: string) {
  if (!Array.isArray(status.conditions)) return;
  status.conditions = status.conditions.filter(
    (c: KubeObject) => c.type !== type,
  );
}

export function getCondition(
  obj: KubeObject | undefined,
  type: string,
): KubeObject | undefined {
  const list = obj?.status?.conditions;
  return Array.isArray(list)
    ? list.find((c: KubeObject) => c.type === type)
    : undefined;
}
