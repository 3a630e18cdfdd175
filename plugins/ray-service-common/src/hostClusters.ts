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

import { HostClusterFacts } from './hostClusterFacts';

/** How the backend reached (or failed to reach) a host cluster's API server. */
export type HostClusterReachability =
  | {
      reachable: true;
      /** Kubernetes version reported by `/version`, e.g. `v1.31.4`. */
      kubernetesVersion: string;
      checkedAt: string;
    }
  | {
      reachable: false;
      /** Why the cluster could not be reached; never contains a credential. */
      error: string;
      checkedAt: string;
    };

/**
 * A host cluster as the REST API shows it. Credentials stay in app-config and
 * never appear here.
 */
export interface HostCluster {
  name: string;
  title: string;
  /** API server URL. */
  url: string;
  /** How the backend authenticates, without the secret itself. */
  authType: HostClusterAuthType;
  reachability: HostClusterReachability;
  /** What admins recorded about the cluster; absent until they do. */
  facts?: HostClusterFacts;
  /** The reported Kubernetes version against the support matrix. */
  versionSupport?: HostClusterVersionSupport;
}

/** Whether a cluster's Kubernetes version is in the supported range. */
export interface HostClusterVersionSupport {
  supported: boolean;
  /** The supported range as shown to admins, e.g. `1.29–1.33`. */
  range: string;
  reason?: string;
}

export type HostClusterAuthType =
  | 'serviceAccountToken'
  | 'kubeconfig'
  | 'inCluster';

/** The shape every list endpoint answers with. */
export interface ListResponse<T> {
  items: T[];
  /** Opaque cursor of the next page; absent on the last page. */
  nextCursor?: string;
  totalCount?: number;
}
