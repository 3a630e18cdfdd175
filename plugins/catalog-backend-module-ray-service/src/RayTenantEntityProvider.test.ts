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

import { mockServices } from '@backstage/backend-test-utils';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { RayServiceClient } from '@ray-service/plugin-ray-service-common';
import { setupServer } from 'msw/node';
import { tenant, tenantRoutes } from './__testUtils__/tenantApi';
import { RayTenantEntityProvider } from './RayTenantEntityProvider';

const BASE_URL = 'http://ray.test/api/ray-service';
const routes = tenantRoutes(BASE_URL);
const server = setupServer(...routes.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  routes.state.tenants.clear();
  routes.state.authorizations.length = 0;
});

function connectedProvider() {
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async mutation => {
      mutations.push(mutation);
    },
    refresh: async () => {},
  };
  const provider = new RayTenantEntityProvider({
    client: new RayServiceClient({
      discoveryApi: { getBaseUrl: async () => BASE_URL },
    }),
    token: async () => 'service-token',
    context: {
      namespace: 'default',
      platformOwner: 'group:default/platform-team',
      appBaseUrl: 'http://portal.test',
      apiBaseUrl: BASE_URL,
    },
    logger: mockServices.logger.mock(),
  });
  return { provider, mutations, connect: () => provider.connect(connection) };
}

const refsOf = (mutation: EntityProviderMutation) =>
  mutation.type === 'full'
    ? mutation.entities.map(
        ({ entity }) =>
          `${entity.kind}:${entity.metadata.namespace}/${entity.metadata.name}`,
      )
    : [];

describe('RayTenantEntityProvider', () => {
  it('emits every tenant, page after page, with its System and host clusters', async () => {
    for (let i = 0; i < 1203; i++) {
      routes.state.tenants.set(
        `t${String(i).padStart(4, '0')}`,
        tenant(`t${String(i).padStart(4, '0')}`, {
          hostCluster: i % 2 ? 'east' : 'west',
        }),
      );
    }
    const { provider, mutations, connect } = connectedProvider();
    await connect();

    await expect(provider.refresh()).resolves.toEqual({ tenants: 1203 });

    expect(mutations).toHaveLength(1);
    const refs = refsOf(mutations[0]);
    expect(refs.slice(0, 3)).toEqual([
      'System:default/ray-service',
      'Resource:default/host-cluster-east',
      'Resource:default/host-cluster-west',
    ]);
    expect(refs).toHaveLength(3 + 1203);
    expect(new Set(refs).size).toBe(refs.length);
    // Three pages of 500, each with the service token.
    expect(routes.state.authorizations).toEqual([
      'Bearer service-token',
      'Bearer service-token',
      'Bearer service-token',
    ]);
  });

  it("shapes a tenant as a Resource of its group, with the Kubernetes plugin's annotations and no secret", async () => {
    routes.state.tenants.set('alpha-one', tenant('alpha-one'));
    const { provider, mutations, connect } = connectedProvider();
    await connect();
    await provider.refresh();

    const mutation = mutations[0];
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    const deferred = mutation.entities.find(
      ({ entity }) => entity.metadata.name === 'alpha-one',
    )!;
    expect(deferred.locationKey).toBe('ray-service-tenants');
    expect(deferred.entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'alpha-one',
        namespace: 'default',
        title: 'alpha-one',
        description:
          'Ray tenant of ml-team-alpha on host cluster sim-local (vcluster, profile small, kuberay@1.0.0).',
        tags: ['ray', 'vcluster'],
        annotations: {
          'backstage.io/managed-by-location': `url:${BASE_URL}/tenants/alpha-one`,
          'backstage.io/managed-by-origin-location': `url:${BASE_URL}/tenants/alpha-one`,
          'ray-service.io/tenant': 'alpha-one',
          'ray-service.io/host-cluster': 'sim-local',
          'backstage.io/kubernetes-namespace': 'ray-alpha-one',
          'backstage.io/kubernetes-label-selector':
            'ray-service.io/tenant=alpha-one',
          'backstage.io/kubernetes-cluster': 'sim-local',
        },
        links: [
          {
            url: 'http://portal.test/catalog/default/resource/alpha-one/ray',
            title: 'Ray workloads',
            icon: 'dashboard',
          },
        ],
      },
      spec: {
        type: 'ray-tenant',
        owner: 'group:default/ml-team-alpha',
        system: 'ray-service',
        dependsOn: ['resource:default/host-cluster-sim-local'],
      },
    });
    expect(JSON.stringify(mutation)).not.toMatch(/token/i);
  });

  it('emits the same entities after a restart', async () => {
    routes.state.tenants.set('a', tenant('a'));
    routes.state.tenants.set('b', tenant('b', { phase: 'Provisioning' }));
    const first = connectedProvider();
    await first.connect();
    await first.provider.refresh();

    // The phase moved on meanwhile: not part of the entity, so no churn.
    routes.state.tenants.set('b', tenant('b', { phase: 'Ready' }));
    const restarted = connectedProvider();
    await restarted.connect();
    await restarted.provider.refresh();

    expect(restarted.mutations).toEqual(first.mutations);
  });

  it('adds a changed tenant and removes a gone one as deltas', async () => {
    const { provider, mutations, connect } = connectedProvider();
    await connect();
    routes.state.tenants.set('fresh', tenant('fresh'));

    await provider.applyEvent({ tenant: 'fresh', change: 'changed' });
    await provider.applyEvent({ tenant: 'unreadable', change: 'changed' });
    await provider.applyEvent({ tenant: 'gone', change: 'removed' });

    expect(mutations).toEqual([
      {
        type: 'delta',
        added: ['ray-service', 'host-cluster-sim-local', 'fresh'].map(name =>
          expect.objectContaining({
            entity: expect.objectContaining({
              metadata: expect.objectContaining({ name }),
            }),
            locationKey: 'ray-service-tenants',
          }),
        ),
        removed: [],
      },
      {
        type: 'delta',
        added: [],
        removed: [
          {
            entityRef: 'resource:default/unreadable',
            locationKey: 'ray-service-tenants',
          },
        ],
      },
      {
        type: 'delta',
        added: [],
        removed: [
          {
            entityRef: 'resource:default/gone',
            locationKey: 'ray-service-tenants',
          },
        ],
      },
    ]);
    // Only the changed tenants were read; the removal needed no request.
    expect(routes.state.authorizations).toHaveLength(2);
  });

  it('makes no entity of an unclaimed warm-pool standby', async () => {
    const { provider, mutations, connect } = connectedProvider();
    await connect();
    routes.state.tenants.set('wp-standby', {
      ...tenant('wp-standby'),
      pool: 'large-mig',
    });

    await provider.applyEvent({ tenant: 'wp-standby', change: 'changed' });

    expect(mutations).toEqual([
      {
        type: 'delta',
        added: [],
        removed: [
          {
            entityRef: 'resource:default/wp-standby',
            locationKey: 'ray-service-tenants',
          },
        ],
      },
    ]);
  });

  it('ignores events before the catalog connects', async () => {
    const { provider, mutations } = connectedProvider();
    await provider.applyEvent({ tenant: 'early', change: 'changed' });
    expect(mutations).toEqual([]);
    expect(routes.state.authorizations).toEqual([]);
  });

  it('refuses a full pass before the catalog connects', async () => {
    const { provider } = connectedProvider();
    await expect(provider.refresh()).rejects.toThrow(/not connected/);
  });
});
