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

import { minimalRbacYaml, rbacRules } from '../hostClusters/rbac';
import { waitFor } from '../lib/__testUtils__/waitFor';
import {
  admin,
  startTestPortal,
  TestPortal,
} from '../__testUtils__/testPortal';
import { tenantNamespace } from '../vocabulary';
import { passUntil } from './__testUtils__/passes';
import {
  grantsOf,
  grantsUsed,
  summarize,
} from './__testUtils__/requestAccounting';
import {
  describeWithRealHost,
  RealHost,
  START_TIMEOUT_MS,
  startRealHost,
} from './__testUtils__/realHost';
import { StandInControllers } from './__testUtils__/standInControllers';

/**
 * The reconcile loop observing a real API server by watches
 * (`rayService.reconcile.watch`), with the generated least-privilege RBAC
 * that grants `watch`: steady passes list nothing, a managed object
 * deleted by hand comes back from its watch event alone.
 */

jest.setTimeout(180_000);

const describeReal = describeWithRealHost('watching.test.ts');

const SERVICE_ACCOUNT = {
  namespace: 'backstage',
  serviceAccount: 'ray-service',
};
const USERNAME = `system:serviceaccount:${SERVICE_ACCOUNT.namespace}:${SERVICE_ACCOUNT.serviceAccount}`;

describeReal('the reconcile loop watching a real API server', () => {
  let host: RealHost;
  let standIns: StandInControllers;
  let portal: TestPortal;

  beforeAll(async () => {
    host = await startRealHost({ deliveryController: 'flux' });
    standIns = new StandInControllers(host.admin);
    const applied = await host.kubectl(
      ['apply', '-f', '-'],
      minimalRbacYaml({
        ...SERVICE_ACCOUNT,
        deliveryController: 'flux',
        watch: true,
      }),
    );
    if (applied.code !== 0) {
      throw new Error(
        `kubectl apply -f <the generated RBAC>: ${applied.stderr}`,
      );
    }
    const token = await host.mintToken(
      SERVICE_ACCOUNT.namespace,
      SERVICE_ACCOUNT.serviceAccount,
    );
    portal = await startTestPortal(host.hostClusterConfig(token), {
      watch: true,
    });
    await portal.tenants.create(admin, {
      name: 'watched',
      owner: 'group:default/ml-team-alpha',
      profile: 'small',
      templateVersion: 'kuberay@1.0.0',
      isolation: 'namespace',
      hostCluster: 'real',
    });
    await passUntil(
      portal,
      standIns,
      async () => (await portal.tenant('watched'))?.phase === 'Ready',
      'tenant watched Ready',
    );
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await portal?.stop();
    await host?.stop();
  });

  it('makes no LIST and no write in steady passes, only its open watches', async () => {
    await portal.pass();
    const from = host.audit(USERNAME).length;
    for (let i = 0; i < 3; i++) {
      const report = await portal.pass();
      expect(report.statusWrites).toBe(0);
      expect(report.result?.stats).toMatchObject({
        lists: 0,
        applies: 0,
        deletes: 0,
        discoveries: 0,
      });
    }
    const steady = summarize(
      host
        .audit(USERNAME)
        .slice(from)
        .filter(e => e.verb !== 'watch'),
    );
    expect(steady).toEqual({
      writes: [],
      lists: {},
      gets: {},
      discovery: [],
      forbidden: [],
    });
  });

  it('applies a NetworkPolicy deleted by hand again from its watch event alone', async () => {
    const namespace = tenantNamespace('watched');
    const { items } = await host.admin.getJson<{
      items: Array<{ metadata: { name: string } }>;
    }>(`/apis/networking.k8s.io/v1/namespaces/${namespace}/networkpolicies`);
    expect(items.length).toBeGreaterThan(0);
    const path = `/apis/networking.k8s.io/v1/namespaces/${namespace}/networkpolicies/${items[0].metadata.name}`;
    await host.admin.send('DELETE', path);
    // no pass is asked for: the loop's own follow-up is an hour away
    await waitFor(
      async () => (await host.admin.request('GET', path)).status === 200,
      'the NetworkPolicy applied again',
    );
  });

  it('needed watch on every reconciled kind, and was refused nothing', () => {
    const requests = host.audit(USERNAME);
    expect(summarize(requests).forbidden).toEqual([]);
    const granted = grantsOf(rbacRules('flux', { watch: true }));
    const watchGrants = [...granted].filter(g => g.endsWith(':watch'));
    const used = grantsUsed(requests, granted);
    expect(watchGrants.filter(g => !used.has(g))).toEqual([]);
    expect(watchGrants.length).toBeGreaterThan(0);
  });
});
