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
import {
  FLUX_HELM_API_VERSION,
  FLUX_SOURCE_API_VERSION,
} from '../../vocabulary';
import { objectMeta, PlanContext } from '../context';
import type { PlannedObject } from '../types';

const RELEASE_INTERVAL = '10m';
const SOURCE_INTERVAL = '1h';
const REMEDIATION_RETRIES = 3;
/** The layer of a Helm chart in an OCI artifact. */
const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';

/**
 * The source of one release, named like it, in the Flux namespace: an
 * OCIRepository pinned to the chart version for `oci://` charts, else a
 * HelmRepository.
 */
function source(ctx: PlanContext, install: ChartInstall): PlannedObject {
  const metadata = objectMeta(ctx, install.releaseName, ctx.host.fluxNamespace);
  const { chart } = install;
  if (isOciRepository(chart.repository)) {
    return {
      apiVersion: FLUX_SOURCE_API_VERSION,
      kind: 'OCIRepository',
      metadata,
      spec: {
        url: ociChartUrl(chart),
        ref: { tag: chart.version },
        layerSelector: { mediaType: HELM_CHART_LAYER, operation: 'copy' },
        interval: SOURCE_INTERVAL,
      },
    };
  }
  return {
    apiVersion: FLUX_SOURCE_API_VERSION,
    kind: 'HelmRepository',
    metadata,
    spec: { url: chart.repository, interval: SOURCE_INTERVAL },
  };
}

function chartReference(ctx: PlanContext, install: ChartInstall) {
  const ref = {
    name: install.releaseName,
    namespace: ctx.host.fluxNamespace,
  };
  if (isOciRepository(install.chart.repository)) {
    return { chartRef: { kind: 'OCIRepository', ...ref } };
  }
  return {
    chart: {
      spec: {
        chart: install.chart.name,
        version: install.chart.version,
        sourceRef: { kind: 'HelmRepository', ...ref },
        interval: SOURCE_INTERVAL,
      },
    },
  };
}

/**
 * The HelmRelease of one release. It lives in the Flux namespace and targets
 * the tenant namespace, where Helm also keeps its release Secrets. A failed
 * install or upgrade is retried, then rolled back.
 */
function helmRelease(ctx: PlanContext, install: ChartInstall): PlannedObject {
  const crds = install.skipCrds ? { crds: 'Skip' } : {};
  return {
    apiVersion: FLUX_HELM_API_VERSION,
    kind: 'HelmRelease',
    metadata: objectMeta(ctx, install.releaseName, ctx.host.fluxNamespace),
    spec: {
      interval: RELEASE_INTERVAL,
      releaseName: install.releaseName,
      targetNamespace: install.namespace,
      storageNamespace: install.namespace,
      ...chartReference(ctx, install),
      install: { ...crds, remediation: { retries: REMEDIATION_RETRIES } },
      upgrade: {
        ...crds,
        cleanupOnFail: true,
        remediation: {
          retries: REMEDIATION_RETRIES,
          remediateLastFailure: true,
        },
      },
      timeout: HELM_TIMEOUT,
      values: install.values,
    },
  };
}

/** Sources first, so that every HelmRelease finds its source. */
export function fluxObjects(
  ctx: PlanContext,
  installs: ChartInstall[],
): PlannedObject[] {
  return [
    ...installs.map(install => source(ctx, install)),
    ...installs.map(install => helmRelease(ctx, install)),
  ];
}
