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

import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { KubeSim } from '@ray-service/kube-sim';
import {
  TENANT_EVENTS_TOPIC,
  TenantEvent,
} from '@ray-service/plugin-ray-service-common';
import {
  Api,
  inPhase,
  pollTenant,
  startTestSim,
  tenantRequest,
} from '../__testUtils__/tenantApi';
import { startTenantBackend } from '../__testUtils__/tenantBackend';
import { waitFor } from '../lib/__testUtils__/waitFor';

jest.setTimeout(60_000);

describe('tenant events', () => {
  let sim: KubeSim;
  let alpha: Api;
  const received: TenantEvent[] = [];

  beforeAll(async () => {
    sim = await startTestSim();
    const events = DefaultEventsService.create({
      logger: mockServices.logger.mock(),
    });
    await events.subscribe({
      id: 'test',
      topics: [TENANT_EVENTS_TOPIC],
      onEvent: async ({ eventPayload }) => {
        received.push(eventPayload as TenantEvent);
      },
    });
    const { api } = await startTenantBackend(
      { sim },
      {
        features: [
          createServiceFactory({
            service: eventsServiceRef,
            deps: {},
            factory: () => events,
          }),
        ],
      },
    );
    alpha = api('alpha');
  });
  afterAll(async () => {
    await sim.stop();
  });

  const eventsOf = (tenant: string) =>
    received.filter(event => event.tenant === tenant).map(e => e.change);

  it('publishes a tenant when it is created, changes phase and is gone', async () => {
    expect(
      (await alpha.post('/tenants').send(tenantRequest('evented'))).status,
    ).toBe(201);
    await waitFor(() => eventsOf('evented').length > 0, 'the create event');
    expect(eventsOf('evented')[0]).toBe('changed');

    await pollTenant(alpha, 'evented', inPhase('Ready'));
    // Pending → … → Ready: every phase change is told.
    await waitFor(() => eventsOf('evented').length > 1, 'a phase event');
    expect(eventsOf('evented')).not.toContain('removed');

    expect((await alpha.delete('/tenants/evented')).status).toBe(202);
    await waitFor(
      () => eventsOf('evented').includes('removed'),
      'the removal event',
    );
    expect(eventsOf('evented').at(-1)).toBe('removed');
  });
});
