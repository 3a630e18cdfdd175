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
  normalizeGroupRef,
  templateVersionRef,
} from '@ray-service/plugin-ray-service-common';
import { boundedName } from './names';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'ray-service';
export const TENANT_LABEL = 'ray-service.io/tenant';
export const OWNER_LABEL = 'ray-service.io/owner';
export const TEMPLATE_VERSION_LABEL = 'ray-service.io/template-version';

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
  tenant: string;
  owner: string;
  templateVersion: { name: string; version: string };
}

/** The labels every planned object carries. */
export function tenantLabels(subject: LabelSubject): Record<string, string> {
  return {
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
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
  subject: LabelSubject,
): Record<string, string> {
  return {
    [OWNER_ANNOTATION]: normalizeGroupRef(subject.owner),
    [TEMPLATE_VERSION_ANNOTATION]: templateVersionRef(
      subject.templateVersion.name,
      subject.templateVersion.version,
    ),
  };
}

/** Label selector of everything the Ray service manages, or of one tenant. */
export function managedSelector(tenantName?: string): string {
  const managed = `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`;
  return tenantName ? `${managed},${TENANT_LABEL}=${tenantName}` : managed;
}
