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

import type { V1Namespace } from '@kubernetes/client-node';
import { objectMeta, PlanContext } from './context';
import { tenantAnnotations, volcanoQueueName } from '../vocabulary';
import { VOLCANO_QUEUE_ANNOTATION } from './scheduling';
import type { Planned } from './types';
import { podSecurityLevel } from './podSecurity';

const POD_SECURITY = 'pod-security.kubernetes.io';

/**
 * The tenant's Namespace: it enforces the template version's Pod Security
 * Standard (see {@link podSecurityLevel}) and audits and warns at
 * `restricted`; its annotation puts Volcano PodGroups into the tenant's queue.
 */
export function tenantNamespaceObject(ctx: PlanContext): Planned<V1Namespace> {
  const meta = objectMeta(ctx, ctx.namespace);
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      ...meta,
      labels: {
        ...meta.labels,
        [`${POD_SECURITY}/enforce`]: podSecurityLevel(ctx.template),
        [`${POD_SECURITY}/enforce-version`]: 'latest',
        [`${POD_SECURITY}/audit`]: 'restricted',
        [`${POD_SECURITY}/warn`]: 'restricted',
      },
      annotations: {
        ...tenantAnnotations({
          tenant: ctx.tenantName,
          owner: ctx.owner,
          templateVersion: ctx.template,
        }),
        [VOLCANO_QUEUE_ANNOTATION]: volcanoQueueName(ctx.tenantName),
      },
    },
  };
}
