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

import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HostClusterAuthType } from '@ray-service/plugin-ray-service-common';

/** A host cluster as declared in app-config, credentials included. */
export interface HostClusterConfig {
  name: string;
  title: string;
  url?: string;
  caData?: string;
  skipTLSVerify: boolean;
  auth:
    | { type: 'serviceAccountToken'; token: string }
    | { type: 'kubeconfig'; kubeconfigPath: string; context?: string }
    | { type: 'inCluster' };
}

export interface RayServiceConfig {
  hostClusters: HostClusterConfig[];
  kubernetesSupport: { minVersion: string; maxVersion: string };
  reachabilityTimeoutMs: number;
  /** Content imported at startup when absent; paths as configured. */
  bootstrap: { templateVersionsDir?: string; profilesFile?: string };
}

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function readHostCluster(config: Config): HostClusterConfig {
  const name = config.getString('name');
  if (!DNS_1123_LABEL.test(name) || name.length > 63) {
    throw new InputError(
      `rayService.hostClusters: name "${name}" must be a DNS-1123 label`,
    );
  }
  const authConfig = config.getConfig('auth');
  const type = authConfig.getString('type') as HostClusterAuthType;
  const url = config.getOptionalString('url');
  let auth: HostClusterConfig['auth'];
  switch (type) {
    case 'serviceAccountToken':
      if (!url) {
        throw new InputError(
          `rayService.hostClusters[${name}]: url is required with auth type serviceAccountToken`,
        );
      }
      auth = { type, token: authConfig.getString('token') };
      break;
    case 'kubeconfig':
      auth = {
        type,
        kubeconfigPath: authConfig.getString('kubeconfigPath'),
        context: authConfig.getOptionalString('context'),
      };
      break;
    case 'inCluster':
      auth = { type };
      break;
    default:
      throw new InputError(
        `rayService.hostClusters[${name}]: unknown auth type "${type}"`,
      );
  }
  return {
    name,
    title: config.getOptionalString('title') ?? name,
    url,
    caData: config.getOptionalString('caData'),
    skipTLSVerify: config.getOptionalBoolean('skipTLSVerify') ?? false,
    auth,
  };
}

/** Reads and checks `rayService.*`; see config.d.ts for the documentation. */
export function readRayServiceConfig(config: Config): RayServiceConfig {
  const hostClusters = (
    config.getOptionalConfigArray('rayService.hostClusters') ?? []
  ).map(readHostCluster);
  const seen = new Set<string>();
  for (const cluster of hostClusters) {
    if (seen.has(cluster.name)) {
      throw new InputError(
        `rayService.hostClusters: duplicate name "${cluster.name}"`,
      );
    }
    seen.add(cluster.name);
  }
  return {
    hostClusters,
    kubernetesSupport: {
      minVersion:
        config.getOptionalString('rayService.kubernetesSupport.minVersion') ??
        '1.29',
      maxVersion:
        config.getOptionalString('rayService.kubernetesSupport.maxVersion') ??
        '1.34',
    },
    reachabilityTimeoutMs:
      config.getOptionalNumber('rayService.reachabilityTimeoutMs') ?? 5000,
    bootstrap: {
      templateVersionsDir: config.getOptionalString(
        'rayService.bootstrap.templateVersionsDir',
      ),
      profilesFile: config.getOptionalString(
        'rayService.bootstrap.profilesFile',
      ),
    },
  };
}
