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
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CatalogModelSources } from '@backstage/catalog-model/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  RayServiceClient,
  TENANT_EVENTS_TOPIC,
  tenantEventSchema,
} from '@ray-service/plugin-ray-service-common';
import { rayServiceCatalogModel } from './annotations';
import {
  PROVIDER_NAME,
  RayTenantEntityProvider,
} from './RayTenantEntityProvider';

const CONFIG_KEY = 'catalog.providers.rayService';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 10 },
};

/**
 * The catalog module of the Ray service: tenants as `Resource` entities of
 * type `ray-tenant` (see README.md), a full pass on a schedule and a delta
 * on each tenant event of the backend.
 */
export const catalogModuleRayService = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ray-service',
  register(env) {
    env.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
      },
      async init({
        processing,
        model,
        config,
        logger,
        discovery,
        auth,
        scheduler,
        events,
      }) {
        const options = config.getOptionalConfig(CONFIG_KEY);
        const schedule = options?.has('schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              options.getConfig('schedule'),
            )
          : DEFAULT_SCHEDULE;
        const provider = new RayTenantEntityProvider({
          client: new RayServiceClient({ discoveryApi: discovery }),
          token: async () =>
            (
              await auth.getPluginRequestToken({
                onBehalfOf: await auth.getOwnServiceCredentials(),
                targetPluginId: 'ray-service',
              })
            ).token,
          context: {
            namespace: options?.getOptionalString('namespace') ?? 'default',
            platformOwner:
              options?.getOptionalString('platformOwner') ??
              'group:default/platform-team',
            appBaseUrl: config.getString('app.baseUrl'),
            apiBaseUrl: await discovery.getExternalBaseUrl('ray-service'),
          },
          logger,
        });

        model.addModelSource(
          CatalogModelSources.static([rayServiceCatalogModel]),
        );
        processing.addEntityProvider(provider);
        await scheduler.scheduleTask({
          id: `${PROVIDER_NAME}:refresh`,
          scope: 'global',
          ...schedule,
          fn: async () => {
            await provider.refresh();
          },
        });
        await events.subscribe({
          id: PROVIDER_NAME,
          topics: [TENANT_EVENTS_TOPIC],
          onEvent: async ({ eventPayload }) => {
            const event = tenantEventSchema.safeParse(eventPayload);
            if (!event.success) {
              logger.warn(`ignored a malformed tenant event: ${event.error}`);
              return;
            }
            await provider.applyEvent(event.data);
          },
        });
      },
    });
  },
});
