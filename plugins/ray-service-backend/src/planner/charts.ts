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

import type { Addon } from '@ray-service/plugin-ray-service-common';
import type { PlanContext } from './context';
import { mirroredChartRepository } from './registry';

/** A Helm chart: its repository (`https://…` or `oci://…`), name and version. */
export interface ChartRef {
  repository: string;
  name: string;
  version: string;
}

export const VCLUSTER_CHART = {
  repository: 'https://charts.loft.sh',
  name: 'vcluster',
} as const;

export const KUBERAY_OPERATOR_CHART = {
  repository: 'https://ray-project.github.io/kuberay-helm/',
  name: 'kuberay-operator',
} as const;

export function isOciRepository(repository: string): boolean {
  return repository.startsWith('oci://');
}

/** The OCI artifact of a chart in an `oci://` repository. */
export function ociChartUrl(chart: ChartRef): string {
  return `${chart.repository.replace(/\/+$/, '')}/${chart.name}`;
}

/**
 * A chart the planner chooses itself; with a registry override it comes from
 * the mirror, since an air-gapped cluster cannot reach the public repository.
 */
function plannerChart(
  ctx: PlanContext,
  chart: { repository: string; name: string },
  version: string,
): ChartRef {
  return {
    repository: ctx.registry
      ? mirroredChartRepository(ctx.registry)
      : chart.repository,
    name: chart.name,
    version,
  };
}

export function vclusterChart(ctx: PlanContext): ChartRef {
  return plannerChart(ctx, VCLUSTER_CHART, ctx.template.vclusterChartVersion);
}

export function kuberayOperatorChart(ctx: PlanContext): ChartRef {
  return plannerChart(ctx, KUBERAY_OPERATOR_CHART, ctx.template.kuberayVersion);
}

/** Add-on charts come from where the template says, mirror or not. */
export function addonChart(addon: Addon): ChartRef {
  return { ...addon.chart };
}

/** The TCP port a chart repository is reached on (443 unless the URL says). */
export function chartRepositoryPort(repository: string): number {
  const url = new URL(repository.replace(/^oci:/, 'https:'));
  return url.port ? Number(url.port) : 443;
}

export type HelmValues = Record<string, unknown>;

/** One Helm release a tenant needs, wherever and however it gets installed. */
export interface ChartInstall {
  releaseName: string;
  /** The namespace the release installs into. */
  namespace: string;
  chart: ChartRef;
  values: HelmValues;
  /** Leave the chart's `crds/` alone: the admin pre-installs the CRDs. */
  skipCrds: boolean;
  /** How the summary names it, e.g. `KubeRay 1.7.0 operator`. */
  description: string;
}

/** How long one Helm install or upgrade may take. */
export const HELM_TIMEOUT = '10m';
