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
  ChartInstall,
  HELM_TIMEOUT,
  isOciRepository,
  ociChartUrl,
} from '../charts';
import { HELM_CHART_API_VERSION } from '../../vocabulary';
import { objectMeta, PlanContext } from '../context';
import type { PlannedObject } from '../types';
import { toYaml } from '../yaml';

/**
 * The RKE2/k3s HelmChart of one release. The helm-controller names the
 * release after the HelmChart and runs it as a Job with a cluster-admin
 * ServiceAccount in the HelmChart's namespace, so HelmCharts live in the
 * system namespace (`kube-system`), never where a tenant can start pods.
 *
 * HelmChart cannot skip a chart's `crds/`; Helm installs them only when they
 * are missing and never changes existing CRDs, so pre-installed CRDs stay as
 * the admin installed them. A failed upgrade is left for an admin to look at
 * (`abort`) instead of the default uninstall-and-reinstall, which would
 * destroy a tenant's vcluster.
 */
function helmChart(ctx: PlanContext, install: ChartInstall): PlannedObject {
  const { chart } = install;
  const source = isOciRepository(chart.repository)
    ? { chart: ociChartUrl(chart) }
    : { repo: chart.repository, chart: chart.name };
  const values = Object.keys(install.values).length
    ? { valuesContent: toYaml(install.values) }
    : {};
  return {
    apiVersion: HELM_CHART_API_VERSION,
    kind: 'HelmChart',
    metadata: objectMeta(ctx, install.releaseName, ctx.host.helmChartNamespace),
    spec: {
      ...source,
      version: chart.version,
      targetNamespace: install.namespace,
      ...values,
      failurePolicy: 'abort',
      timeout: HELM_TIMEOUT,
    },
  };
}

export function helmChartObjects(
  ctx: PlanContext,
  installs: ChartInstall[],
): PlannedObject[] {
  return installs.map(install => helmChart(ctx, install));
}
