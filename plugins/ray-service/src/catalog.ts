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

import { Entity } from '@backstage/catalog-model';
import {
  RAY_TENANT_ANNOTATION,
  RAY_TENANT_ENTITY_TYPE,
} from '@ray-service/plugin-ray-service-common';

/**
 * Whether the entity is a Ray tenant (as the catalog module emits them): a
 * Resource of type `ray-tenant` naming its tenant. For `EntitySwitch.Case`
 * and the new frontend system's filters.
 */
export function isRayTenantEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === RAY_TENANT_ENTITY_TYPE &&
    Boolean(entity.metadata.annotations?.[RAY_TENANT_ANNOTATION])
  );
}

/** The tenant a Ray tenant entity stands for. */
export function tenantNameOf(entity: Entity): string {
  const name = entity.metadata.annotations?.[RAY_TENANT_ANNOTATION];
  if (!name) {
    throw new Error(
      `${entity.metadata.name} has no ${RAY_TENANT_ANNOTATION} annotation`,
    );
  }
  return name;
}
