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

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  HostCluster,
  HostClusterReachability,
} from '@ray-service/plugin-ray-service-common';
import { HostClusterClients } from '../kubernetes/HostClusterClients';
import { describeKubernetesError } from '../kubernetes/errors';
import { serverOf } from '../kubernetes/kubeConfig';

/** Host clusters as the portal shows them: config facts plus live reachability. */
export class HostClusterService {
  constructor(
    private readonly clients: HostClusterClients,
    private readonly logger: LoggerService,
  ) {}

  async list(): Promise<HostCluster[]> {
    return Promise.all(
      this.clients.clusters.map(cluster => this.get(cluster.name)),
    );
  }

  async get(name: string): Promise<HostCluster> {
    const cluster = this.clients.config(name);
    return {
      name: cluster.name,
      title: cluster.title,
      url: this.urlOf(name),
      authType: cluster.auth.type,
      reachability: await this.reachability(name),
    };
  }

  private urlOf(name: string): string {
    try {
      return serverOf(this.clients.kubeConfig(name));
    } catch {
      return this.clients.config(name).url ?? '';
    }
  }

  private async reachability(name: string): Promise<HostClusterReachability> {
    const checkedAt = new Date().toISOString();
    try {
      const kubernetesVersion = await this.clients.kubernetesVersion(name);
      return { reachable: true, kubernetesVersion, checkedAt };
    } catch (error) {
      const message = describeKubernetesError(error);
      this.logger.warn(`host cluster ${name} is unreachable: ${message}`);
      return { reachable: false, error: message, checkedAt };
    }
  }
}
