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

import type { AuditEvent } from '@ray-service/kube-control-plane';
import type { KubeObject } from '@ray-service/kube-sim';
import {
  admin,
  startTestPortal,
  TestPortal,
} from '../__testUtils__/testPortal';
import { ObjectClient } from '../kubernetes/ObjectClient';
import { kubeConfigFor } from '../kubernetes/kubeConfig';
import { HostClusterReconciler } from '../reconciler';
import { shippedPlan } from '../reconciler/__testUtils__/tenants';
import {
  QUEUE_TEARDOWN_ANNOTATION,
  VOLCANO_QUEUE_API_VERSION,
} from '../vocabulary';
import { passUntil } from './__testUtils__/passes';
import { summarize } from './__testUtils__/requestAccounting';
import {
  clusterAdminIdentity,
  describeWithRealHost,
  Identity,
  RealHost,
  START_TIMEOUT_MS,
  startRealHost,
} from './__testUtils__/realHost';
import { StandInControllers } from './__testUtils__/standInControllers';

/**
 * What a real cluster does that kube-sim did not, on a host with Flux and
 * without k3s's HelmChart: discovery of kinds it does not serve, a teardown
 * that waits for Volcano, a tenant created again while its namespace and
 * queue are being torn down, a server-side apply answered with 500.
 */

jest.setTimeout(180_000);

const describeReal = describeWithRealHost('behaviour.test.ts');

const ONLY_DELIVERY = { delivery: true };
const EVERY_CONTROLLER = { delivery: true, volcano: true };

function request(name: string) {
  return {
    name,
    owner: 'group:default/ml-team-alpha',
    profile: 'small',
    templateVersion: 'kuberay@1.0.0',
    isolation: 'namespace' as const,
    hostCluster: 'real',
  };
}

describeReal('a real host cluster with Flux and without HelmChart', () => {
  let host: RealHost;
  let standIns: StandInControllers;
  let identity: Identity;
  let portal: TestPortal;

  /** The portal's requests from here on, as the audit log has them. */
  function auditFrom() {
    const from = host.audit(identity.username).length;
    return () => host.audit(identity.username).slice(from);
  }

  const queue = (name: string) =>
    host.admin.getJson<KubeObject>(
      `/apis/${VOLCANO_QUEUE_API_VERSION}/queues/ray-${name}`,
    );

  beforeAll(async () => {
    host = await startRealHost({ deliveryController: 'flux' });
    standIns = new StandInControllers(host.admin);
    identity = await clusterAdminIdentity(host);
    portal = await startTestPortal(host.hostClusterConfig(identity.token));
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await portal?.stop();
    await host?.stop();
  });

  /** Creates a tenant and passes (every controller acting) until it is Ready. */
  async function createReady(name: string, on: TestPortal = portal) {
    await on.tenants.create(admin, request(name));
    await passUntil(
      on,
      standIns,
      async () => (await on.tenant(name))?.phase === 'Ready',
      `tenant ${name} Ready`,
      EVERY_CONTROLLER,
    );
  }

  /** Deletes a tenant (if not asked already) and passes until it is gone. */
  async function deleteUntilGone(name: string, on: TestPortal = portal) {
    if (!(await on.tenant(name))?.deletionRequestedAt) {
      await on.tenants.delete(admin, name);
    }
    await passUntil(
      on,
      standIns,
      async () => (await on.tenant(name)) === undefined,
      `tenant ${name} gone`,
      EVERY_CONTROLLER,
    );
  }

  /** Discovery of group versions (not `/version`, which preflight reads). */
  const discoveryOf = (events: AuditEvent[]) =>
    summarize(events).discovery.filter(d => d.startsWith('/api'));

  it('asks discovery once per group version: a steady pass asks nothing, also about kinds the host does not serve', async () => {
    const requests = auditFrom();
    await createReady('steady');
    const asked = discoveryOf(requests()).filter(d =>
      d.startsWith('/apis/helm.cattle.io/v1 '),
    );
    // preflight asked once; the passes reused its answer
    expect(asked).toEqual(['/apis/helm.cattle.io/v1 404']);
    const steady = auditFrom();
    for (let i = 0; i < 3; i++) {
      await portal.pass();
    }
    expect(discoveryOf(steady())).toEqual([]);
  });

  it('makes no write while a deleted tenant waits for Volcano to close its queue', async () => {
    await portal.tenants.delete(admin, 'steady');
    // Flux uninstalls, the namespace goes; Volcano does not act
    const waiting = await passUntil(
      portal,
      standIns,
      async () => {
        const tenant = await portal.tenant('steady');
        const reconciled = tenant?.conditions.find(
          c => c.type === 'Reconciled',
        );
        return (
          reconciled?.message ===
            'a Volcano queue is deleted once closed: Queue ray-steady is Open; asked Volcano to close it' &&
          tenant
        );
      },
      'tenant steady waiting for its queue',
      ONLY_DELIVERY,
    );
    expect(waiting.phase).toBe('Deleting');
    expect((await queue('steady')).metadata.annotations).toMatchObject({
      [QUEUE_TEARDOWN_ANNOTATION]: 'true',
    });
    const requests = auditFrom();
    for (let i = 0; i < 3; i++) {
      const report = await portal.pass();
      expect(report.statusWrites).toBe(0);
    }
    expect(summarize(requests()).writes).toEqual([]);
    // once Volcano closes it, the queue goes and so does the tenant
    await deleteUntilGone('steady');
  });

  it('waits when a tenant is created again while its earlier namespace and queue are torn down, and ends Ready with a new, open queue', async () => {
    await createReady('phoenix');
    const earlier = await queue('phoenix');

    // a portal that lost its database: phoenix's objects are an orphan's
    const amnesic = await startTestPortal(
      host.hostClusterConfig(identity.token),
    );
    try {
      await passUntil(
        amnesic,
        standIns,
        async () =>
          (
            await queue('phoenix')
          ).metadata.annotations?.[QUEUE_TEARDOWN_ANNOTATION],
        'the orphan queue marked for teardown',
        ONLY_DELIVERY,
      );
      // created again before Volcano closed the queue
      await amnesic.tenants.create(admin, request('phoenix'));
      const requests = auditFrom();
      await amnesic.pass();
      const tenant = await amnesic.tenant('phoenix');
      expect(
        tenant?.conditions.find(c => c.type === 'Reconciled'),
      ).toMatchObject({
        status: 'False',
        reason: 'Waiting',
        message: expect.stringContaining(
          'an earlier tenant of this name is being torn down',
        ),
      });
      expect(summarize(requests()).writes).toEqual([]);
      expect((await queue('phoenix')).metadata.uid).toBe(earlier.metadata.uid);

      const ready = await passUntil(
        amnesic,
        standIns,
        async () => {
          const current = await amnesic.tenant('phoenix');
          return current?.phase === 'Ready' && current;
        },
        'tenant phoenix Ready again',
        EVERY_CONTROLLER,
      );
      expect(ready.conditions.find(c => c.type === 'QueueReady')).toMatchObject(
        { status: 'True', reason: 'Open' },
      );
      const fresh = await queue('phoenix');
      expect(fresh.metadata.uid).not.toBe(earlier.metadata.uid);
      expect(fresh.status).toEqual({ state: 'Open' });
      expect(fresh.metadata.annotations?.[QUEUE_TEARDOWN_ANNOTATION]).toBe(
        undefined,
      );
      await deleteUntilGone('phoenix', amnesic);
    } finally {
      await amnesic.stop();
    }
  });

  it("shows the API server's message for a server-side apply answered with 500 (wrong type), as an invalid object", async () => {
    const client = ObjectClient.fromKubeConfig(
      kubeConfigFor(host.hostClusterConfig(identity.token)),
      { timeoutMs: 30_000 },
    );
    try {
      const plan = shippedPlan({ name: 'typo', isolation: 'namespace' }).map(
        object =>
          object.kind === 'LimitRange'
            ? {
                ...object,
                spec: { limits: [{ type: 'Container', max: { cpu: true } }] },
              }
            : object,
      );
      const reconciler = new HostClusterReconciler(client, {
        deliveryController: 'flux',
      });
      const { tenants } = await reconciler.reconcile([
        { name: 'typo', generation: 1, deleting: false, plan },
      ]);
      expect(tenants[0].status.phase).toBe('Failed');
      expect(
        tenants[0].status.conditions.find(c => c.type === 'Reconciled'),
      ).toMatchObject({
        status: 'False',
        reason: 'Invalid',
        message: expect.stringMatching(
          /^apply LimitRange ray-typo\/ray-service-limits: HTTP 500: failed to convert new object .*quantities must match/,
        ),
      });
      // tear it down again
      await new HostClusterReconciler(client, {
        deliveryController: 'flux',
      }).reconcile([{ name: 'typo', generation: 1, deleting: true, plan }]);
    } finally {
      await client.close();
    }
  });

  it('asks discovery again after a list answered 404: a CRD was removed', async () => {
    await host.kubectl([
      'delete',
      'crd',
      'ocirepositories.source.toolkit.fluxcd.io',
    ]);
    const requests = auditFrom();
    await portal.pass();
    await portal.pass();
    // the list answered 404, discovery was asked again and said "not served"
    expect(
      requests()
        .filter(e => e.objectRef?.resource === 'ocirepositories')
        .map(e => `${e.verb} ${e.responseStatus?.code}`),
    ).toEqual(['list 404']);
    expect(discoveryOf(requests())).toEqual([
      '/apis/source.toolkit.fluxcd.io/v1 200',
    ]);
    const third = auditFrom();
    await portal.pass();
    expect(discoveryOf(third())).toEqual([]);
    expect(summarize(third()).lists).not.toHaveProperty(
      'source.toolkit.fluxcd.io/ocirepositories',
    );
  });
});
