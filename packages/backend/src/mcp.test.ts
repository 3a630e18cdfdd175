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
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { KubeSim, startKubeSim } from '@ray-service/kube-sim';
import rayServicePlugin from '@ray-service/plugin-ray-service-backend';
import { resolve } from 'node:path';

jest.setTimeout(5 * 60_000);

const AUTOMATION_TOKEN = 'automation-token-for-the-mcp-test';
const SIM_TOKEN = 'sim-token-for-the-mcp-test';
const TEMPLATES = resolve(__dirname, '../../../templates');

const groups = [
  { name: 'ml-teams' },
  { name: 'ml-team-alpha', parent: 'ml-teams' },
].map(({ name, parent }) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [], ...(parent && { parent }) },
}));

/** The text of a tool call's result: the action's output as JSON, or its error. */
function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
  return (result.content as { type: string; text: string }[])
    .map(part => part.text)
    .join('');
}

/**
 * What an MCP client of the dev backend sees: the MCP actions plugin, the
 * real actions registry and actions service, the Ray service on a kube-sim,
 * and a static automation token as in app-config.automation.yaml.
 */
describe('the Ray service over MCP', () => {
  let sim: KubeSim;
  let baseUrl: string;

  beforeAll(async () => {
    sim = await startKubeSim({
      seed: 'well-equipped',
      token: SIM_TOKEN,
      controllers: { readyDelayMs: 50, namespaceFinalizeDelayMs: 50 },
    });
    const { server } = await startTestBackend({
      features: [
        mcpActionsPlugin,
        rayServicePlugin,
        actionsRegistryServiceFactory,
        actionsServiceFactory,
        authServiceFactory,
        httpAuthServiceFactory,
        catalogServiceMock.factory({ entities: groups }),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: {
                      token: AUTOMATION_TOKEN,
                      subject: 'ray-service-automation',
                    },
                  },
                ],
              },
              actions: { pluginSources: ['ray-service'] },
            },
            rayService: {
              hostClusters: [
                {
                  name: 'sim',
                  url: sim.url,
                  caData: sim.caData,
                  clusterIssuer: 'ray-service-ca',
                  auth: { type: 'serviceAccountToken', token: SIM_TOKEN },
                },
              ],
              // Polling: the test backend's scheduler runs no delayed task,
              // and watching passes run inside the reconcile task's runs.
              reconcile: { requeueSeconds: 0.05, watch: false },
              bootstrap: {
                templateVersionsDir: `${TEMPLATES}/tenant-versions`,
                profilesFile: `${TEMPLATES}/compute-profiles.yaml`,
              },
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${server.port()}`;
  });
  afterAll(async () => {
    await sim.stop();
  });

  async function connect(token: string): Promise<Client> {
    const client = new Client({
      name: 'ray-service-mcp-test',
      version: '1.0.0',
    });
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`${baseUrl}/api/mcp-actions/v1`),
        {
          requestInit: { headers: { Authorization: `Bearer ${token}` } },
        },
      ),
    );
    return client;
  }

  it('lists the Ray service tools, read-only ones marked', async () => {
    const client = await connect(AUTOMATION_TOKEN);
    const { tools } = await client.listTools();
    const readOnly = Object.fromEntries(
      tools
        .filter(tool => tool.name.includes('ray-service'))
        .map(tool => [tool.name, tool.annotations?.readOnlyHint]),
    );
    expect(readOnly).toMatchObject({
      'ray-service.list-tenants': true,
      'ray-service.get-tenant': true,
      'ray-service.create-tenant': false,
      'ray-service.list-profiles': true,
      'ray-service.list-template-versions': true,
      'ray-service.get-tenant-usage': true,
      'ray-service.list-ray-clusters': true,
      'ray-service.list-ray-jobs': true,
      'ray-service.submit-ray-job': false,
      'ray-service.get-ray-job-logs': true,
    });
    await client.close();
  });

  it('creates a tenant and follows it to Ready', async () => {
    const client = await connect(AUTOMATION_TOKEN);
    const created = await client.callTool({
      name: 'ray-service.create-tenant',
      arguments: {
        name: 'mcp-demo',
        owner: 'ml-team-alpha',
        profile: 'small',
        templateVersion: 'kuberay@2.0.0',
      },
    });
    expect(created.isError).toBeFalsy();
    expect(JSON.parse(textOf(created)).tenant).toMatchObject({
      name: 'mcp-demo',
      owner: 'group:default/ml-team-alpha',
      phase: 'Pending',
      // The actions service calls the plugin with its own token on behalf
      // of a service principal (a user's calls keep the user).
      createdBy: 'service:plugin:mcp-actions',
    });

    // Waits on the phase, with patience far beyond kube-sim's 50 ms controllers
    // so that a busy machine only makes it slower.
    let phase = 'Pending';
    for (
      const giveUpAt = Date.now() + 4 * 60_000;
      phase !== 'Ready' && Date.now() < giveUpAt;
      await new Promise(resume => setTimeout(resume, 20))
    ) {
      const got = await client.callTool({
        name: 'ray-service.get-tenant',
        arguments: { name: 'mcp-demo' },
      });
      phase = JSON.parse(textOf(got)).tenant.phase;
    }
    expect(phase).toBe('Ready');

    const listed = await client.callTool({
      name: 'ray-service.list-tenants',
      arguments: {},
    });
    expect(
      JSON.parse(textOf(listed)).items.map((t: { name: string }) => t.name),
    ).toEqual(['mcp-demo']);

    const usage = await client.callTool({
      name: 'ray-service.get-tenant-usage',
      arguments: { tenant: 'mcp-demo' },
    });
    expect(usage.isError).toBeFalsy();
    expect(JSON.parse(textOf(usage))).toMatchObject({
      tenant: 'mcp-demo',
      resources: expect.arrayContaining([
        expect.objectContaining({ resource: 'requests.cpu' }),
      ]),
    });
    const jobs = await client.callTool({
      name: 'ray-service.list-ray-jobs',
      arguments: { tenant: 'mcp-demo' },
    });
    expect(jobs.isError).toBeFalsy();
    expect(JSON.parse(textOf(jobs)).items).toEqual([]);
    await client.close();
  });

  it("answers a refusal as the tool's error, in the service's words", async () => {
    const client = await connect(AUTOMATION_TOKEN);
    const result = await client.callTool({
      name: 'ray-service.create-tenant',
      arguments: {
        name: 'no-such-profile',
        owner: 'ml-team-alpha',
        profile: 'xxl',
        templateVersion: 'kuberay@2.0.0',
      },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('profile "xxl" does not exist');
    await client.close();
  });

  it('refuses a client without a valid token', async () => {
    await expect(connect('not-the-token')).rejects.toThrow(/401/);
  });
});
