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
import { HostClusterConfig } from '../config';

/** Builds the client-node KubeConfig of one host cluster from app-config. */
export function kubeConfigFor(cluster: HostClusterConfig): KubeConfig {
  const kc = new KubeConfig();
  switch (cluster.auth.type) {
    case 'kubeconfig':
      kc.loadFromFile(cluster.auth.kubeconfigPath);
      if (cluster.auth.context) {
        kc.setCurrentContext(cluster.auth.context);
      }
      break;
    case 'inCluster':
      kc.loadFromCluster();
      break;
    case 'serviceAccountToken':
      kc.loadFromOptions({
        clusters: [
          {
            name: cluster.name,
            server: cluster.url!,
            caData: cluster.caData,
            skipTLSVerify: cluster.skipTLSVerify,
          },
        ],
        users: [{ name: 'ray-service', token: cluster.auth.token }],
        contexts: [
          { name: cluster.name, cluster: cluster.name, user: 'ray-service' },
        ],
        currentContext: cluster.name,
      });
      return kc;
    default:
      throw new Error(`unknown auth type`);
  }
  return withOverrides(kc, cluster);
}

/** Lets app-config override the server, CA and TLS settings of a loaded kubeconfig. */
function withOverrides(kc: KubeConfig, cluster: HostClusterConfig) {
  const current = kc.getCurrentCluster();
  if (!current) {
    throw new Error(
      `host cluster ${cluster.name}: the kubeconfig has no current cluster`,
    );
  }
  if (!cluster.url && !cluster.caData && !cluster.skipTLSVerify) {
    return kc;
  }
  const clusters = kc.clusters.map(c =>
    c.name === current.name
      ? {
          ...c,
          server: cluster.url ?? c.server,
          caData: cluster.caData ?? c.caData,
          caFile: cluster.caData ? undefined : c.caFile,
          skipTLSVerify: cluster.skipTLSVerify || c.skipTLSVerify,
        }
      : c,
  );
  const overridden = new KubeConfig();
  overridden.loadFromOptions({
    clusters,
    users: kc.users,
    contexts: kc.contexts,
    currentContext: kc.currentContext,
  });
  return overridden;
}

/** The API server URL a KubeConfig talks to. */
export function serverOf(kc: KubeConfig): string {
  return kc.getCurrentCluster()?.server ?? '';
}
