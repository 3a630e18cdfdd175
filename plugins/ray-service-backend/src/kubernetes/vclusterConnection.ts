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
import { tenantNamespace, vclusterKubeconfigSecretName } from '../vocabulary';
import { ObjectClient } from './ObjectClient';

/** Makes a client for a vcluster from the kubeconfig its Secret holds. */
export type VClusterConnector = (kubeconfig: string) => ObjectClient;

/**
 * Uses the kubeconfig as the vcluster exports it. Its server is the
 * vcluster's Service (`https://<release>.<namespace>.svc`), which a backend
 * running inside the host cluster reaches; elsewhere, pass a connector that
 * rewrites the server, or rely on the operator's pods on the host (see
 * {@link probeVClusterOperator}).
 */
export function defaultVClusterConnector(timeoutMs: number): VClusterConnector {
  return kubeconfig => {
    const kc = new KubeConfig();
    kc.loadFromString(kubeconfig);
    return ObjectClient.fromKubeConfig(kc, { timeoutMs });
  };
}

/**
 * The kubeconfig the vcluster writes into the tenant namespace (Secret
 * `vc-<release>`, key `config`).
 */
export async function readVClusterKubeconfig(
  host: ObjectClient,
  tenant: string,
): Promise<string> {
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
  return Buffer.from(encoded, 'base64').toString('utf8');
}
