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
  IsolationMode,
  isProfileVisibleTo,
  isSharedWith,
  TemplateVersion,
  templateVersionRef,
} from '@ray-service/plugin-ray-service-common';

/** The owner's lineage is expanded up front: no more ancestors to look up. */
const NO_MORE_ANCESTORS = (): string[] => [];

/**
 * Whether a group may use a profile for a new tenant; the reason when not.
 * `lineage` is the owner group and its ancestors. Pure.
 */
export function profileRefusal(
  name: string,
  profile: ComputeProfile | undefined,
  owner: string,
  lineage: string[],
): string | undefined {
  if (!profile) {
    return `profile "${name}" does not exist`;
  }
  if (!profile.published) {
    return `profile "${name}" is not published`;
  }
  if (!isProfileVisibleTo(profile, lineage, NO_MORE_ANCESTORS)) {
    return `profile "${name}" is not visible to ${owner}`;
  }
  return undefined;
}

/**
 * Whether a group may put a tenant on a template version (new tenants and
 * upgrades alike: published, shared with the group or an ancestor); the
 * reason when not. Pure.
 */
export function templateVersionRefusal(
  ref: string,
  version: TemplateVersion | undefined,
  owner: string,
  lineage: string[],
): string | undefined {
  if (!version) {
    return `template version ${ref} does not exist`;
  }
  if (version.state !== 'published') {
    return `template version ${ref} is ${version.state}; tenants need a published version`;
  }
  if (!isSharedWith(version.sharedWith, lineage, NO_MORE_ANCESTORS)) {
    return `template version ${ref} is not shared with ${owner}`;
  }
  return undefined;
}

/** Whether the version offers an isolation mode; the reason when not. Pure. */
export function isolationRefusal(
  version: TemplateVersion,
  isolation: IsolationMode,
): string | undefined {
  return version.isolationModes.includes(isolation)
    ? undefined
    : `template version ${templateVersionRef(
        version.name,
        version.version,
      )} offers isolation ${version.isolationModes
        .map(mode => `"${mode}"`)
        .join(' and ')}, not "${isolation}"`;
}
