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

import type { KubeSim } from '../types';
import { raw } from './helpers';

/** Volcano's (cluster-scoped) queues. */
export const VOLCANO_QUEUES = '/apis/scheduling.volcano.sh/v1beta1/queues';

/** A Volcano Queue as a client writes it. */
export function volcanoQueue(name: string, spec: Record<string, unknown>) {
  return {
    apiVersion: 'scheduling.volcano.sh/v1beta1',
    kind: 'Queue',
    metadata: { name },
    spec,
  };
}

/** Creates a Volcano Queue through the API (answers the response, whatever its status). */
export function createVolcanoQueue(
  sim: Pick<KubeSim, 'url' | 'caData' | 'token'>,
  name: string,
  spec: Record<string, unknown> = { weight: 1 },
) {
  return raw(sim, 'POST', VOLCANO_QUEUES, { body: volcanoQueue(name, spec) });
}
