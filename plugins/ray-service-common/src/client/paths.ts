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

import { PageParams } from '../api';
import { TemplateVersionAction } from '../templateLifecycle';
import { parseTemplateVersionRef } from '../templateVersionRef';

const segment = encodeURIComponent;

/** `/templates/{name}@{version}`; the ref is checked before use. */
function templateVersion(ref: string): string {
  const { name, version } = parseTemplateVersionRef(ref);
  return `/templates/${segment(name)}@${segment(version)}`;
}

/** Paths of the ray-service REST API, relative to the plugin's base URL. */
export const paths = {
  hostClusters: () => '/host-clusters',
  hostCluster: (name: string) => `/host-clusters/${segment(name)}`,
  profiles: () => '/profiles',
  profile: (name: string) => `/profiles/${segment(name)}`,
  templates: () => '/templates',
  templateVersion,
  templateVersionAction: (ref: string, action: TemplateVersionAction) =>
    `${templateVersion(ref)}/${segment(action)}`,
  templateSharing: (ref: string) => `${templateVersion(ref)}/sharing`,
  audit: () => '/audit',
  tenants: () => '/tenants',
  tenantPlan: () => '/tenants/plan',
  tenant: (name: string) => `/tenants/${segment(name)}`,
  tenantUpgrade: (name: string) => `/tenants/${segment(name)}/upgrade`,
  hostClusterPreflight: (name: string) =>
    `/host-clusters/${segment(name)}/preflight`,
  hostClusterCapacity: (name: string) =>
    `/host-clusters/${segment(name)}/capacity`,
  hostClusterRbac: (name: string) => `/host-clusters/${segment(name)}/rbac`,
};

/** Appends the page params, if any, as a query string. */
export function withPage(path: string, page?: PageParams): string {
  const query = new URLSearchParams();
  if (page?.limit !== undefined) {
    query.set('limit', String(page.limit));
  }
  if (page?.cursor !== undefined) {
    query.set('cursor', page.cursor);
  }
  const queryString = query.toString();
  return queryString ? `${path}?${queryString}` : path;
}
