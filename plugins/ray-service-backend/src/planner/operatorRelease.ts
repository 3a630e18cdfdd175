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

import { ChartInstall, HelmValues, kuberayOperatorChart } from './charts';
import type { PlanContext } from './context';
import { operatorReleaseName } from '../vocabulary';
import { imageRepository, UPSTREAM_IMAGES } from './registry';
import { VOLCANO_SCHEDULER_NAME } from './scheduling';
import { KUBERAY_OPERATOR } from './systemComponents';
import { restrictedContainer, restrictedPod } from './podSecurity';

/** Where the operator goes inside a vcluster. */
export const KUBERAY_NAMESPACE_IN_VCLUSTER = 'kuberay-system';
export const KUBERAY_RELEASE_IN_VCLUSTER = 'kuberay-operator';

function commonValues(ctx: PlanContext): HelmValues {
  return {
    ...(ctx.registry
      ? {
          image: {
            repository: imageRepository(
              UPSTREAM_IMAGES.kuberayOperator,
              ctx.registry,
            ),
          },
        }
      : {}),
    resources: {
      requests: { ...KUBERAY_OPERATOR.resources.requests },
      limits: { ...KUBERAY_OPERATOR.resources.limits },
    },
    // the chart's defaults of 1.7.0 made explicit, for every chart version
    podSecurityContext: restrictedPod(),
    securityContext: restrictedContainer(undefined, {
      readOnlyRootFilesystem: true,
    }),
  };
}

/**
 * Values of the namespace-scoped operator (values of kuberay-operator 1.7):
 * Roles instead of ClusterRoles for the tenant namespace only, and Volcano as
 * batch scheduler so RayClusters get a PodGroup in the tenant's queue.
 * The chart has no switch for its CRDs; the release skips `crds/` instead.
 */
export function namespacedOperatorValues(ctx: PlanContext): HelmValues {
  return {
    ...commonValues(ctx),
    singleNamespaceInstall: true,
    watchNamespace: [ctx.namespace],
    rbacEnable: true,
    crNamespacedRbacEnable: true,
    batchScheduler: { name: VOLCANO_SCHEDULER_NAME },
  };
}

/**
 * Values of the cluster-wide operator inside a vcluster. No batch scheduler:
 * with Volcano, KubeRay would need the PodGroup CRD inside the vcluster and
 * would mark pods with PodGroups the host's Volcano never sees, leaving them
 * pending. Pods reach the tenant's queue through their own scheduler name
 * instead (see scheduling.ts).
 */
export function vclusterOperatorValues(ctx: PlanContext): HelmValues {
  return commonValues(ctx);
}

export function namespacedOperatorRelease(ctx: PlanContext): ChartInstall {
  return {
    releaseName: operatorReleaseName(ctx.tenantName),
    namespace: ctx.namespace,
    chart: kuberayOperatorChart(ctx),
    values: namespacedOperatorValues(ctx),
    skipCrds: true,
    description: `KubeRay ${ctx.template.kuberayVersion} operator (namespace-scoped)`,
  };
}

export function operatorInsideVcluster(ctx: PlanContext): ChartInstall {
  return {
    releaseName: KUBERAY_RELEASE_IN_VCLUSTER,
    namespace: KUBERAY_NAMESPACE_IN_VCLUSTER,
    chart: kuberayOperatorChart(ctx),
    values: vclusterOperatorValues(ctx),
    skipCrds: false,
    description: `KubeRay ${ctx.template.kuberayVersion}`,
  };
}
