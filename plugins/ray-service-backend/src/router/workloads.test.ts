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
  AuditEntry,
  IsolationMode,
  RayClusterSpecInput,
} from '@ray-service/plugin-ray-service-common';
import { Server } from 'node:http';
import request from 'supertest';
import { parse } from 'yaml';
import { recordedAnswers } from '../__testUtils__/recordedAnswers';
import {
  Api,
  apiFor,
  createReadyTenant,
  inPhase,
  poll,
  startTestSim,
} from '../__testUtils__/tenantApi';
import { startTenantBackend } from '../__testUtils__/tenantBackend';
import {
  CONFORMANCE_DIR,
  conformanceUnavailable,
  crdValidators,
  describeErrors,
} from '../planner/__testUtils__/conformance';
import { JOB_TRACKER_TASK_ID } from '../services/workloads/JobTracker';
import { waitFor } from '../lib/__testUtils__/waitFor';
import { tenantNamespace, vclusterReleaseName } from '../vocabulary';

jest.setTimeout(120_000);

const SECRET_VALUE = 'job-env-value-never-shown';

const clusterSpec = (
  spec: Partial<RayClusterSpecInput> = {},
): RayClusterSpecInput => ({
  head: { cpu: '1', memory: '2Gi' },
  workerGroups: [
    {
      name: 'cpu',
      replicas: 1,
      minReplicas: 0,
      maxReplicas: 2,
      cpu: '1',
      memory: '2Gi',
    },
  ],
  ...spec,
});

const SERVE_CONFIG = `applications:
  - name: echo
    route_prefix: /echo
    import_path: echo.app:deployment
    deployments:
      - name: Echo
        num_replicas: 1
`;

/** The Ray tokens KubeRay made for the tenant's RayClusters (in the host or its vcluster). */
function rayTokensOf(sim: KubeSim, tenant: string): string[] {
  const namespace = tenantNamespace(tenant);
  const vcluster = sim.vcluster(namespace, vclusterReleaseName(tenant));
  return (vcluster ?? sim).objects
    .list('v1', 'Secret', { namespace: vcluster ? 'default' : namespace })
    .flatMap(secret =>
      secret.data?.auth_token
        ? [Buffer.from(secret.data.auth_token, 'base64').toString()]
        : [],
    );
}

/** Moves the simulated Ray clock along while polling, so jobs and Serve apps take their steps. */
function pollRay(
  sim: KubeSim,
  api: Api,
  path: string,
  until: (response: request.Response) => boolean,
) {
  return poll(api, path, response => {
    sim.ray.advance(500);
    return until(response);
  });
}

describe.each<IsolationMode>(['namespace', 'vcluster'])(
  'Ray workloads in a %s tenant',
  isolation => {
    const tenant = isolation === 'namespace' ? 'wl-ns' : 'wl-vc';
    const at = `/tenants/${tenant}`;
    let sim: KubeSim;
    let server: Server;
    let backend: { stop(): Promise<void> };
    let scheduler: { triggerTask(id: string): Promise<void> };
    let admin: Api;
    let alpha: Api;
    let bravo: Api;
    const answers = recordedAnswers();
    const { seen } = answers;

    beforeAll(async () => {
      sim = await startTestSim();
      const started = await startTenantBackend({ sim });
      ({ server, backend, scheduler } = started);
      admin = started.api('admin');
      alpha = started.api('alpha');
      bravo = started.api('bravo');
      await createReadyTenant(alpha, tenant, { isolation });
    });
    afterAll(async () => {
      await backend.stop();
      await sim.stop();
    });

    it('plans a RayCluster without writing it: YAML valid against the KubeRay CRDs', async () => {
      const plan = seen(
        await alpha
          .post(`${at}/rayclusters/plan`)
          .send({ name: 'rc', spec: clusterSpec() }),
      );
      expect(plan.status).toBe(200);
      const object = parse(plan.body.yaml);
      expect(object).toEqual(plan.body.object);
      expect(object).toMatchObject({
        apiVersion: 'ray.io/v1',
        kind: 'RayCluster',
        metadata: { name: 'rc' },
        spec: { authOptions: { mode: 'token' } },
      });
      const validate = conformanceUnavailable()
        ? undefined
        : crdValidators(CONFORMANCE_DIR!).get('ray.io/v1/RayCluster')!;
      expect(
        !validate || validate(object) ? [] : describeErrors(validate),
      ).toEqual([]);
      expect((await alpha.get(`${at}/rayclusters/rc`)).status).toBe(404);
    });

    it('creates a RayCluster, sees it become ready, reads its nodes and resource use from its Ray head', async () => {
      const created = seen(
        await alpha
          .post(`${at}/rayclusters`)
          .send({ name: 'rc', spec: clusterSpec() }),
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'rc',
        tenant,
        phase: 'Pending',
        warnings: [],
      });

      const ready = await poll(
        alpha,
        `${at}/rayclusters/rc`,
        response =>
          inPhase('Ready')(response) &&
          response.body.workerGroups[0].ready === 1,
      );
      expect(ready.body).toMatchObject({
        head: { ready: true, serviceName: 'rc-head-svc' },
        workerGroups: [{ name: 'cpu', desired: 1, ready: 1 }],
        spec: clusterSpec({ auth: 'token', scheduler: 'volcano' }),
      });

      const list = seen(await alpha.get(`${at}/rayclusters`));
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: { name: string }) => c.name)).toEqual([
        'rc',
      ]);

      const nodes = seen(await alpha.get(`${at}/rayclusters/rc/ray/nodes`));
      expect(nodes.status).toBe(200);
      expect(nodes.body.items).toHaveLength(2);
      expect(nodes.body.items[0]).toMatchObject({
        isHead: true,
        state: 'ALIVE',
        resourcesTotal: { CPU: 1 },
      });

      const status = seen(await alpha.get(`${at}/rayclusters/rc/ray/status`));
      expect(status.status).toBe(200);
      expect(status.body.usage).toContainEqual({
        resource: 'CPU',
        used: 0,
        total: 2,
      });

      const usage = await poll(
        alpha,
        `${at}/usage`,
        response =>
          response.body.resources?.find(
            (r: { resource: string }) => r.resource === 'requests.cpu',
          )?.used === '2',
      );
      expect(usage.body).toMatchObject({
        tenant,
        namespace: tenantNamespace(tenant),
      });
    });

    it('submits a RayJob to that cluster and one to a new cluster, follows them, reads their logs', async () => {
      const toExisting = seen(
        await alpha.post(`${at}/rayjobs`).send({
          name: 'hello',
          entrypoint: `python -c 'print("hello from the existing cluster")'`,
          cluster: { existing: 'rc' },
          runtimeEnv: { envVars: { API_KEY: SECRET_VALUE } },
        }),
      );
      expect(toExisting.status).toBe(201);
      expect(toExisting.body).toMatchObject({
        name: 'hello',
        clusterName: 'rc',
        newCluster: false,
        runtimeEnv: { envVarNames: ['API_KEY'] },
      });
      const toNew = seen(
        await alpha.post(`${at}/rayjobs`).send({
          name: 'fresh',
          entrypoint: `python -c 'print("hello from a new cluster")'`,
          cluster: { new: clusterSpec({ workerGroups: [] }) },
        }),
      );
      expect(toNew.status).toBe(201);
      expect(toNew.body.newCluster).toBe(true);

      for (const name of ['hello', 'fresh']) {
        const done = await pollRay(
          sim,
          alpha,
          `${at}/rayjobs/${name}`,
          inPhase('Succeeded'),
        );
        expect(done.body).toMatchObject({
          jobStatus: 'SUCCEEDED',
          submissionId: expect.any(String),
        });
      }
      const logs = seen(await alpha.get(`${at}/rayjobs/hello/logs?tail=1`));
      expect(logs.status).toBe(200);
      expect(logs.body).toEqual({
        logs: 'hello from the existing cluster\n',
        truncated: true,
        source: 'dashboard',
      });

      const onDashboard = await poll(
        alpha,
        `${at}/rayclusters/rc/ray/jobs`,
        response =>
          response.body.items?.some(
            (job: { status: string }) => job.status === 'SUCCEEDED',
          ),
      );
      seen(onDashboard);
      expect(onDashboard.body.items[0]).toMatchObject({
        entrypoint: expect.stringContaining('existing cluster'),
        envVarNames: ['API_KEY'],
      });
    });

    it('keeps a finished job in the job history, with its log, after its cluster is gone', async () => {
      const history = await waitFor(async () => {
        await scheduler.triggerTask(JOB_TRACKER_TASK_ID);
        const response = await alpha.get(`${at}/job-history`);
        return (
          response.body.items?.some(
            (entry: { name: string }) => entry.name === 'fresh',
          ) && response
        );
      }, 'the job tracker to keep the finished job');
      seen(history);
      expect(
        history.body.items.find(
          (entry: { name: string }) => entry.name === 'fresh',
        ),
      ).toMatchObject({ status: 'SUCCEEDED' });

      expect((await alpha.delete(`${at}/rayjobs/fresh`)).status).toBe(204);
      await poll(
        alpha,
        `${at}/rayjobs/fresh`,
        response => response.status === 404,
      );
      const logs = seen(await alpha.get(`${at}/rayjobs/fresh/logs`));
      expect(logs.status).toBe(200);
      expect(logs.body).toMatchObject({
        source: 'history',
        logs: expect.stringContaining('hello from a new cluster'),
      });
    });

    it('deploys a RayService and reads its Serve application, then changes it', async () => {
      const created = seen(
        await alpha.post(`${at}/rayservices`).send({
          name: 'echo',
          serveConfig: SERVE_CONFIG,
          cluster: clusterSpec({ workerGroups: [] }),
        }),
      );
      expect(created.status).toBe(201);
      const ready = await pollRay(
        sim,
        alpha,
        `${at}/rayservices/echo`,
        inPhase('Ready'),
      );
      expect(ready.body.applications).toEqual([
        expect.objectContaining({ name: 'echo', status: 'RUNNING' }),
      ]);
      const serve = seen(
        await alpha.get(
          `${at}/rayclusters/${ready.body.clusterName}/ray/serve`,
        ),
      );
      expect(serve.status).toBe(200);
      expect(serve.body.items).toEqual([
        expect.objectContaining({
          name: 'echo',
          status: 'RUNNING',
          routePrefix: '/echo',
        }),
      ]);

      const changed = seen(
        await alpha.put(`${at}/rayservices/echo`).send({
          serveConfig: SERVE_CONFIG.replace(
            'num_replicas: 1',
            'num_replicas: 2',
          ),
          cluster: clusterSpec({ workerGroups: [] }),
        }),
      );
      expect(changed.status).toBe(200);
      expect(changed.body.serveConfig).toContain('num_replicas: 2');
    });

    it('scales, suspends, resumes and deletes a RayCluster', async () => {
      const scaled = seen(
        await alpha
          .patch(`${at}/rayclusters/rc`)
          .send({ workerGroups: [{ name: 'cpu', replicas: 2 }] }),
      );
      expect(scaled.status).toBe(200);
      await poll(
        alpha,
        `${at}/rayclusters/rc`,
        response => response.body.workerGroups?.[0]?.ready === 2,
      );

      expect(
        (await alpha.patch(`${at}/rayclusters/rc`).send({ suspend: true }))
          .status,
      ).toBe(200);
      await poll(alpha, `${at}/rayclusters/rc`, inPhase('Suspended'));
      expect(
        (await alpha.patch(`${at}/rayclusters/rc`).send({ suspend: false }))
          .status,
      ).toBe(200);
      await poll(alpha, `${at}/rayclusters/rc`, inPhase('Ready'));

      const unknownGroup = await alpha
        .patch(`${at}/rayclusters/rc`)
        .send({ workerGroups: [{ name: 'gpu', replicas: 1 }] });
      expect(unknownGroup.status).toBe(400);
      expect(unknownGroup.body.error.message).toBe(
        'workerGroups.0.name: RayCluster "rc" has no worker group "gpu" (it has cpu)',
      );

      // the job that used the cluster goes first, as a user would clean up
      expect((await alpha.delete(`${at}/rayjobs/hello`)).status).toBe(204);
      expect((await alpha.delete(`${at}/rayclusters/rc`)).status).toBe(204);
      await poll(
        alpha,
        `${at}/rayclusters/rc`,
        response => response.status === 404,
      );
      expect((await alpha.delete(`${at}/rayclusters/rc`)).status).toBe(404);
    });

    it('refuses a workload that cannot fit with a 400 naming the field and the numbers; a maximum above the free quota is a warning', async () => {
      const tooBig = await alpha.post(`${at}/rayclusters`).send({
        name: 'big',
        spec: clusterSpec({
          workerGroups: [
            {
              name: 'cpu',
              replicas: 20,
              minReplicas: 20,
              maxReplicas: 20,
              cpu: '1',
              memory: '1Gi',
            },
          ],
        }),
      });
      expect(tooBig.status).toBe(400);
      expect(tooBig.body.error.message).toMatch(
        /^spec\.workerGroups\.0\.replicas: 20 × 1 cpu needs 20, the tenant has \d+m free of \d+m$/,
      );
      const badName = await alpha
        .post(`${at}/rayclusters`)
        .send({ name: 'Not_A_Name', spec: clusterSpec() });
      expect(badName.status).toBe(400);
      expect(badName.body.error.message).toContain('name');
      const contradictory = await alpha.post(`${at}/rayclusters`).send({
        name: 'upside-down',
        spec: clusterSpec({
          workerGroups: [
            {
              name: 'cpu',
              replicas: 1,
              minReplicas: 3,
              maxReplicas: 2,
              cpu: '1',
              memory: '1Gi',
            },
          ],
        }),
      });
      expect(contradictory.status).toBe(422);
      expect(contradictory.body.details).toEqual([
        {
          field: 'spec.workerGroups.0.minReplicas',
          message: 'must not exceed maxReplicas (2)',
        },
        {
          field: 'spec.workerGroups.0.replicas',
          message: 'must be between minReplicas (3) and maxReplicas (2)',
        },
      ]);

      const stretchy = await alpha.post(`${at}/rayclusters/plan`).send({
        name: 'stretchy',
        spec: clusterSpec({
          autoscaling: { enabled: true },
          workerGroups: [
            {
              name: 'cpu',
              replicas: 1,
              minReplicas: 1,
              maxReplicas: 40,
              cpu: '1',
              memory: '1Gi',
            },
          ],
        }),
      });
      expect(stretchy.status).toBe(200);
      expect(stretchy.body.warnings).toContainEqual(
        expect.stringMatching(
          /^at its maximum the cluster would need 41 cpu, more than the \d+m the tenant has free: workers beyond it stay Pending$/,
        ),
      );
      expect(
        sim.objects.list('ray.io/v1', 'RayCluster').map(o => o.metadata.name),
      ).not.toContain('big');
    });

    it("hides the tenant's workloads from another team (404) and lets an automation token read them", async () => {
      expect((await bravo.get(`${at}/rayclusters`)).status).toBe(404);
      expect((await bravo.get(`${at}/rayservices/echo`)).status).toBe(404);
      expect(
        (
          await bravo
            .post(`${at}/rayclusters`)
            .send({ name: 'intruder', spec: clusterSpec() })
        ).status,
      ).toBe(404);
      expect((await bravo.delete(`${at}/rayservices/echo`)).status).toBe(404);
      const automation = apiFor(server, 'service');
      expect((await automation.get(`${at}/rayservices`)).status).toBe(200);
    });

    it('records every workload change in the audit log with the user', async () => {
      const audit = await admin.get('/audit?limit=200');
      const actions = (audit.body.items as AuditEntry[])
        .filter(entry => entry.target.name.startsWith(`${tenant}/`))
        .map(entry => `${entry.action} ${entry.target.name} ${entry.actor}`);
      const by = 'user:default/alice.alpha';
      expect(actions).toEqual(
        expect.arrayContaining([
          `rayCluster.create ${tenant}/rc ${by}`,
          `rayCluster.update ${tenant}/rc ${by}`,
          `rayCluster.delete ${tenant}/rc ${by}`,
          `rayJob.submit ${tenant}/hello ${by}`,
          `rayJob.delete ${tenant}/fresh ${by}`,
          `rayService.create ${tenant}/echo ${by}`,
          `rayService.update ${tenant}/echo ${by}`,
        ]),
      );
      expect(JSON.stringify(audit.body)).not.toContain(SECRET_VALUE);
    });

    it("never shows the Ray token or a job's variables", () => {
      const tokens = rayTokensOf(sim, tenant);
      expect(tokens.length).toBeGreaterThan(0);
      expect(answers.count()).toBeGreaterThan(10);
      const everything = answers.text();
      for (const secret of [SECRET_VALUE, ...tokens]) {
        expect(everything).not.toContain(secret);
      }
    });
  },
);

describe('the list of a workload kind, reused between requests', () => {
  const tenant = 'wl-lists';
  const at = `/tenants/${tenant}`;
  let sim: KubeSim;
  let backend: { stop(): Promise<void> };
  let alpha: Api;
  const names = async () =>
    (await alpha.get(`${at}/rayclusters`)).body.items.map(
      (cluster: { name: string }) => cluster.name,
    );

  beforeAll(async () => {
    sim = await startTestSim();
    // an hour: what the list shows below depends on the portal's changes alone
    const started = await startTenantBackend(
      { sim },
      { rayService: { workloads: { listCacheSeconds: 3600 } } },
    );
    backend = started.backend;
    alpha = started.api('alpha');
    await createReadyTenant(alpha, tenant, { isolation: 'namespace' });
  });
  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
  });

  it("shows the portal's own creates and deletes at once, and others' changes once it is listed again", async () => {
    expect(await names()).toEqual([]);
    expect(
      (
        await alpha
          .post(`${at}/rayclusters`)
          .send({ name: 'mine', spec: clusterSpec() })
      ).status,
    ).toBe(201);
    expect(await names()).toEqual(['mine']);

    // made with kubectl, say: the reused list does not know it yet
    sim.objects.put({
      apiVersion: 'ray.io/v1',
      kind: 'RayCluster',
      metadata: { name: 'theirs', namespace: tenantNamespace(tenant) },
      spec: { headGroupSpec: { template: { spec: { containers: [] } } } },
    });
    expect(await names()).toEqual(['mine']);
    // the next change through the portal lists again
    expect((await alpha.delete(`${at}/rayclusters/mine`)).status).toBe(204);
    expect(await names()).toEqual(['theirs']);
  });
});
