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
  TemplateVersion,
  TemplateVersionKey,
  templateVersionRef,
} from '@ray-service/plugin-ray-service-common';
import { HostClusterProbe } from '../hostClusters/HostClusterProbe';
import { Fetched, fetched } from '../lib/fetched';
import type { HostClusterInput, PlanInput } from '../planner';
import { RayServiceStore } from '../store/RayServiceStore';
import { tenantKey } from '../vocabulary';

/** The tenant fields a plan depends on, from a request or a stored tenant. */
export interface PlannedTenant {
  name: string;
  /** Its host namespace, which its objects are named after. */
  namespace: string;
  owner: string;
  isolation: IsolationMode;
  profile: string;
  template: TemplateVersionKey;
}

/** What one tenant's plan needs besides the tenant. */
export interface PlanSources {
  profile?: ComputeProfile;
  templateVersion?: TemplateVersion;
  host: Fetched<HostClusterInput>;
  /** The portal instance (`rayService.instance`) the plan is made for. */
  instance: string;
}

/**
 * The planner's input for a tenant, from its sources (which must hold the
 * profile and version). Pure.
 */
export function planInput(
  tenant: PlannedTenant,
  sources: PlanSources & {
    profile: ComputeProfile;
    templateVersion: TemplateVersion;
    host: { value: HostClusterInput };
  },
): PlanInput {
  return {
    tenant: {
      name: tenantKey(tenant.namespace),
      owner: tenant.owner,
      isolation: tenant.isolation,
    },
    profile: sources.profile,
    templateVersion: sources.templateVersion,
    hostCluster: sources.host.value,
    instance: sources.instance,
  };
}

const refOf = (key: TemplateVersionKey) =>
  templateVersionRef(key.name, key.version);

/**
 * Gathers what plans need, for creating one tenant and for a reconcile pass
 * over all tenants of a host cluster alike: the host as the planner sees it
 * (from a recent preflight), and the tenants' profiles and template
 * versions, each kind in one query.
 */
export class PlanInputs {
  constructor(
    private readonly deps: {
      store: RayServiceStore;
      hostClusters: HostClusterProbe;
      /** This portal's instance (`rayService.instance`). */
      instance: string;
    },
  ) {}

  /** The sources of each tenant's plan on `hostCluster`, by tenant name. */
  async gather(
    hostCluster: string,
    tenants: PlannedTenant[],
  ): Promise<Map<string, PlanSources>> {
    const { store, hostClusters, instance } = this.deps;
    const [host, profiles, versions] = await Promise.all([
      fetched(() => hostClusters.plannerInput(hostCluster)),
      store.profiles.getMany([...new Set(tenants.map(t => t.profile))]),
      store.templateVersions.getMany([
        ...new Map(tenants.map(t => [refOf(t.template), t.template])).values(),
      ]),
    ]);
    const profileByName = new Map(profiles.map(p => [p.name, p]));
    const versionByRef = new Map(versions.map(v => [refOf(v), v]));
    return new Map(
      tenants.map(tenant => [
        tenant.name,
        {
          host,
          instance,
          profile: profileByName.get(tenant.profile),
          templateVersion: versionByRef.get(refOf(tenant.template)),
        },
      ]),
    );
  }
}
