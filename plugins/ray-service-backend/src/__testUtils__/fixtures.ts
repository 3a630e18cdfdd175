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
  Addon,
  ComputeProfile,
  ComputeProfileInput,
  TemplateVersion,
  TemplateVersionDocument,
  IsolationMode,
} from '@ray-service/plugin-ray-service-common';
import { StoredTenant } from '../store/RayServiceStore';

const AT = '2026-11-23T10:00:00.000Z';

/** A valid `POST /profiles` body. */
export function profileInput(
  overrides: Partial<ComputeProfileInput> = {},
): ComputeProfileInput {
  return {
    name: 'small',
    displayName: 'Small',
    description: 'CPU only',
    resources: [{ cpu: '8', memory: '32Gi', storage: '100Gi' }],
    partitioning: {},
    allocation: { strategy: 'onDemand' },
    published: true,
    visibleTo: [],
    ...overrides,
  };
}

/** A stored profile. */
export function profile(
  overrides: Partial<ComputeProfile> = {},
): ComputeProfile {
  return {
    ...profileInput(),
    createdBy: 'user:default/pat.platform',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

/** What a template version says, shared by the document and the stored form. */
const TEMPLATE_CONTENT = {
  kuberayVersion: '1.5.1',
  rayVersion: '2.52.0',
  vclusterChartVersion: '0.36.1',
  isolationModes: ['vcluster', 'namespace'] as IsolationMode[],
  addons: [],
  security: { networkPolicy: true, tls: true },
  changelog: '',
  sharedWith: [],
};

/** A valid TenantTemplateVersion import document. */
export function templateDocument(
  options: {
    name?: string;
    version?: string;
    spec?: Partial<TemplateVersionDocument['spec']>;
  } = {},
): TemplateVersionDocument {
  return {
    apiVersion: 'ray-service.io/v1alpha1',
    kind: 'TenantTemplateVersion',
    metadata: {
      name: options.name ?? 'kuberay',
      version: options.version ?? '1.0.0',
    },
    spec: { ...TEMPLATE_CONTENT, ...options.spec },
  };
}

/** An add-on (the mlflow chart) for the templates of tests that need one. */
export const MLFLOW_ADDON = {
  name: 'mlflow',
  chart: {
    repository: 'oci://ghcr.io/example/charts',
    name: 'mlflow',
    version: '1.0.0',
  },
} satisfies Addon;

/** A stored template version. */
export function templateVersion(
  overrides: Partial<TemplateVersion> = {},
): TemplateVersion {
  return {
    name: 'kuberay',
    version: '1.0.0',
    ...TEMPLATE_CONTENT,
    state: 'draft',
    createdBy: 'user:default/pat.platform',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

/** A `tenants` row as inserted straight into the table (seeding, benchmarks). */
export function tenantRow(options: {
  name: string;
  profile: string;
  template: { name: string; version: string };
  owner?: string;
  hostCluster?: string;
}) {
  const at = new Date(AT);
  return {
    name: options.name,
    owner: options.owner ?? 'group:default/ml-team-alpha',
    profile: options.profile,
    template_name: options.template.name,
    template_version: options.template.version,
    host_cluster: options.hostCluster ?? 'sim',
    namespace: `ray-${options.name}`,
    isolation: 'vcluster',
    phase: 'Ready',
    spec: JSON.stringify({}),
    status: JSON.stringify({ conditions: [] }),
    created_by: 'user:default/alice.alpha',
    created_at: at,
    updated_at: at,
  };
}

/** A stored tenant of ml-team-alpha on `sim`. */
export function storedTenant(
  overrides: Partial<StoredTenant> = {},
): StoredTenant {
  return {
    name: 'alpha',
    owner: 'group:default/ml-team-alpha',
    profile: 'small',
    template: { name: 'kuberay', version: '1.0.0' },
    hostCluster: 'sim',
    isolation: 'vcluster',
    phase: 'Pending',
    conditions: [],
    generation: 1,
    observedGeneration: 0,
    createdBy: 'user:default/alice.alpha',
    createdAt: AT,
    updatedAt: AT,
    namespace: `ray-${overrides.name ?? 'alpha'}`,
    ...overrides,
  };
}
