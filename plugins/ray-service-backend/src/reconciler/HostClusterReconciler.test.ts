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

import { waitFor } from '../lib/__testUtils__/waitFor';
import { KubeConfig } from '@kubernetes/client-node';
import { AddressInfo, createServer } from 'node:net';
import {
  startTestCluster,
  TestCluster,
  PATIENT_TIMEOUT_MS,
} from '../kubernetes/__testUtils__/kubeSim';
import { ObjectClient } from '../kubernetes/ObjectClient';
import { PLANNED_KINDS } from '../vocabulary';
import { HostClusterReconciler } from './HostClusterReconciler';
import {
  desired,
  managedTenants,
  statusSummary,
  VCLUSTER_TENANT_READY,
  untilConverged,
} from './__testUtils__/tenants';
import type { TenantCondition } from './types';
import type { VClusterConnector } from './vcluster';

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise(done => server.close(done));
  return port;
}

/** Connects to a vcluster with its kubeconfig, server or token replaced. */
function rewritingConnector(rewrite: {
  server?: string;
  token?: string;
}): VClusterConnector {
  return kubeconfig => {
    const exported = new KubeConfig();
    exported.loadFromString(kubeconfig);
    const cluster = exported.getCurrentCluster()!;
    const user = exported.getCurrentUser()!;
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ ...cluster, server: rewrite.server ?? cluster.server }],
      users: [{ ...user, token: rewrite.token ?? user.token }],
      contexts: [{ name: 'vc', cluster: cluster.name, user: user.name }],
      currentContext: 'vc',
    });
    return ObjectClient.fromKubeConfig(kc, { timeoutMs: PATIENT_TIMEOUT_MS });
  };
}

const operatorCondition = (conditions: TenantCondition[]) =>
  conditions.find(c => c.type === 'OperatorReady');

describe('HostClusterReconciler on kube-sim', () => {
  let cluster: TestCluster;

  beforeEach(async () => {
    cluster = await startTestCluster();
  });

  afterEach(async () => {
    await cluster.sim.stop();
  });

  it('provisions a vcluster tenant until Ready, then stays in sync with no writes', async () => {
    const reconciler = new HostClusterReconciler(cluster.client);
    const alpha = desired({ name: 'alpha', isolation: 'vcluster' });

    const first = await reconciler.reconcile([alpha]);
    expect(first.tenants[0].status.phase).toBe('Provisioning');
    expect(first.stats.applies).toBe(alpha.plan!.length);

    const { passes, tenants } = await untilConverged(reconciler, [
      { ...alpha, status: first.tenants[0].status },
    ]);
    const ready = passes[passes.length - 1].tenants[0];
    expect(statusSummary(ready.status)).toEqual(VCLUSTER_TENANT_READY);
    expect(ready.status.observedGeneration).toBe(1);
    expect(
      ready.status.conditions.find(c => c.type === 'OperatorReady')?.message,
    ).toContain('in the vcluster');

    cluster.sim.stats.reset();
    const steady = await reconciler.reconcile(tenants);
    expect(steady.tenants[0]).toMatchObject({ converged: true });
    expect(steady.stats).toMatchObject({ applies: 0, deletes: 0, gets: 0 });
    expect(cluster.sim.stats.count({ verb: 'apply' })).toBe(0);
    expect(cluster.sim.stats.count({ verb: 'delete' })).toBe(0);
    expect(cluster.sim.stats.count({ verb: 'get' })).toBe(0);
    // one LIST per served kind, none for the unserved HelmChart
    for (const kind of PLANNED_KINDS.filter(k => k.kind !== 'HelmChart')) {
      const resource = kind.resource;
      expect([
        kind.kind,
        cluster.sim.stats.count({ verb: 'list', resource }),
      ]).toEqual([kind.kind, 1]);
    }
    expect(steady.stats.lists).toBe(PLANNED_KINDS.length - 1);
    // the transition times stay put
    expect(steady.tenants[0].status.conditions).toEqual(
      ready.status.conditions,
    );
  });

  it("reads the operator's synced pod on the host when the vcluster API is unreachable", async () => {
    const server = `https://127.0.0.1:${await closedPort()}`;
    const reconciler = new HostClusterReconciler(cluster.client, {
      connectVCluster: rewritingConnector({ server }),
    });
    const alpha = desired({ name: 'alpha', isolation: 'vcluster' });
    const { passes, tenants } = await untilConverged(reconciler, [alpha]);
    const ready = passes[passes.length - 1].tenants[0];
    expect(statusSummary(ready.status)).toEqual(VCLUSTER_TENANT_READY);
    const operator = operatorCondition(ready.status.conditions);
    expect(operator).toMatchObject({
      status: 'True',
      reason: 'OperatorPodReady',
    });
    expect(operator?.message).toMatch(
      /^the KubeRay operator's pod kuberay-system\/kuberay-operator-\S+ is Ready \(host pod ray-alpha\/\S+; read on the host because the vcluster API was unreachable: .*ECONNREFUSED/,
    );
    expect(
      cluster.sim.stats.count({ verb: 'list', resource: 'pods' }),
    ).toBeGreaterThan(0);

    // once Ready, neither the vcluster nor its pods are read again
    cluster.sim.stats.reset();
    const steady = await reconciler.reconcile(tenants);
    expect(steady.tenants[0]).toMatchObject({ converged: true });
    expect(steady.stats).toMatchObject({ applies: 0, deletes: 0, gets: 0 });
    expect(cluster.sim.stats.count({ verb: 'list', resource: 'pods' })).toBe(0);
    expect(steady.stats.lists).toBe(PLANNED_KINDS.length - 1);
    expect(steady.tenants[0].status.conditions).toEqual(
      ready.status.conditions,
    );
  });

  it('does not fall back to the host when the vcluster API refuses the credentials', async () => {
    const reconciler = new HostClusterReconciler(cluster.client, {
      connectVCluster: rewritingConnector({ token: 'not-the-vcluster-token' }),
    });
    let tenant = desired({ name: 'alpha', isolation: 'vcluster' });
    let operator: TenantCondition | undefined;
    await waitFor(async () => {
      const result = await reconciler.reconcile([tenant]);
      tenant = { ...tenant, status: result.tenants[0].status };
      operator = operatorCondition(result.tenants[0].status.conditions);
      return operator?.reason === 'VClusterUnreachable';
    }, 'OperatorReady to say the vcluster is unreachable');
    expect(operator).toMatchObject({
      status: 'Unknown',
      reason: 'VClusterUnreachable',
    });
    expect(operator?.message).toContain('HTTP 401');
    expect(tenant.status?.phase).toBe('Provisioning');
    // the synced pod is there, but an answer of the vcluster is not ignored
    expect(
      cluster.sim.objects.list('v1', 'Pod', { namespace: 'ray-alpha' }),
    ).toHaveLength(1);
    expect(cluster.sim.stats.count({ verb: 'list', resource: 'pods' })).toBe(0);
  });

  it('provisions a namespace-isolated tenant with its operator and add-on', async () => {
    const reconciler = new HostClusterReconciler(cluster.client);
    const beta = desired({ name: 'beta', isolation: 'namespace' });
    const { passes } = await untilConverged(reconciler, [beta]);
    const ready = passes[passes.length - 1].tenants[0];
    expect(statusSummary(ready.status)).toMatchObject({
      phase: 'Ready',
      OperatorReady: 'True',
      AddonsReady: 'True',
    });
    expect(
      cluster.sim.objects.get(
        'apps/v1',
        'Deployment',
        'ray-beta',
        'kuberay-operator',
      ),
    ).toBeDefined();
  });

  it('reports an upgrade of the template version until the release is upgraded', async () => {
    const reconciler = new HostClusterReconciler(cluster.client);
    const v1 = {
      name: 'alpha',
      isolation: 'vcluster',
      template: 'kuberay@1.0.0',
    } as const;
    const { tenants } = await untilConverged(reconciler, [desired(v1)]);

    const upgraded = {
      ...tenants[0],
      generation: 2,
      plan: desired({ ...v1, template: 'kuberay@2.0.0' }).plan,
    };
    const first = await reconciler.reconcile([upgraded]);
    expect(first.tenants[0].status.phase).toBe('Upgrading');
    expect(first.stats.applies).toBeGreaterThan(0);

    const { passes } = await untilConverged(reconciler, [
      { ...upgraded, status: first.tenants[0].status },
    ]);
    const phases = passes.map(p => p.tenants[0].status.phase);
    expect(phases[phases.length - 1]).toBe('Ready');
    expect(
      phases.filter(phase => phase !== 'Upgrading' && phase !== 'Ready'),
    ).toEqual([]);
    const release = cluster.sim.objects.get(
      'helm.toolkit.fluxcd.io/v2',
      'HelmRelease',
      'flux-system',
      'ray-alpha-vcluster',
    );
    expect(release?.status?.history?.[0]?.status).toBe('deployed');
    expect(release?.status?.history).toHaveLength(2);
  });

  it('deletes an object the plan no longer has', async () => {
    const reconciler = new HostClusterReconciler(cluster.client);
    const alpha = desired({ name: 'alpha', isolation: 'vcluster' });
    const { tenants } = await untilConverged(reconciler, [alpha]);
    const policies = () =>
      cluster.sim.objects.list('networking.k8s.io/v1', 'NetworkPolicy', {
        namespace: 'ray-alpha',
      });
    const before = policies().length;
    const smaller = {
      ...tenants[0],
      generation: 2,
      plan: alpha.plan!.filter(
        o => o.metadata.name !== 'ray-service-vcluster-charts',
      ),
    };
    const pass = await reconciler.reconcile([smaller]);
    expect(pass.stats).toMatchObject({ applies: 0, deletes: 1 });
    expect(policies().map(p => p.metadata.name)).not.toContain(
      'ray-service-vcluster-charts',
    );
    expect(policies()).toHaveLength(before - 1);
    expect(pass.tenants[0].status.observedGeneration).toBe(2);
  });

  it('tears a deleting tenant down and reports it gone', async () => {
    const reconciler = new HostClusterReconciler(cluster.client);
    const alpha = desired({ name: 'alpha', isolation: 'vcluster' });
    const { tenants } = await untilConverged(reconciler, [alpha]);

    const deleting = { ...tenants[0], deleting: true, generation: 2 };
    const first = await reconciler.reconcile([deleting]);
    expect(first.tenants[0].status.phase).toBe('Deleting');
    // releases and sources first, the namespace once they are gone
    expect(first.stats.deletes).toBe(2);
    expect(
      cluster.sim.objects.get('v1', 'Namespace', 'ray-alpha'),
    ).toBeDefined();

    const { passes } = await untilConverged(reconciler, [deleting]);
    const last = passes[passes.length - 1].tenants[0];
    expect(last).toMatchObject({ gone: true, converged: true });
    expect(
      cluster.sim.objects.get('v1', 'Namespace', 'ray-alpha'),
    ).toBeUndefined();
    expect(managedTenants(cluster.sim).size).toBe(0);
    // Volcano refuses to delete an open queue: it was closed first
    expect(
      passes.some(pass =>
        pass.tenants[0].status.conditions.some(
          c =>
            c.reason === 'Waiting' &&
            c.message.includes('Queue ray-alpha is Open; asked Volcano'),
        ),
      ),
    ).toBe(true);
    expect(
      cluster.sim.stats.count({ verb: 'apply', resource: 'commands' }),
    ).toBeGreaterThan(0);
    expect(
      cluster.sim.stats.count({ verb: 'delete', resource: 'queues' }),
    ).toBe(1);
    expect(
      cluster.sim.vcluster('ray-alpha', 'ray-alpha-vcluster'),
    ).toBeUndefined();
  });

  it('deletes what belongs to tenants it does not know', async () => {
    const reconciler = new HostClusterReconciler(cluster.client);
    await untilConverged(reconciler, [
      desired({ name: 'alpha', isolation: 'namespace' }),
      desired({ name: 'stale', isolation: 'namespace' }),
    ]);
    const alpha = desired({ name: 'alpha', isolation: 'namespace' });
    const first = await reconciler.reconcile([alpha]);
    expect(first.orphans).toEqual(['stale']);
    await untilConverged(reconciler, [alpha]);
    expect([...managedTenants(cluster.sim)]).toEqual(['alpha']);
  });

  it('with a scope, judges only the tenants in it: others are neither probed, written nor torn down', async () => {
    const reconciler = new HostClusterReconciler(cluster.client);
    await untilConverged(reconciler, [
      desired({ name: 'alpha', isolation: 'namespace' }),
      desired({ name: 'stale', isolation: 'namespace' }),
      desired({ name: 'other', isolation: 'namespace' }),
    ]);
    const alpha = desired({ name: 'alpha', isolation: 'namespace' });
    cluster.sim.stats.reset();
    // 'other' is out of scope and unknown to this call: it stays
    const first = await reconciler.reconcile(
      [alpha],
      new Set(['alpha', 'stale']),
    );
    expect(first.orphans).toEqual(['stale']);
    expect(first.tenants.map(t => t.name)).toEqual(['alpha']);
    expect(
      cluster.sim.stats.requests.filter(
        r => r.verb !== 'list' && r.namespace === 'ray-other',
      ),
    ).toEqual([]);
    const scope = new Set(['alpha', 'stale']);
    await waitFor(async () => {
      await reconciler.reconcile([alpha], scope);
      return !managedTenants(cluster.sim).has('stale');
    }, 'the orphan in scope torn down');
    expect([...managedTenants(cluster.sim)].sort()).toEqual(['alpha', 'other']);
  });

  it('only sees the objects of its own portal instance', async () => {
    const staging = new HostClusterReconciler(cluster.client, {
      instance: 'staging',
    });
    const alpha = desired({
      name: 'alpha',
      isolation: 'namespace',
      instance: 'staging',
    });
    await untilConverged(staging, [alpha]);
    const alphaObjects = () =>
      cluster.sim.objects
        .list('v1', 'Namespace', {
          labelSelector: { 'ray-service.io/tenant': 'alpha' },
        })
        .map(ns => ns.metadata?.labels?.['ray-service.io/instance']);
    expect(alphaObjects()).toEqual(['staging']);

    // Another portal (the default instance) without tenants: nothing is
    // its own, so nothing is an orphan.
    cluster.sim.stats.reset();
    const other = new HostClusterReconciler(cluster.client);
    const empty = await other.reconcile([]);
    expect(empty.orphans).toEqual([]);
    expect(empty.stats).toMatchObject({ applies: 0, deletes: 0 });
    expect(cluster.sim.stats.count({ verb: 'delete' })).toBe(0);
    expect(cluster.sim.stats.count({ verb: 'patch' })).toBe(0);

    // With a tenant of its own, which it provisions and later tears down.
    const beta = desired({ name: 'beta', isolation: 'namespace' });
    const { tenants } = await untilConverged(other, [beta]);
    expect([...managedTenants(cluster.sim, 'default')]).toEqual(['beta']);
    await untilConverged(other, [
      { ...tenants[0], deleting: true, generation: 2 },
    ]);
    expect([...managedTenants(cluster.sim, 'default')]).toEqual([]);

    // Staging's tenant is untouched and in sync.
    expect([...managedTenants(cluster.sim, 'staging')]).toEqual(['alpha']);
    expect(alphaObjects()).toEqual(['staging']);
    const steady = await staging.reconcile([alpha]);
    expect(steady.orphans).toEqual([]);
    expect(steady.stats).toMatchObject({ applies: 0, deletes: 0 });
  });

  it('leaves a tenant without a plan alone', async () => {
    const reconciler = new HostClusterReconciler(cluster.client);
    const { tenants } = await untilConverged(reconciler, [
      desired({ name: 'alpha', isolation: 'namespace' }),
    ]);
    const pass = await reconciler.reconcile([
      { ...tenants[0], plan: undefined, generation: 2 },
    ]);
    expect(pass.stats).toMatchObject({ applies: 0, deletes: 0 });
    expect(pass.tenants[0]).toMatchObject({ converged: false });
    expect(pass.tenants[0].status.phase).toBe('Ready');
    expect(
      pass.tenants[0].status.conditions.find(c => c.type === 'Reconciled'),
    ).toMatchObject({ status: 'False', reason: 'NoPlan' });
  });

  describe('on a k3s host', () => {
    let k3s: TestCluster;

    beforeEach(async () => {
      k3s = await startTestCluster({ seedDeliveryController: 'k3s' });
    });

    afterEach(async () => {
      await k3s.sim.stop();
    });

    it.each(['vcluster', 'namespace'] as const)(
      'provisions a %s tenant through HelmCharts and their install Jobs',
      async isolation => {
        const reconciler = new HostClusterReconciler(k3s.client);
        const alpha = desired({
          name: 'alpha',
          isolation,
          delivery: 'helmChart',
        });
        const { passes } = await untilConverged(reconciler, [alpha]);
        const ready = passes[passes.length - 1].tenants[0].status;
        expect(ready.phase).toBe('Ready');
        const release = ready.conditions.find(
          c =>
            c.type ===
            (isolation === 'vcluster' ? 'ControlPlaneReady' : 'OperatorReady'),
        );
        expect(release).toMatchObject({ status: 'True' });
        expect(
          passes.some(p =>
            p.tenants[0].status.conditions.some(
              c => c.reason === 'Installing' || c.reason === 'Pending',
            ),
          ),
        ).toBe(true);
      },
    );
  });
});
