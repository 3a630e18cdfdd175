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

/**
 * How the catalog shows a tenant: a `Resource` named after the tenant in the
 * default namespace, of type `ray-tenant`, with a Ray tab on its entity page.
 */
export const TENANT_ENTITY_KIND = 'Resource';
export const TENANT_ENTITY_NAMESPACE = 'default';
export const TENANT_ENTITY_TYPE = 'ray-tenant';

/** The catalog entity ref of a tenant, e.g. `resource:default/demo`. */
export function tenantEntityRef(tenant: string): string {
  return `${TENANT_ENTITY_KIND.toLowerCase()}:${TENANT_ENTITY_NAMESPACE}/${tenant}`;
}

/** The app path of a tenant's Ray tab, e.g. `/catalog/default/resource/demo/ray`. */
export function tenantRayTabPath(tenant: string): string {
  return `/catalog/${TENANT_ENTITY_NAMESPACE}/${TENANT_ENTITY_KIND.toLowerCase()}/${encodeURIComponent(
    tenant,
  )}/ray`;
}
