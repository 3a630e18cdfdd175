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
  isProfileVisibleTo,
  isSharedWith,
  profileResourceTotals,
  TemplateVersion,
  templateVersionRef,
  Tenant,
} from '@ray-service/plugin-ray-service-common';
import {
  describeGpus,
  describeQuantities,
} from '../components/ComputeProfilesTab/profileSummary';
import { Choice } from './ChoiceField';

/** The lineage is expanded already: no more ancestors to look up. */
const NO_MORE_ANCESTORS = (): string[] => [];

/**
 * The profiles a tenant of the owner can have (published and visible to the
 * owner's lineage, as the backend checks), with their resources, GPUs and
 * whether they come at once from a warm pool or are provisioned on demand.
 */
export function profileChoices(
  profiles: ComputeProfile[],
  ownerLineage: string[] | undefined,
): Choice[] {
  return profiles
    .filter(
      profile =>
        !ownerLineage ||
        isProfileVisibleTo(profile, ownerLineage, NO_MORE_ANCESTORS),
    )
    .map(profile => {
      const { allocation } = profile;
      const warm = allocation.strategy === 'warmPool';
      return {
        value: profile.name,
        title: `${profile.displayName} (${profile.name})`,
        chips: [warm ? 'instant' : 'on demand'],
        details: [
          ...(profile.description ? [profile.description] : []),
          describeQuantities(profileResourceTotals(profile)),
          ...profile.resources.flatMap(
            group => describeGpus(group, profile.partitioning) ?? [],
          ),
          warm
            ? `Instant from a warm pool of ${allocation.desiredCapacity} (${allocation.timezone})`
            : 'Provisioned on demand when the tenant is created',
        ],
      };
    });
}

/** The first paragraph of a text whose lines YAML wrapped, as one line. */
function firstParagraph(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)[0]
    .replace(/\s*\n\s*/g, ' ');
}

/**
 * The template versions shared with the owner's lineage, newest first per
 * template: published ones to choose, deprecated ones marked and not
 * choosable, drafts and retired ones absent.
 */
export function templateVersionChoices(
  versions: TemplateVersion[],
  ownerLineage: string[] | undefined,
): Choice[] {
  return versions
    .filter(
      version =>
        (version.state === 'published' || version.state === 'deprecated') &&
        (!ownerLineage ||
          isSharedWith(version.sharedWith, ownerLineage, NO_MORE_ANCESTORS)),
    )
    .reverse()
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(version => {
      const deprecated = version.state === 'deprecated';
      const changes = firstParagraph(version.changelog);
      return {
        value: templateVersionRef(version.name, version.version),
        title: templateVersionRef(version.name, version.version),
        chips: deprecated ? ['deprecated'] : [],
        disabled: deprecated,
        details: [
          `KubeRay ${version.kuberayVersion} · Ray ${
            version.rayVersion
          } · isolation: ${version.isolationModes.join(' or ')}`,
          ...(changes ? [changes] : []),
          ...(deprecated
            ? [
                'Deprecated: tenants running it keep it; new tenants cannot use it',
              ]
            : []),
        ],
      };
    });
}

/**
 * Tenants to put a workload in: those the user may create workloads in,
 * choosable once Ready.
 */
export function tenantChoices(
  tenants: Tenant[],
  mayCreateIn: (tenant: Tenant) => boolean,
): Choice[] {
  return tenants.filter(mayCreateIn).map(tenant => {
    const ready = tenant.phase === 'Ready';
    return {
      value: tenant.name,
      title: tenant.name,
      chips: ready ? [] : [tenant.phase],
      disabled: !ready,
      details: [
        `Owned by ${tenant.owner.replace(/^group:default\//, '')} · profile ${
          tenant.profile
        } · ${tenant.templateVersion}`,
        ...(ready ? [] : [`Not Ready yet (${tenant.phase})`]),
      ],
    };
  });
}
