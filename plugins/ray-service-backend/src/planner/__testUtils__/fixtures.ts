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
  ComputeProfile,
  computeProfileSchema,
  IsolationMode,
  TemplateVersion,
  templateVersionSchema,
} from '@ray-service/plugin-ray-service-common';
import { DEFAULT_INSTANCE } from '../../vocabulary';
import type { HostClusterInput, PlanInput } from '../types';
import type { DeliveryController } from '../../vocabulary';

const STORED = {
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  createdBy: 'user:default/admin',
};

/** Adds what the store adds to a profile and parses it like the API would. */
export function storedProfile(input: unknown): ComputeProfile {
  return computeProfileSchema.parse({ ...(input as object), ...STORED });
}

export function storedTemplateVersion(input: unknown): TemplateVersion {
  return templateVersionSchema.parse({ ...(input as object), ...STORED });
}

export const PROFILES = {
  small: storedProfile({
    name: 'small',
    displayName: 'Small',
    resources: [{ cpu: '8', memory: '32Gi', storage: '100Gi' }],
    allocation: { strategy: 'onDemand' },
  }),
  medium: storedProfile({
    name: 'medium',
    displayName: 'Medium',
    resources: [
      { cpu: '16', memory: '64Gi', storage: '200Gi' },
      {
        cpu: '8',
        memory: '64Gi',
        storage: '100Gi',
        gpuModel: 'A100-40GB',
        gpuCount: 1,
      },
    ],
    allocation: { strategy: 'onDemand' },
  }),
  largeMig: storedProfile({
    name: 'large-mig',
    displayName: 'Large (MIG)',
    resources: [
      {
        cpu: '32',
        memory: '128Gi',
        storage: '500Gi',
        gpuModel: 'A100-40GB',
        gpuCount: 2,
      },
    ],
    partitioning: { 'A100-40GB': { mode: 'mig', profile: '1g.5gb' } },
    allocation: { strategy: 'onDemand' },
  }),
};

const BASE_TEMPLATE = {
  name: 'kuberay',
  version: '2.0.0',
  kuberayVersion: '1.7.0',
  rayVersion: '2.60.0',
  vclusterChartVersion: '0.36.1',
  isolationModes: ['vcluster', 'namespace'],
  security: { networkPolicy: true, tls: true },
  state: 'published',
  sharedWith: ['group:default/ml-teams'],
};

export const TEMPLATES = {
  /** KubeRay 1.7 with JupyterHub as an add-on. */
  standard: storedTemplateVersion({
    ...BASE_TEMPLATE,
    addons: [
      {
        name: 'jupyterlab',
        chart: {
          repository: 'https://jupyterhub.github.io/helm-chart',
          name: 'jupyterhub',
          version: '4.3.1',
        },
        values: { singleuser: { defaultUrl: '/lab' } },
      },
    ],
  }),
  bare: storedTemplateVersion(BASE_TEMPLATE),
  noNetworkPolicy: storedTemplateVersion({
    ...BASE_TEMPLATE,
    version: '2.0.1',
    security: { networkPolicy: false, tls: false },
  }),
  /** Air-gapped: registry mirror, GCS fault tolerance, an OCI add-on. */
  airGapped: storedTemplateVersion({
    ...BASE_TEMPLATE,
    name: 'kuberay-air-gapped',
    version: '1.0.0',
    addons: [
      {
        name: 'mlflow',
        namespace: 'tracking',
        chart: {
          repository: 'oci://registry.internal.example.com:5000/mirror/charts',
          name: 'mlflow',
          version: '1.2.3',
        },
        values: {
          image: { registry: 'docker.io', repository: 'bitnami/mlflow' },
          tracking: { enabled: 'on' },
        },
      },
    ],
    security: {
      networkPolicy: true,
      tls: true,
      imageRegistry: 'registry.internal.example.com:5000/mirror',
      gcsFaultTolerance: {
        redisAddress: 'redis.ray-system.svc:6379',
        passwordSecretRef: { name: 'ray-gcs-redis', key: 'password' },
      },
    },
  }),
};

export function hostCluster(
  deliveryController: DeliveryController,
  extra: Partial<HostClusterInput> = {},
): HostClusterInput {
  return {
    name: 'gpu-east',
    deliveryController,
    clusterIssuer: 'letsencrypt',
    storageClassName: 'fast-ssd',
    baseDomain: 'ray.example.com',
    ...extra,
  };
}

export function planInput(options: {
  isolation: IsolationMode;
  delivery: DeliveryController;
  profile?: ComputeProfile;
  template?: TemplateVersion;
  tenant?: string;
  host?: Partial<HostClusterInput>;
  /** Default `default`. */
  instance?: string;
}): PlanInput {
  return {
    tenant: {
      name: options.tenant ?? 'alpha',
      owner: 'group:default/ml-team-alpha',
      isolation: options.isolation,
    },
    profile: options.profile ?? PROFILES.largeMig,
    templateVersion: options.template ?? TEMPLATES.standard,
    hostCluster: hostCluster(options.delivery, options.host),
    instance: options.instance ?? DEFAULT_INSTANCE,
  };
}
