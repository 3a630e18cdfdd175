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

import { createCatalogModelLayer } from '@backstage/catalog-model/alpha';
import {
  RAY_HOST_CLUSTER_ANNOTATION,
  RAY_TENANT_ANNOTATION,
  RAY_TENANT_ENTITY_TYPE,
} from '@ray-service/plugin-ray-service-common';

/** The tenant an entity stands for (its name in the Ray service). */
export const TENANT_ANNOTATION = RAY_TENANT_ANNOTATION;
/** The host cluster a tenant (or a host-cluster Resource) is on. */
export const HOST_CLUSTER_ANNOTATION = RAY_HOST_CLUSTER_ANNOTATION;

/** Read by Backstage's Kubernetes plugin for its tab on the tenant entity. */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
export const KUBERNETES_CLUSTER_ANNOTATION = 'backstage.io/kubernetes-cluster';

/** The `spec.type` of a tenant's Resource. */
export const RAY_TENANT_TYPE = RAY_TENANT_ENTITY_TYPE;
/** The `spec.type` of a host cluster's Resource. */
export const HOST_CLUSTER_TYPE = 'kubernetes-cluster';

/**
 * The annotations this module puts on entities, declared in the catalog
 * model (the catalog's registry of what plugins add to entities).
 */
export const rayServiceCatalogModel = createCatalogModelLayer({
  layerId: 'ray-service.io/catalog-model',
  builder: model => {
    model.addAnnotation({
      name: TENANT_ANNOTATION,
      title: 'Ray tenant',
      description:
        'The name of the Ray service tenant this entity stands for; the Ray tab and cards read its data with it.',
    });
    model.addAnnotation({
      name: HOST_CLUSTER_ANNOTATION,
      title: 'Host cluster',
      description:
        'The host Kubernetes cluster (a name of rayService.hostClusters) the tenant runs on.',
    });
  },
});
