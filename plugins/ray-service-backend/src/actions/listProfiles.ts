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

import { rayServiceApi } from '@ray-service/plugin-ray-service-common';
import { parseRouteInput } from '../lib/routeInput';
import { callerOf } from './caller';
import { pageInput, pageOutput } from './schemas';
import { ActionRegistration } from './types';

/** `list-profiles`: the compute profiles the caller may use, like `GET /profiles`. */
export const registerListProfiles: ActionRegistration = (registry, deps) =>
  registry.register({
    name: 'list-profiles',
    title: 'List compute profiles',
    description:
      'The compute profiles the caller may read (by default the published ones visible to their groups): resource groups (CPU, memory, storage, GPUs), GPU partitioning (MIG, time-slicing) and allocation (on demand or a warm pool). A new tenant takes one by name.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object(pageInput),
      output: z =>
        pageOutput(
          z.object({ name: z.string() }).passthrough(),
          'The profiles',
        ),
    },
    action: async ({ input, credentials }) => ({
      output: await deps.profiles.list(
        callerOf(credentials),
        parseRouteInput(rayServiceApi.listProfiles, { query: input }).query,
      ),
    }),
  });
