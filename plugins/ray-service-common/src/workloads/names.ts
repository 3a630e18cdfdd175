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

import { z } from 'zod';

/**
 * Longest RayCluster, RayJob or RayService name: KubeRay derives the names of
 * Services (`<name>-head-svc`), pods and, for RayJobs, their clusters
 * (`<name>-<5 characters>`) from it, and they must stay DNS labels.
 */
export const MAX_WORKLOAD_NAME_LENGTH = 40;

/** Longest worker group name: it becomes part of pod names and labels. */
export const MAX_WORKER_GROUP_NAME_LENGTH = 20;

/** Names the REST API uses for its own paths (`…/rayclusters/plan`). */
export const RESERVED_WORKLOAD_NAMES = ['plan'] as const;

function dnsLabelOf(max: number, what: string) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
      'must be lowercase letters, digits and "-", starting and ending with a letter or digit',
    )
    .superRefine((name, ctx) => {
      if ((RESERVED_WORKLOAD_NAMES as readonly string[]).includes(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${name}" is reserved; choose another ${what} name`,
        });
      }
    });
}

/** The name of a RayCluster, RayJob or RayService. */
export const workloadNameSchema = dnsLabelOf(
  MAX_WORKLOAD_NAME_LENGTH,
  'workload',
);

export const workerGroupNameSchema = dnsLabelOf(
  MAX_WORKER_GROUP_NAME_LENGTH,
  'worker group',
);
