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

import type { KubernetesObject } from '@kubernetes/client-node';
import type {
  ComputeProfile,
  IsolationMode,
  TemplateVersion,
} from '@ray-service/plugin-ray-service-common';
import type { DeliveryController, VclusterApiExposure } from '../vocabulary';

/** What the planner needs to know about the host cluster a tenant lives on. */
export interface HostClusterInput {
  name: string;
  /** Flux HelmRelease (+HelmRepository/OCIRepository) or RKE2/k3s HelmChart. */
  deliveryController: DeliveryController;
  /** Default `nginx`. */
  ingressClassName?: string;
  /** Namespace of the ingress controller pods; default `ingress-nginx`. */
  ingressControllerNamespace?: string;
  /** cert-manager ClusterIssuer for tenant TLS. */
  clusterIssuer?: string;
  storageClassName?: string;
  /** E.g. `ray.example.com`: the dashboard of tenant `alpha` is `alpha.ray.example.com`. */
  baseDomain?: string;
  /** Where Flux sources and HelmReleases live; default `flux-system`. */
  fluxNamespace?: string;
  /**
   * Where HelmChart objects live; default `kube-system`. Never a tenant
   * namespace: the helm-controller runs each chart's job with a cluster-admin
   * ServiceAccount in the HelmChart's namespace.
   */
  helmChartNamespace?: string;
  /**
   * CIDRs of the Kubernetes API server endpoints (e.g. `10.0.0.10/32`). A pure
   * plan cannot discover them; without them the API-server network policy
   * allows ports 443/6443 to any address and no ingress from the API server.
   */
  apiServerCidrs?: string[];
  /**
   * How the vcluster API is reached; default `clusterDns`. `ingress` needs
   * `baseDomain` and an ingress controller with SSL passthrough.
   */
  vclusterApiExposure?: VclusterApiExposure;
}

export interface PlanInput {
  tenant: {
    /** DNS label of at most {@link MAX_TENANT_NAME_LENGTH} characters. */
    name: string;
    /** Group ref of the owning team, e.g. `group:default/ml-team-alpha`. */
    owner: string;
    isolation: IsolationMode;
  };
  profile: ComputeProfile;
  templateVersion: TemplateVersion;
  hostCluster: HostClusterInput;
  /**
   * The portal instance planning the tenant (`rayService.instance`, default
   * `default`): every object carries it as the `ray-service.io/instance`
   * label, by which each portal's reconciler finds its own objects on a
   * shared host cluster. A DNS label of at most 20 characters.
   */
  instance: string;
}

export interface Plan {
  /** In apply order: Namespace first, CRD-backed objects after their prerequisites. */
  objects: KubernetesObject[];
  /** Human-readable lines describing the tenant. */
  summary: string[];
}

/** A Kubernetes object as the planner emits it: typed metadata, any body. */
export type PlannedObject = KubernetesObject & {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
};

/** A client-node model (V1Namespace, …) with the planner's guarantees. */
export type Planned<T extends KubernetesObject> = T & PlannedObject;
