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

import {
  Tenant,
  templateVersionRef,
} from '@ray-service/plugin-ray-service-common';
import { StoredTenant } from '../../store/RayServiceStore';

/** A stored tenant as the REST API shows it. */
export function tenantView(tenant: StoredTenant): Tenant {
  return {
    name: tenant.name,
    owner: tenant.owner,
    profile: tenant.profile,
    templateVersion: templateVersionRef(
      tenant.template.name,
      tenant.template.version,
    ),
    hostCluster: tenant.hostCluster,
    isolation: tenant.isolation,
    namespace: tenant.namespace,
    phase: tenant.phase,
    conditions: tenant.conditions,
    generation: tenant.generation,
    observedGeneration: tenant.observedGeneration,
    createdBy: tenant.createdBy,
    createdAt: tenant.createdAt,
    updatedAt: tenant.updatedAt,
    ...(tenant.deletionRequestedAt && {
      deletionRequestedAt: tenant.deletionRequestedAt,
    }),
    ...(tenant.pool && { pool: tenant.pool }),
  };
}
