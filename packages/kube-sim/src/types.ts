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

import type { FaultInjector, RequestStats } from './faults';
import type { KubeObject } from './util';

export interface ControllerOptions {
  /** Run the simulated controllers (default true). */
  enabled?: boolean;
  /** How long a release, RayCluster, ... takes to become ready (default 1500 ms). */
  readyDelayMs?: number;
  /** How long a deleted namespace stays Terminating (default 500 ms). */
  namespaceFinalizeDelayMs?: number;
}

/**
 * How long the simulated Ray heads take, in milliseconds of their own clock (see
 * `KubeSim.ray.advance`).
 */
export interface RaySimOptions {
  /** A submitted job stays PENDING this long (runtime env set-up); default 500. */
  jobPendingMs?: number;
  /** A job runs this long before it succeeds or fails; default 2000. */
  jobRunningMs?: number;
  /** A stopped job becomes STOPPED this long after the stop request; default 200. */
  jobStopMs?: number;
  /** Serve applications are DEPLOYING this long after a config PUT; default 1000. */
  serveDeployMs?: number;
}

/** The simulated Ray heads' clock, for tests. */
export interface RaySimControl {
  /**
   * Moves the simulated Ray clock forward: jobs and Serve applications whose next step falls
   * within `ms` take it at once, in order (then the controllers see the change).
   */
  advance(ms: number): void;
  /** Milliseconds since the epoch on the simulated Ray clock (the jobs' times). */
  now(): number;
}

export interface KubeSimOptions {
  /** Port to listen on; default 0 = ephemeral. */
  port?: number;
  /** Address to listen on; default '127.0.0.1'. */
  host?: string;
  /** If set, every request needs `Authorization: Bearer <token>`, else 401. */
  token?: string;
  /** Reported by /version; default 'v1.31.4'. */
  kubernetesVersion?: string;
  /** Default 'empty' (built-in resources only, no CRDs, no nodes). */
  seed?: 'empty' | 'well-equipped';
  /** Where the upstream CRD YAMLs are; default ../shared/conformance found from the cwd, else minimal CRDs. */
  crdDir?: string;
  /** Helm delivery controller of the well-equipped seed: Flux (default) or k3s/RKE2's HelmChart. */
  seedDeliveryController?: 'flux' | 'k3s';
  controllers?: ControllerOptions;
  /** Timings of the simulated Ray heads. */
  ray?: RaySimOptions;
  watch?: WatchOptions;
  /**
   * A real Ray head to stand in front of (default: env `KUBE_SIM_RAY_DASHBOARD_URL` and
   * `KUBE_SIM_RAY_DASHBOARD_TOKEN`): the dashboard port of every Ray head Service proxies to
   * it, KubeRay's simulated controllers submit jobs and Serve configs to it, and every auth
   * Secret kube-sim's KubeRay creates holds `token` (the head's own), so that a client that
   * reads a RayCluster's Secret sends the right token.
   */
  rayDashboard?: RayDashboardOptions;
}

export interface WatchOptions {
  /** How often a watch with `allowWatchBookmarks=true` gets a BOOKMARK; default 60000 (as kube-apiserver: about a minute). */
  bookmarkIntervalMs?: number;
  /** How many changes (per cluster) a watch can resume from; older resourceVersions get 410 Expired. Default 10000. */
  historySize?: number;
}

/** The open watch connections (host and vclusters), for tests. */
export interface WatchControl {
  /** How many watches are open. */
  count(): number;
  /** Drops every watch connection, as a network failure would (clients see an error). */
  disconnectAll(): void;
}

export interface RayDashboardOptions {
  /** e.g. `http://127.0.0.1:8265` */
  url: string;
  /** The head's RAY_AUTH_TOKEN, when it runs with token auth. */
  token?: string;
  /** How often KubeRay's simulated controllers poll the head for job and Serve status; default 1000. */
  pollMs?: number;
}

export interface ListFilter {
  namespace?: string;
  /** A selector string (`a=b,c in (x)`) or a map of required labels. */
  labelSelector?: string | Record<string, string>;
}

/** Direct access to a sim's objects for tests (no validation, no admission, no faults). */
export interface ObjectStoreView {
  get(apiVersion: string, kind: string, name: string): KubeObject | undefined;
  get(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined;
  list(apiVersion: string, kind: string, filter?: ListFilter): KubeObject[];
  /** Create-or-replace; bumps resourceVersion; controllers see the write. */
  put(obj: KubeObject): KubeObject;
  delete(apiVersion: string, kind: string, name: string): boolean;
  delete(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ): boolean;
}

/** A running simulated vcluster. */
export interface VClusterInfo {
  namespace: string;
  name: string;
  url: string;
  token: string;
  kubeconfig(): string;
  objects: ObjectStoreView;
}

export interface KubeSim {
  /** e.g. https://127.0.0.1:41234 */
  url: string;
  /** base64 of the CA PEM, as in a kubeconfig's certificate-authority-data. */
  caData: string;
  /** The CA PEM itself. */
  caPem: string;
  token?: string;
  /** A kubeconfig YAML for this sim (server, CA, token). */
  kubeconfig(): string;
  objects: ObjectStoreView;
  faults: FaultInjector;
  stats: RequestStats;
  /** The simulated Ray heads' clock. */
  ray: RaySimControl;
  watches: WatchControl;
  /** Forgets the change history (host and vclusters): a watch from an older resourceVersion gets 410 Expired. */
  compact(): void;
  addNode(node: KubeObject): KubeObject;
  /** The simulated vcluster of a release, if it is up. */
  vcluster(namespace: string, name: string): VClusterInfo | undefined;
  stop(): Promise<void>;
}
