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

import { NotAllowedError } from '@backstage/errors';
import { Fetched, fetched } from '../lib/fetched';
import type { ObjectClient, ObservedObject } from '../kubernetes/ObjectClient';
import { HOST_READS, tenantNamespace } from '../vocabulary';
import type { PlannedObject } from '../planner/types';
import { isTerminating } from './objects';
import {
  fluxReleaseReadiness,
  helmChartReadiness,
  installJobName,
  Readiness,
} from './readiness';
import { conditionTypeOf, isRelease, isVClusterPlan } from './roles';
import { probeVClusterOperator, VClusterConnector } from './vcluster';
import type { DesiredTenant } from './types';

/**
 * Reads beyond the lists, made only for tenants that are not Ready yet or
 * whose generation changed: a Ready tenant costs no extra request.
 */
export interface TenantProbes {
  /** The install Jobs of the tenant's HelmCharts, by HelmChart name. */
  installJobs: Map<string, Fetched<ObservedObject | undefined>>;
  /** Namespace isolation: the operator Deployment in the tenant namespace. */
  operatorDeployment?: Fetched<ObservedObject | undefined>;
  /** vcluster isolation: `kuberay-operator` Deployments inside the vcluster. */
  vclusterOperators?: Fetched<ObservedObject[]>;
  /**
   * vcluster isolation, only when the vcluster API could not be reached (no
   * answer at all): the host pods vcluster's syncer made for the pods of the
   * operator's namespace inside the vcluster (not yet filtered).
   */
  hostOperatorPods?: Fetched<ObservedObject[]>;
}

export const noProbes = (): TenantProbes => ({ installJobs: new Map() });

export function needsProbes(tenant: DesiredTenant): boolean {
  return (
    !tenant.deleting &&
    tenant.plan !== undefined &&
    (tenant.status?.phase !== 'Ready' ||
      tenant.status.observedGeneration !== tenant.generation)
  );
}

/** A release's readiness with what was probed; undefined when unknown. */
export function releaseReadiness(
  release: ObservedObject,
  installJobs: TenantProbes['installJobs'],
): Readiness | undefined {
  if (release.kind !== 'HelmChart') {
    return fluxReleaseReadiness(release);
  }
  const job = installJobs.get(release.metadata.name);
  if (job && 'error' in job) {
    return { status: 'Unknown', reason: 'ProbeFailed', message: job.error };
  }
  return helmChartReadiness(release, job ? job.value : 'notRead');
}

export interface ProbeContext {
  client: ObjectClient;
  connectVCluster: VClusterConnector;
}

export async function probeTenant(
  ctx: ProbeContext,
  tenant: string,
  plan: PlannedObject[],
  observed: ObservedObject[],
): Promise<TenantProbes> {
  const { client } = ctx;
  const probes = noProbes();
  const releases = observed.filter(o => isRelease(o) && !isTerminating(o));
  for (const chart of releases.filter(r => r.kind === 'HelmChart')) {
    probes.installJobs.set(
      chart.metadata.name,
      await fetched(() =>
        client.get(
          HOST_READS.installJobs.apiVersion,
          HOST_READS.installJobs.kind,
          chart.metadata.namespace,
          installJobName(chart),
        ),
      ),
    );
  }
  const released = (type: 'ControlPlaneReady' | 'OperatorReady') =>
    releases.some(
      release =>
        conditionTypeOf(tenant, release) === type &&
        releaseReadiness(release, probes.installJobs)?.status === 'True',
    );
  if (isVClusterPlan(tenant, plan)) {
    if (released('ControlPlaneReady')) {
      const operator = await probeVClusterOperator(
        client,
        tenant,
        ctx.connectVCluster,
      );
      probes.vclusterOperators = operator.operators;
      if (operator.hostPods) {
        probes.hostOperatorPods = operator.hostPods;
      }
    }
  } else if (released('OperatorReady')) {
    try {
      probes.operatorDeployment = {
        value: await client.get(
          HOST_READS.operatorDeployment.apiVersion,
          HOST_READS.operatorDeployment.kind,
          tenantNamespace(tenant),
          'kuberay-operator',
        ),
      };
    } catch (error) {
      // Without read access to Deployments the release's word is enough.
      if (!(error instanceof NotAllowedError)) {
        probes.operatorDeployment = { error: (error as Error).message };
      }
    }
  }
  return probes;
}
