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
import { invokeAction } from '../__testUtils__/actionsApi';
import { recordedAnswers } from '../__testUtils__/recordedAnswers';
import {
  Api,
  createReadyTenant,
  startTestSim,
} from '../__testUtils__/tenantApi';
import { startTenantBackend } from '../__testUtils__/tenantBackend';
import { CallerName } from '../__testUtils__/testBackend';
import { waitFor } from '../lib/__testUtils__/waitFor';

jest.setTimeout(120_000);

const TENANT = 'agent-wl';
const SECRET_VALUE = 'agent-env-value-never-shown';

describe("the actions registry (agents): a tenant's Ray workloads", () => {
  let sim: KubeSim;
  let server: Server;
  let backend: { stop(): Promise<void> };
  let alpha: Api;
  /** Every answer of an action, to look for secrets in. */
  const answers = recordedAnswers();

  /** Invokes a registry action of the plugin as `caller`, over its HTTP endpoint. */
  async function invoke(caller: CallerName, action: string, input: object) {
    return answers.seen(await invokeAction(server, caller, action, input));
  }

  beforeAll(async () => {
    sim = await startTestSim();
    const started = await startTenantBackend(
      { sim },
      { features: [actionsRegistryServiceFactory] },
    );
    ({ server, backend } = started);
    alpha = started.api('alpha');
    await createReadyTenant(alpha, TENANT, { isolation: 'namespace' });
  });
  afterAll(async () => {
    await backend.stop();
    await sim.stop();
  });

  it("reads the tenant's quota use as the REST API does; another team's member is told it does not exist", async () => {
    const usage = await invoke('alpha', 'get-tenant-usage', { tenant: TENANT });
    expect(usage.status).toBe(200);
    const viaRest = await alpha.get(`/tenants/${TENANT}/usage`);
    expect(usage.body.output).toEqual({
      ...viaRest.body,
      checkedAt: expect.any(String),
    });
    expect(usage.body.output.resources).toContainEqual(
      expect.objectContaining({ resource: 'requests.cpu' }),
    );

    const refused = await invoke('bravo', 'get-tenant-usage', {
      tenant: TENANT,
    });
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe(`tenant "${TENANT}" not found`);
  });

  it('submits a RayJob as the caller, follows it to the end and reads its log; the job’s env var values are never answered', async () => {
    const submitted = await invoke('alpha', 'submit-ray-job', {
      tenant: TENANT,
      name: 'from-agent',
      entrypoint: `python -c 'print("hello from an agent")'`,
      cluster: { new: { head: { cpu: '1', memory: '2Gi' }, workerGroups: [] } },
      runtimeEnv: { envVars: { API_KEY: SECRET_VALUE } },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.output.job).toMatchObject({
      name: 'from-agent',
      tenant: TENANT,
      newCluster: true,
      runtimeEnv: { envVarNames: ['API_KEY'] },
    });

    const finished = await waitFor(async () => {
      sim.ray.advance(500);
      const listed = await invoke('alpha', 'list-ray-jobs', { tenant: TENANT });
      const job = listed.body.output?.items?.find(
        (item: { name: string }) => item.name === 'from-agent',
      );
      return job?.phase === 'Succeeded' && listed;
    }, 'the RayJob to succeed');
    expect(
      finished.body.output.items.map((j: { name: string }) => j.name),
    ).toEqual(
      (await alpha.get(`/tenants/${TENANT}/rayjobs`)).body.items.map(
        (j: { name: string }) => j.name,
      ),
    );

    const logs = await invoke('alpha', 'get-ray-job-logs', {
      tenant: TENANT,
      name: 'from-agent',
      tail: 1,
    });
    expect(logs.status).toBe(200);
    expect(logs.body.output).toEqual({
      logs: 'hello from an agent\n',
      truncated: true,
      source: 'dashboard',
    });

    const clusters = await invoke('alpha', 'list-ray-clusters', {
      tenant: TENANT,
    });
    expect(clusters.status).toBe(200);
    expect(clusters.body.output.items).toEqual(
      (await alpha.get(`/tenants/${TENANT}/rayclusters`)).body.items.map(
        (cluster: object) => expect.objectContaining(cluster),
      ),
    );

    const everything = answers.text();
    expect(everything).toContain('API_KEY');
    expect(everything).not.toContain(SECRET_VALUE);
  });

  it("neither shows another team's member the tenant's workloads nor lets it submit one", async () => {
    for (const [action, input] of [
      ['list-ray-clusters', { tenant: TENANT }],
      ['list-ray-jobs', { tenant: TENANT }],
      ['get-ray-job-logs', { tenant: TENANT, name: 'from-agent' }],
      [
        'submit-ray-job',
        {
          tenant: TENANT,
          name: 'intruder',
          entrypoint: 'python -c "print(1)"',
          cluster: { existing: 'anything' },
        },
      ],
    ] as const) {
      const refused = await invoke('bravo', action, input);
      expect({ action, status: refused.status }).toEqual({
        action,
        status: 404,
      });
      expect(refused.body.error.message).toBe(`tenant "${TENANT}" not found`);
    }
    const jobs = await alpha.get(`/tenants/${TENANT}/rayjobs`);
    expect(jobs.body.items.map((j: { name: string }) => j.name)).not.toContain(
      'intruder',
    );
  });

  it("checks input with the REST API's rules, naming each field", async () => {
    const job = await invoke('alpha', 'submit-ray-job', {
      tenant: TENANT,
      name: 'Not_A_Name',
      entrypoint: 'python -c "print(1)"',
      cluster: { existing: 'rc' },
      priority: 'high',
    });
    expect(job.status).toBe(400);
    expect(job.body.error.message).toMatch(/name: .*lowercase/);
    expect(job.body.error.message).toContain('priority');

    const logs = await invoke('alpha', 'get-ray-job-logs', {
      tenant: TENANT,
      name: 'from-agent',
      tail: 0,
    });
    expect(logs.status).toBe(400);
    expect(logs.body.error.message).toContain('tail');
  });
});
