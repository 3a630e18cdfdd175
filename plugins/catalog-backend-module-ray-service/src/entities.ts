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
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  Tenant,
  tenantRayTabPath,
} from '@ray-service/plugin-ray-service-common';
import {
  HOST_CLUSTER_ANNOTATION,
  HOST_CLUSTER_TYPE,
  KUBERNETES_CLUSTER_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
  RAY_TENANT_TYPE,
  TENANT_ANNOTATION,
} from './annotations';

/** Where the entities point: the portal and the backend's API. */
export interface EntityContext {
  /** The catalog namespace of every entity, `default` unless configured. */
  namespace: string;
  /** The group owning the System and the host clusters' Resources. */
  platformOwner: string;
  /** The portal's frontend (app.baseUrl), for links. */
  appBaseUrl: string;
  /** The ray-service backend's external base URL, for the location annotations. */
  apiBaseUrl: string;
}

/** The System every tenant and host cluster is part of. */
export const SYSTEM_NAME = 'ray-service';

/** The label the backend puts on every object of a tenant it plans. */
const TENANT_LABEL = 'ray-service.io/tenant';

function managedBy(url: string) {
  const location = `url:${url}`;
  return {
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
  };
}

/** The name of a host cluster's Resource, apart from tenant names. */
export function hostClusterEntityName(hostCluster: string): string {
  return `host-cluster-${hostCluster}`;
}

/**
 * A tenant as a Resource of type `ray-tenant`: owned by its group, part of
 * the `ray-service` System, depending on its host cluster. Only what changes
 * with the tenant's desired state is in it (no phase), so a tenant that
 * converges does not churn the catalog; the Ray tab shows the live state.
 */
export function tenantEntity(tenant: Tenant, context: EntityContext): Entity {
  const { namespace, appBaseUrl, apiBaseUrl } = context;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: tenant.name,
      namespace,
      title: tenant.name,
      description: `Ray tenant of ${
        parseEntityRef(tenant.owner).name
      } on host cluster ${tenant.hostCluster} (${tenant.isolation}, profile ${
        tenant.profile
      }, ${tenant.templateVersion}).`,
      tags: ['ray', tenant.isolation],
      annotations: {
        ...managedBy(`${apiBaseUrl}/tenants/${tenant.name}`),
        [TENANT_ANNOTATION]: tenant.name,
        [HOST_CLUSTER_ANNOTATION]: tenant.hostCluster,
        [KUBERNETES_NAMESPACE_ANNOTATION]: tenant.namespace,
        [KUBERNETES_LABEL_SELECTOR_ANNOTATION]: `${TENANT_LABEL}=${tenant.name}`,
        [KUBERNETES_CLUSTER_ANNOTATION]: tenant.hostCluster,
      },
      links: [
        {
          url: `${appBaseUrl}${tenantRayTabPath(tenant.name, namespace)}`,
          title: 'Ray workloads',
          icon: 'dashboard',
        },
      ],
    },
    spec: {
      type: RAY_TENANT_TYPE,
      owner: tenant.owner,
      system: SYSTEM_NAME,
      dependsOn: [
        stringifyEntityRef({
          kind: 'Resource',
          namespace,
          name: hostClusterEntityName(tenant.hostCluster),
        }),
      ],
    },
  };
}

/** A host cluster tenants run on, as a Resource of the platform team. */
export function hostClusterEntity(
  hostCluster: string,
  context: EntityContext,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: hostClusterEntityName(hostCluster),
      namespace: context.namespace,
      title: hostCluster,
      description: `Host Kubernetes cluster of Ray service tenants.`,
      tags: ['kubernetes', 'ray'],
      annotations: {
        ...managedBy(`${context.apiBaseUrl}/host-clusters/${hostCluster}`),
        [HOST_CLUSTER_ANNOTATION]: hostCluster,
        [KUBERNETES_CLUSTER_ANNOTATION]: hostCluster,
      },
    },
    spec: {
      type: HOST_CLUSTER_TYPE,
      owner: context.platformOwner,
      system: SYSTEM_NAME,
    },
  };
}

/** The Ray service as a System: its tenants and host clusters are parts of it. */
export function systemEntity(context: EntityContext): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: SYSTEM_NAME,
      namespace: context.namespace,
      title: 'Ray as a Service',
      description:
        'Self-service Ray tenants on shared Kubernetes host clusters.',
      annotations: managedBy(`${context.apiBaseUrl}/tenants`),
      links: [
        {
          url: `${context.appBaseUrl}/create`,
          title: 'Request a Ray tenant',
          icon: 'add',
        },
      ],
    },
    spec: { owner: context.platformOwner },
  };
}
