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

import { Fetched, fetched } from '../lib/fetched';
import { ObjectClient, ObservedObject } from '../kubernetes/ObjectClient';
import { ClusterUnreachableError } from '../kubernetes/requestErrors';
import {
  defaultVClusterConnector,
  readVClusterKubeconfig,
  VClusterConnector,
} from '../kubernetes/vclusterConnection';
import { tenantNamespace } from '../vocabulary';
import { syncedOperatorPodSelector } from './vclusterPods';

export type { VClusterConnector };
export { defaultVClusterConnector };

/**
 * The `kuberay-operator` Deployments inside a vcluster, in any namespace.
 * The credential goes to the connector and nowhere else.
 */
async function listVClusterOperators(
  kubeconfig: string,
  connect: VClusterConnector,
): Promise<ObservedObject[]> {
  const vcluster = connect(kubeconfig);
  try {
    return await vcluster.list('apps/v1', 'Deployment', {
      fieldSelector: 'metadata.name=kuberay-operator',
    });
  } finally {
    await vcluster.close();
  }
}

/**
 * The host pods vcluster's syncer made for the pods in the operator's
 * namespace inside the tenant's vcluster: one LIST in the tenant namespace.
 */
function listSyncedOperatorPods(
  host: ObjectClient,
  tenant: string,
): Promise<ObservedObject[]> {
  return host.list('v1', 'Pod', {
    namespace: tenantNamespace(tenant),
    labelSelector: syncedOperatorPodSelector(tenant),
  });
}

export interface VClusterOperatorProbe {
  /** The `kuberay-operator` Deployments inside the vcluster, or why not. */
  operators: Fetched<ObservedObject[]>;
  /**
   * Only when the vcluster API gave no answer (connection failed or timed
   * out): the operator's pods as synced to the host, or why not.
   */
  hostPods?: Fetched<ObservedObject[]>;
}

/**
 * Reads the KubeRay operator of a tenant's vcluster: its Deployment inside
 * the vcluster, through the kubeconfig the vcluster exports. When the
 * vcluster API cannot be reached from here (the default server is a
 * cluster-internal Service name), falls back to one LIST of the pods that
 * vcluster's syncer put on the host. An answer of the vcluster API (401,
 * 403, 5xx), a missing kubeconfig Secret or a failing connector do not fall
 * back: they are reported as they are.
 */
export async function probeVClusterOperator(
  host: ObjectClient,
  tenant: string,
  connect: VClusterConnector,
): Promise<VClusterOperatorProbe> {
  const kubeconfig = await fetched(() => readVClusterKubeconfig(host, tenant));
  if ('error' in kubeconfig) {
    return { operators: kubeconfig };
  }
  try {
    return {
      operators: {
        value: await listVClusterOperators(kubeconfig.value, connect),
      },
    };
  } catch (error) {
    const operators = {
      error: error instanceof Error ? error.message : String(error),
    };
    if (!(error instanceof ClusterUnreachableError)) {
      return { operators };
    }
    return {
      operators,
      hostPods: await fetched(() => listSyncedOperatorPods(host, tenant)),
    };
  }
}
