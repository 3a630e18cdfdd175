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
  MAX_PAGE_LIMIT,
  TemplateVersion,
} from '@ray-service/plugin-ray-service-common';
import { useRayServiceData } from '../../hooks/useRayServiceData';

/** Published template versions (one large page), for creating and upgrading. */
export function usePublishedTemplateVersions() {
  return useRayServiceData(async api => {
    const { items } = await api.listTemplateVersions({
      query: { limit: MAX_PAGE_LIMIT },
    });
    return items.filter(
      (version: TemplateVersion) => version.state === 'published',
    );
  });
}

/** What a new tenant can be made of: published profiles and versions, clusters. */
export function useTenantChoices() {
  const profiles = useRayServiceData(async api => {
    const { items } = await api.listProfiles({
      query: { limit: MAX_PAGE_LIMIT },
    });
    return items.filter(profile => profile.published);
  });
  const versions = usePublishedTemplateVersions();
  const hostClusters = useRayServiceData(async api => {
    const { items } = await api.listHostClusters();
    return items;
  });
  // Which warm-pool profiles give a Ready tenant at once (never fails the form).
  const pools = useRayServiceData(async api => {
    try {
      return (await api.listPoolAvailability()).items;
    } catch {
      return [];
    }
  });
  return { profiles, versions, hostClusters, pools };
}
