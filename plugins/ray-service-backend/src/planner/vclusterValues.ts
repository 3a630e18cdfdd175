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

import { addonsInsideVcluster } from './addons';
import {
  ChartInstall,
  HELM_TIMEOUT,
  HelmValues,
  isOciRepository,
  ociChartUrl,
  vclusterChart,
} from './charts';
import type { PlanContext } from './context';
import {
  vclusterIngressHost,
  vclusterReleaseName,
  vclusterServiceHost,
} from '../vocabulary';
import { operatorInsideVcluster } from './operatorRelease';
import { PORTAL_SERVICE_ACCOUNT, portalClusterRole } from './portalAccess';
import {
  SystemComponent,
  VCLUSTER_CONTROL_PLANE,
  VCLUSTER_COREDNS,
} from './systemComponents';
import { toYaml } from './yaml';
import {
  podSecurityLevel,
  restrictedContainer,
  restrictedPod,
  VCLUSTER_USER,
} from './podSecurity';

/** CoreDNS inside the vcluster listens on 1053 and runs as any non-root user. */
const COREDNS_USER = { uid: 1001, gid: 1001 } as const;

/** The port of the vcluster API service; its pods listen on 8443. */
export const VCLUSTER_SERVICE_PORT = 443;
export const VCLUSTER_CONTAINER_PORT = 8443;

/**
 * ingress-nginx hands the TLS connection to the vcluster untouched (the
 * controller must run with `--enable-ssl-passthrough`): the vcluster
 * authenticates the kubeconfig's token itself.
 */
export const SSL_PASSTHROUGH_ANNOTATIONS: Readonly<Record<string, string>> = {
  'nginx.ingress.kubernetes.io/ssl-passthrough': 'true',
  'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS',
};

/**
 * The host name of the vcluster's API on the host's ingress controller, when
 * the host cluster exposes vcluster APIs that way (`vclusterApiExposure:
 * ingress`); else undefined.
 */
export function vclusterApiIngressHost(ctx: PlanContext): string | undefined {
  const { host } = ctx;
  if (
    ctx.isolation !== 'vcluster' ||
    host.vclusterApiExposure !== 'ingress' ||
    !host.baseDomain
  ) {
    return undefined;
  }
  return vclusterIngressHost(ctx.tenantName, host.baseDomain);
}

/** Where the exported kubeconfig points: the ingress host or the service. */
function exportedServer(ctx: PlanContext): string {
  const ingressHost = vclusterApiIngressHost(ctx);
  return ingressHost
    ? `https://${ingressHost}`
    : `https://${vclusterServiceHost(ctx.tenantName)}:${VCLUSTER_SERVICE_PORT}`;
}

/**
 * `vclusterApiExposure: ingress`: an Ingress for the vcluster API (created by
 * the chart in the tenant namespace) with SSL passthrough, and the host name
 * in the API certificate.
 */
function apiIngressValues(ctx: PlanContext): HelmValues {
  const ingressHost = vclusterApiIngressHost(ctx);
  if (!ingressHost) {
    return {};
  }
  return {
    ingress: {
      enabled: true,
      host: ingressHost,
      spec: { ingressClassName: ctx.host.ingressClassName },
      annotations: { ...SSL_PASSTHROUGH_ANNOTATIONS },
    },
    proxy: { extraSANs: [ingressHost] },
  };
}

/** Labels of the vcluster control plane pods (the chart's selector). */
export function vclusterControlPlaneLabels(
  tenantName: string,
): Record<string, string> {
  return { app: 'vcluster', release: vclusterReleaseName(tenantName) };
}

/** An entry of `experimental.deploy.vcluster.helm` (vcluster 0.36 schema). */
export interface VclusterHelmDeploy {
  chart: { name: string; repo?: string; version: string };
  release: { name: string; namespace: string };
  values?: string;
  timeout: string;
}

function helmDeploy(install: ChartInstall): VclusterHelmDeploy {
  const { chart } = install;
  const values = Object.keys(install.values).length
    ? { values: toYaml(install.values) }
    : {};
  return {
    chart: isOciRepository(chart.repository)
      ? { name: ociChartUrl(chart), version: chart.version }
      : { name: chart.name, repo: chart.repository, version: chart.version },
    release: { name: install.releaseName, namespace: install.namespace },
    ...values,
    timeout: HELM_TIMEOUT,
  };
}

function resourcesOf(component: SystemComponent) {
  return {
    requests: { ...component.resources.requests },
    limits: { ...component.resources.limits },
  };
}

/** The charts a vcluster installs into itself: KubeRay, then the add-ons. */
export function chartsInsideVcluster(ctx: PlanContext): ChartInstall[] {
  return [operatorInsideVcluster(ctx), ...addonsInsideVcluster(ctx)];
}

/**
 * Values of the vcluster chart (checked against vcluster 0.36's
 * values.schema.json). The host namespace already has the quota, limits and
 * network policies, so vcluster's own policies stay off; only OSS features
 * are used (sync patches and custom-resource sync need a vCluster license).
 */
export function vclusterValues(ctx: PlanContext): HelmValues {
  const { host, registry } = ctx;
  const volumeClaim = VCLUSTER_CONTROL_PLANE.volumeClaims!;
  return {
    controlPlane: {
      ...(registry ? { advanced: { defaultImageRegistry: registry } } : {}),
      distro: {
        k8s: { securityContext: restrictedContainer(VCLUSTER_USER) },
      },
      statefulSet: {
        resources: resourcesOf(VCLUSTER_CONTROL_PLANE),
        security: {
          podSecurityContext: restrictedPod(VCLUSTER_USER),
          containerSecurityContext: restrictedContainer(VCLUSTER_USER),
        },
        persistence: {
          volumeClaim: {
            size: volumeClaim.size,
            ...(host.storageClassName
              ? { storageClass: host.storageClassName }
              : {}),
          },
        },
      },
      coredns: {
        deployment: { resources: resourcesOf(VCLUSTER_COREDNS) },
        security: {
          podSecurityContext: restrictedPod(),
          containerSecurityContext: restrictedContainer(COREDNS_USER, {
            readOnlyRootFilesystem: true,
          }),
        },
      },
      ...apiIngressValues(ctx),
    },
    sync: {
      toHost: {
        ingresses: { enabled: true },
        networkPolicies: { enabled: true },
      },
      fromHost: {
        ingressClasses: { enabled: true },
      },
    },
    policies: {
      podSecurityStandard: podSecurityLevel(ctx.template),
      resourceQuota: { enabled: false },
      limitRange: { enabled: false },
      networkPolicy: { enabled: false },
    },
    exportKubeConfig: {
      server: exportedServer(ctx),
      serviceAccount: { ...PORTAL_SERVICE_ACCOUNT },
    },
    experimental: {
      deploy: {
        vcluster: {
          manifests: toYaml(portalClusterRole(ctx.labels)),
          helm: chartsInsideVcluster(ctx).map(helmDeploy),
        },
      },
    },
    telemetry: { enabled: false },
  };
}

export function vclusterRelease(ctx: PlanContext): ChartInstall {
  return {
    releaseName: vclusterReleaseName(ctx.tenantName),
    namespace: ctx.namespace,
    chart: vclusterChart(ctx),
    values: vclusterValues(ctx),
    skipCrds: false,
    description: `vcluster ${ctx.template.vclusterChartVersion}`,
  };
}
