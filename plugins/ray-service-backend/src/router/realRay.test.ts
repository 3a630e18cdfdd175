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

import { KubeSim } from '@ray-service/kube-sim';
import {
  IsolationMode,
  RayClusterSpecInput,
} from '@ray-service/plugin-ray-service-common';
import request from 'supertest';
import { realRayHead } from '../__testUtils__/realRay';
import { recordedAnswers } from '../__testUtils__/recordedAnswers';
import {
  Api,
  createReadyTenant,
  inPhase,
  poll,
  startTestSim,
} from '../__testUtils__/tenantApi';
import { startTenantBackend } from '../__testUtils__/tenantBackend';

/*
 * The backend against a real Ray 2.60 head: kube-sim's KubeRay runs the
 * clusters, and every head Service's dashboard port leads, through kube-sim's
 * service proxy, to the one real head (scripts/ray-head.sh). Jobs really run
 * on it; Serve really deploys examples/ray-apps/echo.py.
 */

jest.setTimeout(15 * 60_000);

const head = realRayHead();
const describeWithRay = head ? describe : describe.skip;

const SECRET_VALUE = 'real-ray-env-value-never-shown';

const SMALL: RayClusterSpecInput = {
  head: { cpu: '1', memory: '2Gi' },
  workerGroups: [],
};

const SERVE_CONFIG = `applications:
  - name: echo
    route_prefix: /echo
    import_path: echo:app
`;

/**
 * A real head sets up runtime environments and starts Serve in its own time:
 * the first ones take a minute or more on a busy two-core machine.
 */
const RAY_PATIENCE = { timeoutMs: 5 * 60_000 };

const succeeded = (response: request.Response) =>
  ['Succeeded', 'Failed', 'Stopped'].includes(response.body.phase);

describeWithRay.each<IsolationMode>(['namespace', 'vcluster'])(
  'Ray workloads against a real Ray head, %s isolation',
  isolation => {
    const tenant = isolation === 'namespace' ? 'real-ns' : 'real-vc';
    const at = `/tenants/${tenant}`;
    let sim: KubeSim;
    let backend: { stop(): Promise<void> };
    let alpha: Api;
    const answers = recordedAnswers();
    const { seen } = answers;

    beforeAll(async () => {
      sim = await startTestSim(50, {
        rayDashboard: { url: head!.url, token: head!.token, pollMs: 250 },
      });
      const started = await startTenantBackend({ sim });
      backend = started.backend;
      alpha = started.api('alpha');
      await createReadyTenant(alpha, tenant, { isolation });
      const cluster = await alpha
        .post(`${at}/rayclusters`)
        .send({ name: 'rc', spec: SMALL });
      if (cluster.status !== 201) {
        throw new Error(`RayCluster not created: ${cluster.text}`);
      }
      await poll(alpha, `${at}/rayclusters/rc`, inPhase('Ready'));
    });
    afterAll(async () => {
      await backend?.stop();
      await sim?.stop();
    });

    it("reads the head's version, nodes and resource use from Ray itself", async () => {
      const status = seen(await alpha.get(`${at}/rayclusters/rc/ray/status`));
      expect(status.status).toBe(200);
      expect(status.body.ray).toEqual({
        version: '2.60.0',
        commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      });
      const cpu = status.body.usage.find(
        (u: { resource: string }) => u.resource === 'CPU',
      );
      expect(cpu.total).toBeGreaterThan(0);
      expect(cpu.used).toBeGreaterThanOrEqual(0);

      const nodes = seen(await alpha.get(`${at}/rayclusters/rc/ray/nodes`));
      expect(nodes.status).toBe(200);
      const [node] = nodes.body.items;
      expect(node).toMatchObject({
        nodeId: expect.stringMatching(/^[0-9a-f]{56}$/),
        isHead: true,
        state: 'ALIVE',
      });
      expect(node.resourcesTotal.CPU).toBe(cpu.total);
      expect(node.resourcesTotal.memory).toBeGreaterThan(0);
      expect(node.resourcesTotal.object_store_memory).toBeGreaterThan(0);
    });

    it('runs a RayJob on the cluster and one on a new cluster, with their logs', async () => {
      const submitted = seen(
        await alpha.post(`${at}/rayjobs`).send({
          name: 'squares',
          entrypoint: `python -c "import os, ray; ray.init(); sq = ray.remote(lambda x: x * x); print('sum of squares', sum(ray.get([sq.remote(i) for i in range(4)])), len(os.environ['API_KEY']))"`,
          runtimeEnv: { envVars: { API_KEY: SECRET_VALUE } },
          cluster: { existing: 'rc' },
        }),
      );
      expect(submitted.status).toBe(201);
      const fresh = seen(
        await alpha.post(`${at}/rayjobs`).send({
          name: 'fresh',
          entrypoint: 'echo hello from a new cluster',
          cluster: { new: SMALL },
        }),
      );
      expect(fresh.status).toBe(201);

      for (const [name, line] of [
        ['squares', `sum of squares 14 ${SECRET_VALUE.length}`],
        ['fresh', 'hello from a new cluster'],
      ]) {
        const done = await poll(
          alpha,
          `${at}/rayjobs/${name}`,
          succeeded,
          RAY_PATIENCE,
        );
        expect(done.body).toMatchObject({
          phase: 'Succeeded',
          jobStatus: 'SUCCEEDED',
        });
        const logs = seen(await alpha.get(`${at}/rayjobs/${name}/logs`));
        expect(logs.status).toBe(200);
        expect(logs.body.source).toBe('dashboard');
        expect(logs.body.logs).toContain(line);
      }

      const job = (await alpha.get(`${at}/rayjobs/squares`)).body;
      const onRay = seen(
        await alpha.get(`${at}/rayclusters/rc/ray/jobs/${job.submissionId}`),
      );
      expect(onRay.status).toBe(200);
      // Ray answers the variables in plain text; the portal names them only
      expect(onRay.body).toMatchObject({
        submissionId: job.submissionId,
        status: 'SUCCEEDED',
        envVarNames: ['API_KEY'],
      });
      const list = seen(await alpha.get(`${at}/rayclusters/rc/ray/jobs`));
      expect(
        list.body.items.map((j: { submissionId: string }) => j.submissionId),
      ).toContain(job.submissionId);
    });

    it("answers Ray's own refusals as clear errors", async () => {
      const unknown = await alpha.get(
        `${at}/rayclusters/rc/ray/jobs/no-such-job`,
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toContain(
        'Job no-such-job does not exist',
      );
      const noCluster = await alpha.get(`${at}/rayclusters/nope/ray/nodes`);
      expect(noCluster.status).toBe(404);
    });

    it('deploys a RayService whose Serve application Ray really runs', async () => {
      const created = seen(
        await alpha.post(`${at}/rayservices`).send({
          name: 'echo',
          serveConfig: SERVE_CONFIG,
          cluster: SMALL,
        }),
      );
      expect(created.status).toBe(201);
      const ready = await poll(
        alpha,
        `${at}/rayservices/echo`,
        // Ready means the Serve endpoints answer; an application already
        // on the head may still be redeploying the new config for a moment
        response =>
          inPhase('Ready')(response) &&
          response.body.applications?.every(
            (app: { status: string }) => app.status === 'RUNNING',
          ),
        RAY_PATIENCE,
      );
      expect(ready.body.applications).toEqual([
        expect.objectContaining({ name: 'echo', status: 'RUNNING' }),
      ]);
      // both isolations share one real head: the second deploy makes Ray
      // redeploy the same application, which is RUNNING again soon after
      const serve = seen(
        await poll(
          alpha,
          `${at}/rayclusters/${ready.body.clusterName}/ray/serve`,
          response =>
            response.status === 200 &&
            response.body.items.some(
              (app: { name: string; status: string }) =>
                app.name === 'echo' && app.status === 'RUNNING',
            ),
          RAY_PATIENCE,
        ),
      );
      expect(serve.body.items).toContainEqual(
        expect.objectContaining({
          name: 'echo',
          status: 'RUNNING',
          routePrefix: '/echo',
          deployments: [
            expect.objectContaining({ name: 'Echo', status: 'HEALTHY' }),
          ],
        }),
      );
    });

    it("never shows the head's token or a job's variables", () => {
      expect(answers.count()).toBeGreaterThan(5);
      const everything = answers.text();
      expect(everything).not.toContain(SECRET_VALUE);
      expect(everything).not.toContain(head!.token);
    });
  },
);
