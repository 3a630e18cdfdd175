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
 * How tenants appear in the catalog (the catalog module emits them, the
 * frontend plugin recognizes them): a `Resource` of this `spec.type`…
 */
export const RAY_TENANT_ENTITY_TYPE = 'ray-tenant';

/** …with the tenant's name in this annotation… */
export const RAY_TENANT_ANNOTATION = 'ray-service.io/tenant';

/** …and its host cluster's in this one. */
export const RAY_HOST_CLUSTER_ANNOTATION = 'ray-service.io/host-cluster';

/** The kind of a tenant's entity, named after the tenant. */
export const TENANT_ENTITY_KIND = 'Resource';

/** The catalog namespace of tenant entities unless the catalog module is configured otherwise. */
export const DEFAULT_TENANT_ENTITY_NAMESPACE = 'default';

/** The catalog entity ref of a tenant, e.g. `resource:default/demo`. */
export function tenantEntityRef(
  tenant: string,
  namespace: string = DEFAULT_TENANT_ENTITY_NAMESPACE,
): string {
  return `${TENANT_ENTITY_KIND.toLowerCase()}:${namespace}/${tenant}`;
}

/** The app path of a tenant's Ray tab, e.g. `/catalog/default/resource/demo/ray`. */
export function tenantRayTabPath(
  tenant: string,
  namespace: string = DEFAULT_TENANT_ENTITY_NAMESPACE,
): string {
  return `/catalog/${encodeURIComponent(
    namespace,
  )}/${TENANT_ENTITY_KIND.toLowerCase()}/${encodeURIComponent(tenant)}/ray`;
}
