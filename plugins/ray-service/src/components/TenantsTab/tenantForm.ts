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
  IsolationMode,
  parseTemplateVersionRef,
  TemplateVersion,
  templateVersionRef,
} from '@ray-service/plugin-ray-service-common';

/** The "Create tenant" form's state: every field as typed or picked. */
export interface TenantDraft {
  name: string;
  owner: string;
  profile: string;
  /** `name@version`. */
  templateVersion: string;
  /** Empty: the backend picks a cluster. */
  hostCluster: string;
  /** Empty: the template version's default. */
  isolation: '' | IsolationMode;
}

export const EMPTY_TENANT_DRAFT: TenantDraft = {
  name: '',
  owner: '',
  profile: '',
  templateVersion: '',
  hostCluster: '',
  isolation: '',
};

/**
 * The request the draft stands for, to be checked with
 * `tenantRequestSchema`: optional choices left empty are left out.
 */
export function draftToRequest(draft: TenantDraft): unknown {
  return {
    name: draft.name.trim(),
    owner: draft.owner.trim(),
    profile: draft.profile,
    templateVersion: draft.templateVersion,
    ...(draft.hostCluster && { hostCluster: draft.hostCluster }),
    ...(draft.isolation && { isolation: draft.isolation }),
  };
}

export const refOf = (version: TemplateVersion) =>
  templateVersionRef(version.name, version.version);

/** The isolation modes the version at `ref` supports; none before one is picked. */
export function isolationModesOf(
  ref: string,
  versions: TemplateVersion[],
): IsolationMode[] {
  return versions.find(version => refOf(version) === ref)?.isolationModes ?? [];
}

/**
 * What a tenant on `currentRef` can move to: the other published versions of
 * the same template, newest first.
 */
export function upgradeCandidates(
  currentRef: string,
  publishedVersions: TemplateVersion[],
): string[] {
  const { name } = parseTemplateVersionRef(currentRef);
  return publishedVersions
    .filter(version => version.name === name && refOf(version) !== currentRef)
    .sort((a, b) =>
      b.version.localeCompare(a.version, undefined, { numeric: true }),
    )
    .map(refOf);
}
