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

import { KubeConfig } from '@kubernetes/client-node';
import { NotFoundError } from '@backstage/errors';
import { ObjectClient, ObservedObject } from '../../kubernetes/ObjectClient';
import {
  tenantNamespace,
  vclusterKubeconfigSecretName,
} from '../planner/names';

/** Makes a client for a vcluster from the kubeconfig its Secret holds. */
export type VClusterConnector = (kubeconfig: string) => ObjectClient;

/**
 * Uses the kubeconfig as the vcluster exports it. Its server is the
 * vcluster's Service (`https://<release>.<namespace>.svc`), which a backend
 * running inside the host cluster reaches; elsewhere, pass a connector that
 * rewrites the server (e.g. to the API server's service proxy).
 */
export function defaultVClusterConnector(timeoutMs: number): VClusterConnector {
  return kubeconfig => {
    const kc = new KubeConfig();
    kc.loadFromString(kubeconfig);
    return ObjectClient.fromKubeConfig(kc, { timeoutMs });
  };
}

/**
 * The `kuberay-operator` Deployments inside a tenant's vcluster, in any
 * namespace. Reads the kubeconfig Secret the vcluster writes into the tenant
 * namespace; the credential goes to the connector and nowhere else.
 */
export async function listVClusterOperators(
  host: ObjectClient,
  tenant: string,
  connect: VClusterConnector,
): Promise<ObservedObject[]> {
  const namespace = tenantNamespace(tenant);
  const secretName = vclusterKubeconfigSecretName(tenant);
  const secret = await host.get('v1', 'Secret', namespace, secretName);
  const encoded = (secret as { data?: Record<string, string> } | undefined)
    ?.data?.config;
  if (!encoded) {
    throw new NotFoundError(
      `the vcluster's kubeconfig (Secret ${namespace}/${secretName}, key config) does not exist yet`,
    );
  }
  const vcluster = connect(Buffer.from(encoded, 'base64').toString('utf8'));
  try {
    return await vcluster.list('apps/v1', 'Deployment', {
      fieldSelector: 'metadata.name=kuberay-operator',
    });
  } finally {
    await vcluster.close();
  }
}
