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
import {
  DEFAULT_INSTANCE,
  isInstanceName,
  MAX_INSTANCE_LENGTH,
  VCLUSTER_API_EXPOSURES,
  VclusterApiExposure,
} from './vocabulary';

/** A host cluster as declared in app-config, credentials included. */
export interface HostClusterConfig {
  name: string;
  title: string;
  url?: string;
  caData?: string;
  skipTLSVerify: boolean;
  /** cert-manager ClusterIssuer of tenant TLS certificates, if any. */
  clusterIssuer?: string;
  /** Tenant dashboards are `<tenant>.<baseDomain>`. */
  baseDomain?: string;
  /** CIDRs of the API server endpoints, for the tenants' network policies. */
  apiServerCidrs?: string[];
  /**
   * How the backend reaches tenants' vcluster APIs; `clusterDns` (the
   * default) when absent. `ingress` requires `baseDomain`.
   */
  vclusterApiExposure?: VclusterApiExposure;
  auth:
    | { type: 'serviceAccountToken'; token: string }
    | { type: 'kubeconfig'; kubeconfigPath: string; context?: string }
    | { type: 'inCluster' };
}

/** The tenant reconcile loop. */
export interface ReconcileConfig {
  /** Whether the loop runs at all (off: tenants are stored but not provisioned). */
  enabled: boolean;
  /** Period of the scheduled pass over every host cluster. */
  intervalSeconds: number;
  /** Limit of one scheduled pass. */
  timeoutSeconds: number;
  /** Delay of the follow-up pass while tenants have not converged. */
  requeueSeconds: number;
  /** Observe host clusters by watches instead of a LIST per kind per pass. */
  watch: boolean;
  /** Watching: how long a replica holds the host clusters' watches before it lists everything again. */
  resyncMinutes: number;
  /** Watching: the backoff of a tenant that has not converged. */
  backoff: { initialSeconds: number; maxSeconds: number };
}

export interface JobHistoryConfig {
  /** How long finished RayJobs are kept, in days. */
  retentionDays: number;
  /** How often unfinished RayJobs are looked at, in seconds. */
  pollSeconds: number;
  /** How many lines of a finished job's log are kept. */
  logTailLines: number;
}

/** The warm-pool control loop. */
export interface WarmPoolsConfig {
  enabled: boolean;
  intervalSeconds: number;
  sampleSeconds: number;
  retentionDays: number;
}

export interface RayDataConfig {
  /** How long an answer of a Ray dashboard is reused, in seconds; 0: never. */
  cacheSeconds: number;
}

export interface WorkloadsConfig {
  /** How long a tenant's list of one workload kind is reused, in seconds; 0: never. */
  listCacheSeconds: number;
}

export interface RayServiceConfig {
  /**
   * This portal's instance: the `ray-service.io/instance` label of its
   * objects, so that portals sharing a host cluster leave each other's alone.
   */
  instance: string;
  hostClusters: HostClusterConfig[];
  reconcile: ReconcileConfig;
  jobHistory: JobHistoryConfig;
  warmPools: WarmPoolsConfig;
  rayData: RayDataConfig;
  workloads: WorkloadsConfig;
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
  const baseDomain = config.getOptionalString('baseDomain');
  const vclusterApiExposure = config.getOptionalString('vclusterApiExposure');
  if (
    vclusterApiExposure !== undefined &&
    !VCLUSTER_API_EXPOSURES.includes(vclusterApiExposure as VclusterApiExposure)
  ) {
    throw new InputError(
      `rayService.hostClusters[${name}]: vclusterApiExposure must be one of ${VCLUSTER_API_EXPOSURES.join(
        ', ',
      )}, not "${vclusterApiExposure}"`,
    );
  }
  if (vclusterApiExposure === 'ingress' && !baseDomain) {
    throw new InputError(
      `rayService.hostClusters[${name}]: baseDomain is required with vclusterApiExposure ingress`,
    );
  }
  return {
    name,
    title: config.getOptionalString('title') ?? name,
    url,
    caData: config.getOptionalString('caData'),
    skipTLSVerify: config.getOptionalBoolean('skipTLSVerify') ?? false,
    clusterIssuer: config.getOptionalString('clusterIssuer'),
    baseDomain,
    apiServerCidrs: config.getOptionalStringArray('apiServerCidrs'),
    ...(vclusterApiExposure && {
      vclusterApiExposure: vclusterApiExposure as VclusterApiExposure,
    }),
    auth,
  };
}

/** A positive number at `key`, e.g. `rayService.reconcile.intervalSeconds`. */
function positiveNumber(config: Config, key: string, fallback: number) {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(value > 0)) {
    throw new InputError(`${key} must be a positive number, got ${value}`);
  }
  return value;
}

/** A number ≥ 0 at `key`. */
function nonNegativeNumber(config: Config, key: string, fallback: number) {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(value >= 0)) {
    throw new InputError(`${key} must be 0 or more, got ${value}`);
  }
  return value;
}

function readReconcile(config: Config): ReconcileConfig {
  const at = 'rayService.reconcile';
  return {
    enabled: config.getOptionalBoolean(`${at}.enabled`) ?? true,
    intervalSeconds: positiveNumber(config, `${at}.intervalSeconds`, 10),
    timeoutSeconds: positiveNumber(config, `${at}.timeoutSeconds`, 300),
    requeueSeconds: positiveNumber(config, `${at}.requeueSeconds`, 2),
    watch: config.getOptionalBoolean(`${at}.watch`) ?? true,
    resyncMinutes: positiveNumber(config, `${at}.resyncMinutes`, 10),
    backoff: {
      initialSeconds: positiveNumber(config, `${at}.backoff.initialSeconds`, 1),
      maxSeconds: positiveNumber(config, `${at}.backoff.maxSeconds`, 300),
    },
  };
}

function readInstance(config: Config): string {
  const instance =
    config.getOptionalString('rayService.instance') ?? DEFAULT_INSTANCE;
  if (!isInstanceName(instance)) {
    throw new InputError(
      `rayService.instance: "${instance}" must be a DNS-1123 label (lowercase letters, digits and "-") of at most ${MAX_INSTANCE_LENGTH} characters`,
    );
  }
  return instance;
}

function readJobHistory(config: Config): JobHistoryConfig {
  const at = 'rayService.jobHistory';
  return {
    retentionDays: positiveNumber(config, `${at}.retentionDays`, 30),
    pollSeconds: positiveNumber(config, `${at}.pollSeconds`, 10),
    logTailLines: Math.round(
      positiveNumber(config, `${at}.logTailLines`, 1000),
    ),
  };
}

function readWarmPools(
  config: Config,
  reconcile: ReconcileConfig,
): WarmPoolsConfig {
  const at = 'rayService.warmPools';
  return {
    enabled: config.getOptionalBoolean(`${at}.enabled`) ?? reconcile.enabled,
    intervalSeconds: positiveNumber(config, `${at}.intervalSeconds`, 10),
    sampleSeconds: positiveNumber(config, `${at}.sampleSeconds`, 60),
    retentionDays: positiveNumber(config, `${at}.retentionDays`, 14),
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
  const reconcile = readReconcile(config);
  return {
    instance: readInstance(config),
    hostClusters,
    reconcile,
    jobHistory: readJobHistory(config),
    warmPools: readWarmPools(config, reconcile),
    rayData: {
      cacheSeconds: nonNegativeNumber(
        config,
        'rayService.rayData.cacheSeconds',
        2,
      ),
    },
    workloads: {
      listCacheSeconds: nonNegativeNumber(
        config,
        'rayService.workloads.listCacheSeconds',
        2,
      ),
    },
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
