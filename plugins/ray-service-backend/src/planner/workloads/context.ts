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

import type {
  ComputeProfile,
  IsolationMode,
  TemplateVersion,
} from '@ray-service/plugin-ray-service-common';

/** What a workload's object is planned from besides its own spec. */
export interface WorkloadContext {
  tenant: {
    name: string;
    /** What its host objects are named and labelled by (`tenantKey`): its name unless claimed from a warm pool. */
    key: string;
    isolation: IsolationMode;
    /** Where the workload's objects live: the tenant namespace, or a namespace inside its vcluster. */
    namespace: string;
  };
  profile: Pick<ComputeProfile, 'resources' | 'partitioning'>;
  templateVersion: Pick<
    TemplateVersion,
    'name' | 'version' | 'rayVersion' | 'kuberayVersion' | 'security'
  >;
  /** The portal instance (`rayService.instance`). */
  instance: string;
}

/** A planned problem with a field of the request: the 400's detail. */
export interface FieldProblem {
  /** Dotted path in the request body, e.g. `spec.workerGroups.0.gpu.model`. */
  path: (string | number)[];
  message: string;
}

/** Thrown by the workload planner for a request it cannot plan. */
export class WorkloadPlanError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map(p => `${p.path.join('.')}: ${p.message}`).join('; '));
  }
}
