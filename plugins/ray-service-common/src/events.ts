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

import { z } from 'zod';

/**
 * The topic on Backstage's events service where the backend publishes
 * changes of tenants (`@backstage/plugin-events-node`); the catalog module
 * subscribes to keep the tenants' entities current between full passes.
 */
export const TENANT_EVENTS_TOPIC = 'ray-service.tenants';

/**
 * A change of one tenant: `changed` when it was created or its desired
 * state or phase changed (read it again for the rest), `removed` once it is
 * gone. Carries no more than the name, so a subscriber reads what its
 * credentials allow.
 */
export const tenantEventSchema = z.object({
  tenant: z.string(),
  change: z.enum(['changed', 'removed']),
});

export type TenantEvent = z.infer<typeof tenantEventSchema>;
