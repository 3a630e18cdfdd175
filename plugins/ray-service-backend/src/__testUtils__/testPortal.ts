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

import path from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Tenant } from '@ray-service/plugin-ray-service-common';
import { people, createTestServices } from './services';
import type { KubeSim } from '@ray-service/kube-sim';
import { SIM_TOKEN, startTestSim, tenantRequest } from './tenantApi';
import { importBootstrapContent } from '../bootstrap/importBootstrapContent';
import type { HostClusterConfig } from '../config';
import { HostClusterDirectory } from '../hostClusters/HostClusterDirectory';
import { HostClusterProbe } from '../hostClusters/HostClusterProbe';
import { Reachability } from '../hostClusters/reachability';
import { HostClusterClients } from '../kubernetes/HostClusterClients';
import {
  PassReport,
  ReconcileLoop,
  ReconcileLoopOptions,
} from '../provisioning/loop/ReconcileLoop';
import { PlanInputs } from '../provisioning/planInputs';
import { planFor } from '../provisioning/loop/desired';
import type { PlannedObject } from '../planner';
import { Placement } from '../services/tenants/placement/Placement';
import { TenantService } from '../services/tenants/TenantService';
import {
  createWorkloadServices,
  WorkloadServices,
} from '../services/workloads';
import type { TemplateService } from '../services/TemplateService';
import { findUp } from '../planner/__testUtils__/conformance';

/** A line the portal logged. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  error?: unknown;
}

/** A logger that keeps its lines, for tests that check what is logged (and how often). */
export function recordingLogger(lines: LogLine[] = []): LoggerService & {
  lines: LogLine[];
} {
  const at = (level: LogLine['level']) => (message: string, meta?: unknown) => {
    lines.push({
      level,
      message,
      ...(meta instanceof Error ? { error: meta } : {}),
    });
  };
  const logger = {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return logger;
}

/** What every request of the portal may take before it counts as failed. */
const REQUEST_TIMEOUT_MS = 30_000;

export const KUBERNETES_SUPPORT = { minVersion: '1.29', maxVersion: '1.34' };

/**
 * The portal's services, wired as plugin.ts wires them, on an in-memory
 * database with the shipped profiles and template versions, managing one
 * host cluster. The reconcile loop runs only when the test calls `pass()`
 * (no schedule, no follow-up passes), so that requests can be counted per
 * pass.
 */
export interface TestPortal {
  hostCluster: string;
  tenants: TenantService;
  templates: TemplateService;
  directory: HostClusterDirectory;
  placement: Placement;
  probe: HostClusterProbe;
  clients: HostClusterClients;
  loop: ReconcileLoop;
  /** The Ray workload services (Ray dashboards' answers are not reused). */
  workloads: WorkloadServices;
  logger: ReturnType<typeof recordingLogger>;
  /** One reconcile pass of the host cluster. */
  pass(): Promise<PassReport>;
  /** The objects a tenant's plan holds now, as the reconcile loop plans them. */
  planned(name: string): Promise<PlannedObject[]>;
  /** The tenant as its owner sees it, or undefined once it is gone. */
  tenant(name: string): Promise<Tenant | undefined>;
  stop(): Promise<void>;
}

export const admin = people.pat;

/** What ml-team-alpha asks for a namespace-isolated tenant on the host cluster `sim`. */
export const simTenantRequest = (name: string) => ({
  ...tenantRequest(name),
  isolation: 'namespace' as const,
  hostCluster: 'sim',
});

/** A kube-sim as the portal's config names a host cluster. */
export function simHostCluster(
  sim: { url: string; caData: string },
  name = 'sim',
): HostClusterConfig {
  return {
    name,
    title: name,
    url: sim.url,
    caData: sim.caData,
    skipTLSVerify: false,
    clusterIssuer: 'ray-service-ca',
    auth: { type: 'serviceAccountToken', token: SIM_TOKEN },
  };
}

export interface TestPortalOptions {
  /** `rayService.instance`; default `default`. */
  instance?: string;
  /** The loop's follow-up passes; default none (an hour away). */
  requeueMs?: number;
  maxRequeueMs?: number;
  /** Observe the host cluster by watches (`rayService.reconcile.watch`); default false. */
  watch?: boolean;
  /** Watching: the backoff of tenants that have not converged (clock, random source). */
  backoff?: ReconcileLoopOptions['backoff'];
  /** Told of every pass of the loop. */
  onPass?: (report: PassReport) => void;
}

export async function startTestPortal(
  hostCluster: HostClusterConfig,
  options: TestPortalOptions = {},
): Promise<TestPortal> {
  const instance = options.instance ?? 'default';
  const services = await createTestServices();
  const { store, access, groups, profiles, templates } = services;
  const logger = recordingLogger();
  const templatesDir = findUp(__dirname, 'templates/tenant-versions')!;
  await importBootstrapContent(
    {
      templateVersionsDir: templatesDir,
      profilesFile: path.join(templatesDir, '..', 'compute-profiles.yaml'),
    },
    { profiles, templates, logger, credentials: people.automation },
  );
  const clients = new HostClusterClients([hostCluster], REQUEST_TIMEOUT_MS);
  const probe = new HostClusterProbe(clients, {
    supportMatrix: {
      min: KUBERNETES_SUPPORT.minVersion,
      max: KUBERNETES_SUPPORT.maxVersion,
    },
    watch: options.watch ?? false,
  });
  const planInputs = new PlanInputs({ store, hostClusters: probe, instance });
  const placement = new Placement({ store, hostClusters: probe, access });
  const loop = new ReconcileLoop(
    {
      store,
      clients,
      hostClusters: probe,
      planInputs,
      logger,
      ...(options.onPass && { onPass: options.onPass }),
    },
    {
      instance,
      // by default, passes only when the test asks
      requeueMs: options.requeueMs ?? 3_600_000,
      maxRequeueMs: options.maxRequeueMs ?? 3_600_000,
      watch: options.watch ?? false,
      ...(options.backoff && { backoff: options.backoff }),
    },
  );
  const tenants = new TenantService({
    store,
    access,
    groups,
    hostClusters: probe,
    placement,
    planInputs,
    instance,
    onChange: () => {},
  });
  const directory = new HostClusterDirectory({
    clients,
    store,
    access,
    probe,
    reachability: new Reachability(clients, logger),
    kubernetesSupport: KUBERNETES_SUPPORT,
  });
  const workloads = createWorkloadServices({
    store,
    access,
    clients,
    instance,
    logger,
    timeoutMs: REQUEST_TIMEOUT_MS,
    serviceCredentials: async () => people.automation,
    jobHistory: { logTailLines: 100, retentionDays: 1 },
    rayDataCacheTtlMs: 0,
    listCacheTtlMs: 0,
  });
  return {
    hostCluster: hostCluster.name,
    tenants,
    workloads,
    templates,
    directory,
    placement,
    probe,
    clients,
    loop,
    logger,
    async pass() {
      const report = await loop.run(hostCluster.name);
      if (!report) {
        throw new Error('the reconcile loop is stopped');
      }
      return report;
    },
    async planned(name) {
      const stored = await store.tenants.get(name);
      if (!stored) {
        throw new Error(`tenant ${name} is not stored`);
      }
      const sources = await planInputs.gather(hostCluster.name, [stored]);
      const result = planFor(stored, sources.get(name)!);
      if ('failure' in result) {
        throw new Error(
          `tenant ${name} has no plan: ${result.failure.message}`,
        );
      }
      return result.plan;
    },
    async tenant(name) {
      try {
        return await tenants.get(admin, name);
      } catch (error) {
        if ((error as Error).name === 'NotFoundError') {
          return undefined;
        }
        throw error;
      }
    },
    async stop() {
      await loop.stop();
      await clients.objectClient(hostCluster.name).close();
      await services.knex.destroy();
    },
  };
}

/**
 * A fresh kube-sim and a test portal on it for each test of the describe it
 * is called in (`options` read before each), stopped after it. Hooks
 * registered before the call run before the portal starts.
 */
export function useSimPortal(options: () => TestPortalOptions = () => ({})) {
  const current = {} as { sim: KubeSim; portal: TestPortal };
  beforeEach(async () => {
    current.sim = await startTestSim();
    current.portal = await startTestPortal(
      simHostCluster(current.sim),
      options(),
    );
  });
  afterEach(async () => {
    await current.portal?.stop();
    await current.sim?.stop();
  });
  return current;
}
