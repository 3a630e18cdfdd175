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
import { EventsService } from '@backstage/plugin-events-node';
import {
  TENANT_EVENTS_TOPIC,
  TenantEvent,
} from '@ray-service/plugin-ray-service-common';

/** Where the tenant service and the control loop say that a tenant changed. */
export interface TenantEvents {
  publish(tenant: string, change: TenantEvent['change']): void;
}

/** For callers that need no events (tests, tools). */
export const noTenantEvents: TenantEvents = { publish: () => {} };

/**
 * Publishes tenant changes on Backstage's events service (topic
 * `ray-service.tenants`) for the catalog module. Fire and forget: a change
 * of a tenant never waits for, or fails with, a subscriber; the catalog's
 * periodic full pass repairs a lost event.
 */
export class TenantEventPublisher implements TenantEvents {
  constructor(
    private readonly events: EventsService,
    private readonly logger: LoggerService,
  ) {}

  publish(tenant: string, change: TenantEvent['change']): void {
    const eventPayload: TenantEvent = { tenant, change };
    this.events
      .publish({ topic: TENANT_EVENTS_TOPIC, eventPayload })
      .catch(error =>
        this.logger.warn(
          `could not publish the ${change} event of tenant ${tenant}: ${error}`,
        ),
      );
  }
}
