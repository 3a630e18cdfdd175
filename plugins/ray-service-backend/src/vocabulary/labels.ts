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
  isDnsLabel,
  normalizeGroupRef,
  templateVersionRef,
} from '@ray-service/plugin-ray-service-common';
import { boundedName } from './names';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'ray-service';
export const TENANT_LABEL = 'ray-service.io/tenant';
export const OWNER_LABEL = 'ray-service.io/owner';
export const TEMPLATE_VERSION_LABEL = 'ray-service.io/template-version';
/**
 * The portal instance (`rayService.instance`) that manages the object.
 * Portals sharing a host cluster each see only their own instance's objects.
 */
export const INSTANCE_LABEL = 'ray-service.io/instance';

/** The instance of a portal that does not configure `rayService.instance`. */
export const DEFAULT_INSTANCE = 'default';
export const MAX_INSTANCE_LENGTH = 20;

/** Whether `name` can be an instance: a DNS-1123 label of at most 20 characters. */
export function isInstanceName(name: string): boolean {
  return isDnsLabel(name) && name.length <= MAX_INSTANCE_LENGTH;
}

/** Full values that do not fit a label, on the Namespace. */
export const OWNER_ANNOTATION = 'ray-service.io/owner-ref';
export const TEMPLATE_VERSION_ANNOTATION =
  'ray-service.io/template-version-ref';

const MAX_LABEL_VALUE_LENGTH = 63;

/**
 * Turns text into a label value: characters outside `[A-Za-z0-9-_.]` become
 * `-`, the ends are alphanumeric, and long values are shortened with a hash.
 */
export function toLabelValue(text: string): string {
  const cleaned = text
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return boundedName(cleaned, MAX_LABEL_VALUE_LENGTH).replace(
    /[^A-Za-z0-9]+$/,
    '',
  );
}

/**
 * The owner label: the group's name, prefixed with its catalog namespace
 * unless that is `default` (`group:default/ml-teams` → `ml-teams`,
 * `group:research/vision` → `research.vision`).
 */
export function ownerLabelValue(groupRef: string): string {
  const normalized = normalizeGroupRef(groupRef);
  const [namespace, name] = normalized.slice('group:'.length).split('/');
  return toLabelValue(namespace === 'default' ? name : `${namespace}.${name}`);
}

/** `kuberay` `2.0.0` → `kuberay-2.0.0` (`+` of build metadata becomes `_`). */
export function templateVersionLabelValue(
  name: string,
  version: string,
): string {
  return toLabelValue(`${name}-${version.replace(/\+/g, '_')}`);
}

export interface LabelSubject {
  /** The portal instance planning the tenant. */
  instance: string;
  tenant: string;
  owner: string;
  templateVersion: { name: string; version: string };
}

/** The labels every planned object carries. */
export function tenantLabels(subject: LabelSubject): Record<string, string> {
  return {
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
    [INSTANCE_LABEL]: subject.instance,
    [TENANT_LABEL]: subject.tenant,
    [OWNER_LABEL]: ownerLabelValue(subject.owner),
    [TEMPLATE_VERSION_LABEL]: templateVersionLabelValue(
      subject.templateVersion.name,
      subject.templateVersion.version,
    ),
  };
}

/** The exact owner and template version, which labels can only abbreviate. */
export function tenantAnnotations(
  subject: Omit<LabelSubject, 'instance'>,
): Record<string, string> {
  return {
    [OWNER_ANNOTATION]: normalizeGroupRef(subject.owner),
    [TEMPLATE_VERSION_ANNOTATION]: templateVersionRef(
      subject.templateVersion.name,
      subject.templateVersion.version,
    ),
  };
}

/**
 * On a tenant's ResourceQuota: the `nvidia.com/gpu` units it reserves by
 * GPU model, `A100-40GB=6,H100-80GB=2`. Kubernetes counts `nvidia.com/gpu`
 * without a model; capacity reads this to know which model's GPUs are taken.
 */
export const GPUS_BY_MODEL_ANNOTATION = 'ray-service.io/gpus-by-model';

/** `{ 'H100-80GB': 2, 'A100-40GB': 6 }` → `A100-40GB=6,H100-80GB=2` (code-point order). */
export function formatGpusByModel(byModel: Record<string, number>): string {
  return Object.entries(byModel)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([model, count]) => `${model}=${count}`)
    .join(',');
}

const GPUS_BY_MODEL_ENTRY = /^([A-Za-z0-9][A-Za-z0-9._-]*)=(\d{1,6})$/;

/** The annotation's counts; undefined when it is absent or not in the format. */
export function parseGpusByModel(
  value: string | undefined,
): Record<string, number> | undefined {
  if (!value) {
    return undefined;
  }
  const byModel: Record<string, number> = {};
  for (const entry of value.split(',')) {
    const match = GPUS_BY_MODEL_ENTRY.exec(entry);
    if (!match || match[1] in byModel) {
      return undefined;
    }
    byModel[match[1]] = Number(match[2]);
  }
  return byModel;
}

/**
 * Which managed objects a selector picks: those of one portal instance
 * (optionally of one tenant), or those of every portal sharing the cluster.
 */
export type ManagedScope =
  | { instance: string; tenant?: string }
  | { allInstances: true };

/**
 * Label selector of what Ray service portals manage. `{ instance }`: this
 * portal's objects, the only ones it may change or delete (the reconciler).
 * `{ allInstances: true }`: every portal's, for what they share, such as the
 * cluster's capacity.
 */
export function managedSelector(scope: ManagedScope): string {
  const managed = `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`;
  if ('allInstances' in scope) {
    return managed;
  }
  return [
    managed,
    `${INSTANCE_LABEL}=${scope.instance}`,
    ...(scope.tenant ? [`${TENANT_LABEL}=${scope.tenant}`] : []),
  ].join(',');
}
