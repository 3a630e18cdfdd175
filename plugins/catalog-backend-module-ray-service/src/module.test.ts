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
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { TENANT_EVENTS_TOPIC } from '@ray-service/plugin-ray-service-common';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { tenant, tenantRoutes } from './__testUtils__/tenantApi';
import { catalogModuleRayService } from './module';

jest.setTimeout(120_000);

/** Far beyond any normal wait: the catalog processes and stitches on its own loop. */
const PATIENCE_MS = 60_000;

async function waitFor<T>(check: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }
}

const routes = tenantRoutes('*/api/ray-service');
const msw = setupServer(...routes.handlers);

describe('the catalog module in a catalog backend', () => {
  const events = DefaultEventsService.create({
    logger: mockServices.logger.mock(),
  });
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  const entity = (name: string) =>
    request(backend.server)
      .get(`/api/catalog/entities/by-name/resource/default/${name}`)
      .set('Authorization', mockCredentials.user.header());
  const present = async (name: string) => {
    const response = await entity(name);
    expect(response.status).toBe(200);
    return response.body;
  };
  const absent = async (name: string) =>
    expect((await entity(name)).status).toBe(404);

  beforeAll(async () => {
    msw.listen({ onUnhandledRequest: 'bypass' });
    routes.state.tenants.set('alpha-one', tenant('alpha-one'));
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleRayService,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://portal.test' },
            catalog: {
              rules: [{ allow: ['Resource', 'System', 'Group'] }],
              // The full pass runs once at start; later changes are deltas.
              providers: {
                rayService: {
                  schedule: {
                    frequency: { hours: 1 },
                    timeout: { minutes: 1 },
                  },
                },
              },
            },
          },
        }),
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => events,
        }),
      ],
    });
  });
  afterAll(async () => {
    await backend?.stop();
    msw.close();
  });

  it('has the tenants of the full pass, owned by their group', async () => {
    const alphaOne = await waitFor(() => present('alpha-one'));
    expect(alphaOne.spec).toMatchObject({
      type: 'ray-tenant',
      owner: 'group:default/ml-team-alpha',
    });
    expect(alphaOne.relations).toEqual(
      expect.arrayContaining([
        {
          type: 'ownedBy',
          targetRef: 'group:default/ml-team-alpha',
        },
        { type: 'partOf', targetRef: 'system:default/ray-service' },
        {
          type: 'dependsOn',
          targetRef: 'resource:default/host-cluster-sim-local',
        },
      ]),
    );
    await waitFor(() => present('host-cluster-sim-local'));
  });

  it('adds a new tenant on its event and removes it on the next', async () => {
    await waitFor(() => present('alpha-one'));
    routes.state.tenants.set('alpha-two', tenant('alpha-two'));
    const published = Date.now();
    await events.publish({
      topic: TENANT_EVENTS_TOPIC,
      eventPayload: { tenant: 'alpha-two', change: 'changed' },
    });
    const added = await waitFor(() => present('alpha-two'));
    expect(added.spec.owner).toBe('group:default/ml-team-alpha');
    // Reported, not asserted: tests do not race the clock (issue 11 asks < 10 s).
    process.stdout.write(
      `delta: tenant in the catalog ${
        Date.now() - published
      } ms after its event\n`,
    );

    routes.state.tenants.delete('alpha-two');
    await events.publish({
      topic: TENANT_EVENTS_TOPIC,
      eventPayload: { tenant: 'alpha-two', change: 'removed' },
    });
    await waitFor(() => absent('alpha-two'));
    await present('alpha-one');
  });
});
