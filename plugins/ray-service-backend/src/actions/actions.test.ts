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

import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { KubeSim } from '@ray-service/kube-sim';
import { Server } from 'node:http';
import request from 'supertest';
import { ACTIONS_PATH, invokeAction } from '../__testUtils__/actionsApi';
import { Api, startTestSim, tenantRequest } from '../__testUtils__/tenantApi';
import { startTenantBackend } from '../__testUtils__/tenantBackend';
import { CallerName, callers } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

describe('the actions registry (agents)', () => {
  let sim: KubeSim;
  let server: Server;
  let alpha: Api;

  const invoke = (caller: CallerName, action: string, input: object) =>
    invokeAction(server, caller, action, input);

  beforeAll(async () => {
    sim = await startTestSim();
    const started = await startTenantBackend(
      { sim },
      { features: [actionsRegistryServiceFactory] },
    );
    server = started.server;
    alpha = started.api('alpha');
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('lists the operations, the read-only ones marked so', async () => {
    const response = await request(server)
      .get(ACTIONS_PATH)
      .set('Authorization', callers.alpha!);
    expect(response.status).toBe(200);
    const actions = Object.fromEntries(
      response.body.actions.map(
        (a: { name: string; attributes: { readOnly: boolean } }) => [
          a.name,
          a.attributes.readOnly,
        ],
      ),
    );
    expect(actions).toEqual({
      'list-tenants': true,
      'get-tenant': true,
      'create-tenant': false,
      'list-profiles': true,
      'list-template-versions': true,
      'get-tenant-usage': true,
      'list-ray-clusters': true,
      'list-ray-jobs': true,
      'submit-ray-job': false,
      'get-ray-job-logs': true,
    });
  });

  it('creates a tenant as the caller, answering what the REST API answers', async () => {
    const created = await invoke('alpha', 'create-tenant', {
      ...tenantRequest('agent-made'),
      owner: 'ml-team-alpha',
    });
    expect(created.status).toBe(200);
    expect(created.body.output.tenant).toMatchObject({
      name: 'agent-made',
      owner: 'group:default/ml-team-alpha',
      phase: 'Pending',
      createdBy: 'user:default/alice.alpha',
    });

    const viaAction = await invoke('alpha', 'get-tenant', {
      name: 'agent-made',
    });
    const viaRest = await alpha.get('/tenants/agent-made');
    expect(viaAction.body.output.tenant.name).toBe(viaRest.body.name);
    expect(viaAction.body.output.tenant.owner).toBe(viaRest.body.owner);

    const listed = await invoke('alpha', 'list-tenants', {});
    expect(
      listed.body.output.items.map((t: { name: string }) => t.name),
    ).toEqual(
      (await alpha.get('/tenants')).body.items.map(
        (t: { name: string }) => t.name,
      ),
    );
    expect(
      listed.body.output.items.map((t: { name: string }) => t.name),
    ).toContain('agent-made');
    const othersOnly = await invoke('alpha', 'list-tenants', {
      owner: 'ml-team-bravo',
    });
    expect(othersOnly.body.output.items).toEqual([]);
  });

  it("authorizes as the caller: another team's member neither sees nor creates for it", async () => {
    await invoke('alpha', 'create-tenant', tenantRequest('alpha-only'));

    const seen = await invoke('bravo', 'get-tenant', { name: 'alpha-only' });
    expect(seen.status).toBe(404);
    expect(seen.body.error).toMatchObject({
      name: 'NotFoundError',
      message: 'tenant "alpha-only" not found',
    });
    const listed = await invoke('bravo', 'list-tenants', {});
    expect(listed.body.output.items).toEqual([]);

    const refused = await invoke(
      'bravo',
      'create-tenant',
      tenantRequest('bravo-for-alpha'),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'you may only create tenants owned by one of your groups, not group:default/ml-team-alpha',
    );
  });

  it("checks input with the REST API's rules", async () => {
    const response = await invoke(
      'alpha',
      'create-tenant',
      tenantRequest('Not_A_Name', { profile: 'hidden' }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      'name: must be lowercase letters, digits and "-"',
    );
  });

  it('lists the profiles and template versions the caller may use', async () => {
    const profiles = await invoke('alpha', 'list-profiles', {});
    expect(
      profiles.body.output.items.map((p: { name: string }) => p.name),
    ).toEqual(
      (await alpha.get('/profiles')).body.items.map(
        (p: { name: string }) => p.name,
      ),
    );
    const versions = await invoke('alpha', 'list-template-versions', {
      limit: 2,
    });
    expect(versions.body.output.items).toHaveLength(2);
    expect(versions.body.output.nextCursor).toEqual(expect.any(String));
  });

  it('refuses anonymous callers', async () => {
    const response = await request(server)
      .post(`${ACTIONS_PATH}/ray-service:list-tenants/invoke`)
      .send({});
    expect(response.status).toBe(401);
  });
});
