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

import { createHash } from 'node:crypto';
import { IsolationMode } from '@ray-service/plugin-ray-service-common';
import { TtlCache } from '../lib/TtlCache';
import { tenantKey, vclusterReleaseName } from '../vocabulary';
import { HostClusterClients } from './HostClusterClients';
import { ObjectClient } from './ObjectClient';
import {
  defaultVClusterConnector,
  readVClusterKubeconfig,
  VClusterConnector,
} from './vclusterConnection';

/** The namespace inside a tenant's vcluster where its workloads live. */
export const VCLUSTER_WORKLOAD_NAMESPACE = 'default';

/** What locates a tenant's Kubernetes API. */
export interface TenantRef {
  /** The tenant's host namespace: what its objects are named after. */
  namespace: string;
  hostCluster: string;
  isolation: IsolationMode;
}

/** Where a tenant's workloads live, and the host beneath them. */
export interface WorkloadLocation {
  /** The API the workloads are objects of: the host, or the tenant's vcluster. */
  client: ObjectClient;
  namespace: string;
  /** The host cluster's API and the tenant's namespace there. */
  host: ObjectClient;
  hostNamespace: string;
  /** In vcluster isolation, the vcluster's release (what its syncer labels host objects with). */
  vclusterRelease?: string;
}

/** How long the kubeconfig a vcluster exports is reused before it is read again. */
const KUBECONFIG_TTL_MS = 60_000;

/**
 * Finds a tenant's Kubernetes API: the host's, in the tenant namespace, for
 * namespace isolation; the tenant's vcluster, reached with the kubeconfig it
 * exports into the tenant namespace, for vcluster isolation. The
 * kubeconfig is read again after a minute, and a vcluster's client is kept
 * while its kubeconfig stays the same (its connections renew themselves),
 * so a page of the Ray tab costs no TLS handshake per request.
 */
export class TenantClusters {
  private readonly kubeconfigs = new TtlCache<string>(KUBECONFIG_TTL_MS);
  private readonly vclusters = new Map<
    string,
    { fingerprint: string; client: ObjectClient }
  >();
  private readonly connect: VClusterConnector;

  constructor(
    private readonly clients: HostClusterClients,
    options: { timeoutMs: number; connect?: VClusterConnector },
  ) {
    this.connect =
      options.connect ?? defaultVClusterConnector(options.timeoutMs);
  }

  async locate(tenant: TenantRef): Promise<WorkloadLocation> {
    const host = this.clients.objectClient(tenant.hostCluster);
    const hostNamespace = tenant.namespace;
    if (tenant.isolation === 'namespace') {
      return { client: host, namespace: hostNamespace, host, hostNamespace };
    }
    const name = tenantKey(hostNamespace);
    const key = `${tenant.hostCluster}/${name}`;
    const kubeconfig = await this.kubeconfigs.get(key, () =>
      readVClusterKubeconfig(host, name),
    );
    return {
      client: this.vclusterClient(key, kubeconfig),
      namespace: VCLUSTER_WORKLOAD_NAMESPACE,
      host,
      hostNamespace,
      vclusterRelease: vclusterReleaseName(name),
    };
  }

  /** The client of a vcluster, made again when its kubeconfig changed. */
  private vclusterClient(key: string, kubeconfig: string): ObjectClient {
    const fingerprint = createHash('sha256').update(kubeconfig).digest('hex');
    const known = this.vclusters.get(key);
    if (known?.fingerprint === fingerprint) {
      return known.client;
    }
    known?.client.close().catch(() => undefined);
    const client = this.connect(kubeconfig);
    this.vclusters.set(key, { fingerprint, client });
    return client;
  }
}
