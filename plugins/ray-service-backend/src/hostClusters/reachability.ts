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
import { HostClusterReachability } from '@ray-service/plugin-ray-service-common';
import { describeKubernetesError } from '../kubernetes/errors';
import { HostClusterClients } from '../kubernetes/HostClusterClients';
import { TtlCache } from '../lib/TtlCache';

const DEFAULT_REACHABILITY_MAX_AGE_MS = 15_000;

/**
 * Whether the backend reaches a host cluster's API server (`/version`),
 * checked over the object client's kept connection and reused briefly so
 * that list pages stay fast.
 */
export class Reachability {
  private readonly cache: TtlCache<HostClusterReachability>;
  /** The last error logged per cluster: a cluster that stays unreachable is logged once. */
  private readonly logged = new Map<string, string>();

  constructor(
    private readonly clients: HostClusterClients,
    private readonly logger: LoggerService,
    options: { maxAgeMs?: number } = {},
  ) {
    this.cache = new TtlCache(
      options.maxAgeMs ?? DEFAULT_REACHABILITY_MAX_AGE_MS,
    );
  }

  /** The last check of the cluster, if recent, else a new one. */
  of(name: string): Promise<HostClusterReachability> {
    return this.cache.get(name, () => this.check(name));
  }

  private async check(name: string): Promise<HostClusterReachability> {
    const checkedAt = new Date().toISOString();
    try {
      const kubernetesVersion = await this.clients.kubernetesVersion(name);
      if (this.logged.delete(name)) {
        this.logger.info(`host cluster ${name} is reachable again`);
      }
      return { reachable: true, kubernetesVersion, checkedAt };
    } catch (error) {
      const message = describeKubernetesError(error);
      if (this.logged.get(name) !== message) {
        this.logged.set(name, message);
        this.logger.warn(`host cluster ${name} is unreachable: ${message}`);
      }
      return { reachable: false, error: message, checkedAt };
    }
  }
}
