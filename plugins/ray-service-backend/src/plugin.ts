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

import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import type { Handler } from 'express';
import { AccessService } from './access/AccessService';
import { actorOf } from './access/callers';
import { GroupHierarchy } from './access/GroupHierarchy';
import { registerPermissionResources } from './access/permissionResources';
import { registerRayServiceActions } from './actions';
import { importBootstrapContent } from './bootstrap/importBootstrapContent';
import { readRayServiceConfig } from './config';
import { HostClusterDirectory } from './hostClusters/HostClusterDirectory';
import { HostClusterProbe } from './hostClusters/HostClusterProbe';
import { Reachability } from './hostClusters/reachability';
import { HostClusterClients } from './kubernetes/HostClusterClients';
import { ReconcileLoop } from './provisioning/loop/ReconcileLoop';
import { PlanInputs } from './provisioning/planInputs';
import { serviceUnavailableHandler } from './lib/serviceUnavailableHandler';
import { PoolLoop } from './provisioning/pools/PoolLoop';
import { PoolMetrics } from './provisioning/pools/poolMetrics';
import { TenantEventPublisher } from './provisioning/tenantEvents';
import { createRouter } from './router';
import { AuditLogService } from './services/AuditLogService';
import { PoolService } from './services/PoolService';
import { ProfileService } from './services/ProfileService';
import { TemplateService } from './services/TemplateService';
import { Placement } from './services/tenants/placement/Placement';
import { PoolClaims } from './services/tenants/PoolClaims';
import { TenantService } from './services/tenants/TenantService';
import { createWorkloadServices } from './services/workloads';
import { JOB_TRACKER_TASK_ID } from './services/workloads/JobTracker';
import { RayServiceStore } from './store/RayServiceStore';
import { migrateDatabase } from './store/migrations';

/** The ray-service backend plugin, mounted at `/api/ray-service`. */
export const rayServicePlugin = createBackendPlugin({
  pluginId: 'ray-service',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        eventsService: eventsServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        httpAuth,
        auth,
        userInfo,
        permissions,
        permissionsRegistry,
        scheduler,
        lifecycle,
        catalog,
        actionsRegistry,
        eventsService,
      }) {
        const rayConfig = readRayServiceConfig(config);
        const { instance } = rayConfig;
        const store = new RayServiceStore(await migrateDatabase(database));
        const clients = new HostClusterClients(
          rayConfig.hostClusters,
          rayConfig.reachabilityTimeoutMs,
        );
        const groups = new GroupHierarchy({ catalog, auth, userInfo, logger });
        const access = new AccessService(
          permissions,
          groups,
          registerPermissionResources(permissionsRegistry, { store, groups }),
        );

        const profiles = new ProfileService(store, access);
        const templates = new TemplateService(store, access);
        await importBootstrapContent(rayConfig.bootstrap, {
          profiles,
          templates,
          logger,
          credentials: await auth.getOwnServiceCredentials(),
        });

        const { minVersion, maxVersion } = rayConfig.kubernetesSupport;
        const hostClusters = new HostClusterProbe(clients, {
          supportMatrix: { min: minVersion, max: maxVersion },
          watch: rayConfig.reconcile.watch,
        });
        const planInputs = new PlanInputs({ store, hostClusters, instance });
        const events = new TenantEventPublisher(eventsService, logger);
        const loop = new ReconcileLoop(
          { store, clients, hostClusters, planInputs, logger, events },
          {
            instance,
            requeueMs: rayConfig.reconcile.requeueSeconds * 1000,
            maxRequeueMs: rayConfig.reconcile.intervalSeconds * 1000,
            watch: rayConfig.reconcile.watch,
            backoff: {
              baseMs: rayConfig.reconcile.backoff.initialSeconds * 1000,
              maxMs: rayConfig.reconcile.backoff.maxSeconds * 1000,
            },
          },
        );
        const {
          enabled,
          intervalSeconds,
          timeoutSeconds,
          watch,
          resyncMinutes,
        } = rayConfig.reconcile;
        const placement = new Placement({ store, hostClusters, access });
        const onChange = (hostCluster: string) => {
          if (enabled) {
            loop.trigger(hostCluster);
          }
        };
        const warmPools = rayConfig.warmPools;
        const poolMetrics = new PoolMetrics();
        const poolLoop = new PoolLoop(
          {
            store,
            placement,
            logger,
            now: () => new Date(),
            onChange,
            observer: poolMetrics,
          },
          {
            sampleIntervalMs: warmPools.sampleSeconds * 1000,
            retentionMs: warmPools.retentionDays * 24 * 60 * 60 * 1000,
            actor: actorOf(await auth.getOwnServiceCredentials()),
          },
        );
        const poolClaims = new PoolClaims({
          store,
          listener: {
            claimed: (profile, durationMs) => {
              poolMetrics.claimed(profile, durationMs);
              if (warmPools.enabled) {
                poolLoop.trigger(profile);
              }
            },
            missed: (profile, durationMs) =>
              poolMetrics.missed(profile, durationMs),
          },
        });
        const workloads = createWorkloadServices({
          store,
          access,
          clients,
          instance,
          logger,
          timeoutMs: rayConfig.reachabilityTimeoutMs,
          serviceCredentials: () => auth.getOwnServiceCredentials(),
          jobHistory: rayConfig.jobHistory,
          rayDataCacheTtlMs: rayConfig.rayData.cacheSeconds * 1000,
          listCacheTtlMs: rayConfig.workloads.listCacheSeconds * 1000,
        });

        const tenants = new TenantService({
          store,
          access,
          groups,
          hostClusters,
          placement,
          planInputs,
          instance,
          events,
          onChange,
          pools: poolClaims,
        });

        httpRouter.use(
          createRouter({
            httpAuth,
            hostClusters: new HostClusterDirectory({
              clients,
              store,
              access,
              probe: hostClusters,
              reachability: new Reachability(clients, logger),
              kubernetesSupport: rayConfig.kubernetesSupport,
            }),
            placement,
            profiles,
            templates,
            audit: new AuditLogService(store, access),
            tenants,
            pools: new PoolService({ store, access }),
            ...workloads,
          }),
        );
        registerRayServiceActions(actionsRegistry, {
          tenants,
          profiles,
          templates,
          ...workloads,
        });
        // an error handler (four arguments), which express runs for errors
        // of the routes above; httpRouter.use is typed for plain handlers
        httpRouter.use(serviceUnavailableHandler(logger) as unknown as Handler);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        if (enabled) {
          // Watching, a run holds the watches for resyncMinutes: the global
          // scope makes it one replica's at a time. Its first run starts a
          // second after startup: test schedulers run undelayed tasks at
          // startup and wait for them, which would be minutes.
          await scheduler.scheduleTask({
            id: 'ray-service-reconcile',
            frequency: { seconds: intervalSeconds },
            ...(watch && { initialDelay: { seconds: 1 } }),
            timeout: {
              seconds: watch
                ? resyncMinutes * 60 + timeoutSeconds
                : timeoutSeconds,
            },
            scope: 'global',
            fn: async signal => {
              if (watch) {
                await loop.hold(signal, {
                  durationMs: resyncMinutes * 60_000,
                  checkMs: intervalSeconds * 1000,
                });
              } else {
                await loop.runAll();
              }
            },
          });
          lifecycle.addShutdownHook(() => loop.stop());
        }
        if (warmPools.enabled) {
          await scheduler.scheduleTask({
            id: 'ray-service-warm-pools',
            frequency: { seconds: warmPools.intervalSeconds },
            timeout: { seconds: timeoutSeconds },
            scope: 'global',
            fn: async () => {
              await poolLoop.runAll();
            },
          });
          lifecycle.addShutdownHook(() => poolLoop.stop());
        }
        await scheduler.scheduleTask({
          id: JOB_TRACKER_TASK_ID,
          frequency: { seconds: rayConfig.jobHistory.pollSeconds },
          timeout: { seconds: timeoutSeconds },
          scope: 'global',
          fn: async () => {
            await workloads.jobTracker.round();
          },
        });
        const loopCadence = watch
          ? `watching, resync every ${resyncMinutes} min`
          : `every ${intervalSeconds} s`;
        logger.info(
          `ray-service instance ${rayConfig.instance} serving ${
            rayConfig.hostClusters.length
          } host cluster(s); tenant reconcile loop ${
            enabled ? loopCadence : 'off'
          }; warm-pool loop ${
            warmPools.enabled ? `every ${warmPools.intervalSeconds} s` : 'off'
          }`,
        );
      },
    });
  },
});
