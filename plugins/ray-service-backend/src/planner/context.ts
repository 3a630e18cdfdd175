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

import { InputError } from '@backstage/errors';
import type {
  ComputeProfile,
  IsolationMode,
  TemplateVersion,
} from '@ray-service/plugin-ray-service-common';
import {
  isInstanceName,
  MAX_INSTANCE_LENGTH,
  tenantLabels,
  tenantNamespace,
} from '../vocabulary';
import type { HostClusterInput, PlanInput, PlannedObject } from './types';
import type { DeliveryController, VclusterApiExposure } from '../vocabulary';

/** The host cluster with every default applied. */
export interface ResolvedHostCluster {
  name: string;
  deliveryController: DeliveryController;
  ingressClassName: string;
  ingressControllerNamespace: string;
  clusterIssuer?: string;
  storageClassName?: string;
  baseDomain?: string;
  fluxNamespace: string;
  helmChartNamespace: string;
  apiServerCidrs: string[];
  vclusterApiExposure: VclusterApiExposure;
}

export const HOST_CLUSTER_DEFAULTS = {
  ingressClassName: 'nginx',
  ingressControllerNamespace: 'ingress-nginx',
  fluxNamespace: 'flux-system',
  helmChartNamespace: 'kube-system',
  vclusterApiExposure: 'clusterDns',
} as const;

/** Everything the object builders share, derived once from the input. */
export interface PlanContext {
  tenantName: string;
  namespace: string;
  isolation: IsolationMode;
  owner: string;
  profile: ComputeProfile;
  template: TemplateVersion;
  host: ResolvedHostCluster;
  /** Labels every object carries, the portal instance's among them. */
  labels: Record<string, string>;
  /** The image registry override of air-gapped clusters, if any. */
  registry?: string;
}

function resolveHostCluster(host: HostClusterInput): ResolvedHostCluster {
  return {
    ...host,
    ingressClassName:
      host.ingressClassName ?? HOST_CLUSTER_DEFAULTS.ingressClassName,
    ingressControllerNamespace:
      host.ingressControllerNamespace ??
      HOST_CLUSTER_DEFAULTS.ingressControllerNamespace,
    fluxNamespace: host.fluxNamespace ?? HOST_CLUSTER_DEFAULTS.fluxNamespace,
    helmChartNamespace:
      host.helmChartNamespace ?? HOST_CLUSTER_DEFAULTS.helmChartNamespace,
    apiServerCidrs: [...(host.apiServerCidrs ?? [])].sort(),
    vclusterApiExposure:
      host.vclusterApiExposure ?? HOST_CLUSTER_DEFAULTS.vclusterApiExposure,
  };
}

/**
 * Validates the input and derives the shared context.
 *
 * @throws InputError for an invalid tenant name, owner or instance, an
 * isolation mode the template version does not offer, or a vcluster tenant
 * on a host cluster exposing vcluster APIs through its ingress without a
 * base domain.
 */
export function planContext(input: PlanInput): PlanContext {
  const { tenant, templateVersion, instance } = input;
  if (!isInstanceName(instance)) {
    throw new InputError(
      `invalid instance "${instance}": expected a DNS-1123 label (lowercase letters, digits and "-") of at most ${MAX_INSTANCE_LENGTH} characters`,
    );
  }
  if (!templateVersion.isolationModes.includes(tenant.isolation)) {
    throw new InputError(
      `template ${templateVersion.name}@${
        templateVersion.version
      } does not offer isolation "${
        tenant.isolation
      }"; it offers ${templateVersion.isolationModes.join(', ')}`,
    );
  }
  const { hostCluster } = input;
  if (
    tenant.isolation === 'vcluster' &&
    hostCluster.vclusterApiExposure === 'ingress' &&
    !hostCluster.baseDomain
  ) {
    throw new InputError(
      `host cluster ${hostCluster.name} exposes vcluster APIs through its ingress (vclusterApiExposure: ingress) but has no baseDomain`,
    );
  }
  return {
    tenantName: tenant.name,
    namespace: tenantNamespace(tenant.name),
    isolation: tenant.isolation,
    owner: tenant.owner,
    profile: input.profile,
    template: templateVersion,
    host: resolveHostCluster(input.hostCluster),
    labels: tenantLabels({
      instance,
      tenant: tenant.name,
      owner: tenant.owner,
      templateVersion,
    }),
    registry: templateVersion.security.imageRegistry,
  };
}

/** The metadata of a planned object: its name, namespace and the tenant labels. */
export function objectMeta(
  ctx: PlanContext,
  name: string,
  namespace?: string,
): PlannedObject['metadata'] {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    labels: { ...ctx.labels },
  };
}
