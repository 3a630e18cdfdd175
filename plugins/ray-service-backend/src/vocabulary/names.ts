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

import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import {
  isDnsLabel,
  MAX_TENANT_NAME_LENGTH,
} from '@ray-service/plugin-ray-service-common';

/**
 * Every name the planner gives an object comes from this module.
 *
 * The tenant `alpha` lives in namespace `ray-alpha`; its Helm releases are
 * `ray-alpha-vcluster`, `ray-alpha-kuberay-operator` and
 * `ray-alpha-addon-<add-on>`. Release names carry the namespace because the
 * objects that describe them (HelmReleases, HelmCharts) share one system
 * namespace across tenants, and a HelmChart's name is its release name.
 */

export const TENANT_NAMESPACE_PREFIX = 'ray-';

/**
 * Longest tenant name (common's, its one home). It keeps every derived name
 * within Kubernetes' limits without truncation: `ray-<name>-kuberay-operator`
 * fits Helm's 53 characters and `ray-<name>-vcluster` the 52 a StatefulSet
 * name may have.
 */
export { MAX_TENANT_NAME_LENGTH };

/** Helm release names are stored in Secret labels: at most 53 characters. */
export const MAX_RELEASE_NAME_LENGTH = 53;

const MAX_NAME_LENGTH = 63;
const HASH_LENGTH = 8;

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);
}

/**
 * `name` if it fits `max`, else a prefix of it plus a hash of the whole, so
 * that distinct long names stay distinct and the result stays stable.
 */
export function boundedName(name: string, max = MAX_NAME_LENGTH): string {
  if (name.length <= max) {
    return name;
  }
  const prefix = name.slice(0, max - HASH_LENGTH - 1).replace(/[-.]+$/, '');
  return `${prefix}-${shortHash(name)}`;
}

/** @throws InputError unless `name` is a DNS label of at most 32 characters. */
export function assertTenantName(name: string): void {
  if (!isDnsLabel(name) || name.length > MAX_TENANT_NAME_LENGTH) {
    throw new InputError(
      `invalid tenant name "${name}": expected a DNS-1123 label (lowercase letters, digits and "-") of at most ${MAX_TENANT_NAME_LENGTH} characters`,
    );
  }
}

/** The host namespace of a tenant: `ray-<name>`. */
export function tenantNamespace(tenantName: string): string {
  assertTenantName(tenantName);
  return `${TENANT_NAMESPACE_PREFIX}${tenantName}`;
}

/**
 * The key a tenant's objects on its host cluster are named and labelled by
 * (`ray-service.io/tenant`): its namespace without the `ray-` prefix. That
 * is the tenant's name, unless the tenant was claimed from a warm pool: it
 * keeps the namespace (and key) it was provisioned with.
 */
export function tenantKey(namespace: string): string {
  if (!namespace.startsWith(TENANT_NAMESPACE_PREFIX)) {
    throw new InputError(
      `invalid tenant namespace "${namespace}": expected "${TENANT_NAMESPACE_PREFIX}<key>"`,
    );
  }
  const key = namespace.slice(TENANT_NAMESPACE_PREFIX.length);
  assertTenantName(key);
  return key;
}

export { POOL_KEY_PREFIX } from '@ray-service/plugin-ray-service-common';

/**
 * The owner of unclaimed standbys: a group nobody is a member of, so that
 * only admins see them. A claim hands the standby to the team.
 */
export const POOL_OWNER = 'group:default/ray-service-warm-pool';

/** The Volcano queue of a tenant is named like its namespace. */
export function volcanoQueueName(tenantName: string): string {
  return tenantNamespace(tenantName);
}

export function vclusterReleaseName(tenantName: string): string {
  return `${tenantNamespace(tenantName)}-vcluster`;
}

export function operatorReleaseName(tenantName: string): string {
  return `${tenantNamespace(tenantName)}-kuberay-operator`;
}

export function addonReleaseName(tenantName: string, addon: string): string {
  return boundedName(
    `${tenantNamespace(tenantName)}-addon-${addon}`,
    MAX_RELEASE_NAME_LENGTH,
  );
}

/** The Secret in the tenant namespace holding the vcluster's kubeconfig. */
export function vclusterKubeconfigSecretName(tenantName: string): string {
  return `vc-${vclusterReleaseName(tenantName)}`;
}

/** The vcluster's API service inside the host cluster. */
export function vclusterServiceHost(tenantName: string): string {
  return `${vclusterReleaseName(tenantName)}.${tenantNamespace(
    tenantName,
  )}.svc`;
}

/**
 * The vcluster's API on the host's ingress controller (`vclusterApiExposure:
 * ingress`): `vc-<tenant>.<baseDomain>`.
 */
export function vclusterIngressHost(
  tenantName: string,
  baseDomain: string,
): string {
  assertTenantName(tenantName);
  return `vc-${tenantName}.${baseDomain}`;
}

export const RESOURCE_QUOTA_NAME = 'ray-service-quota';
export const LIMIT_RANGE_NAME = 'ray-service-limits';

/** NetworkPolicies are prefixed so that they never clash with a tenant's own. */
export function networkPolicyName(purpose: string): string {
  return `ray-service-${purpose}`;
}
