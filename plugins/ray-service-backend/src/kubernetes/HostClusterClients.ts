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
import { HostClusterConfig } from '../config';
import { kubeConfigFor } from './kubeConfig';
import { ObjectClient } from './ObjectClient';

/**
 * One client-node KubeConfig per configured host cluster. The only place the
 * backend turns credentials from app-config into Kubernetes clients.
 */
export class HostClusterClients {
  private readonly kubeConfigs = new Map<string, KubeConfig>();
  private readonly objectClients = new Map<string, ObjectClient>();

  constructor(
    readonly clusters: HostClusterConfig[],
    private readonly timeoutMs: number,
  ) {}

  config(name: string): HostClusterConfig {
    const cluster = this.clusters.find(c => c.name === name);
    if (!cluster) {
      throw new NotFoundError(`host cluster "${name}" is not configured`);
    }
    return cluster;
  }

  kubeConfig(name: string): KubeConfig {
    let kc = this.kubeConfigs.get(name);
    if (!kc) {
      kc = kubeConfigFor(this.config(name));
      this.kubeConfigs.set(name, kc);
    }
    return kc;
  }

  /** The object client of a cluster (one per cluster, so its stats add up). */
  objectClient(name: string): ObjectClient {
    let client = this.objectClients.get(name);
    if (!client) {
      client = ObjectClient.fromKubeConfig(this.kubeConfig(name), {
        timeoutMs: this.timeoutMs,
      });
      this.objectClients.set(name, client);
    }
    return client;
  }

  /** The API server's `gitVersion`, e.g. `v1.31.4`, over the kept connection. */
  async kubernetesVersion(name: string): Promise<string> {
    return this.objectClient(name).kubernetesVersion();
  }
}
