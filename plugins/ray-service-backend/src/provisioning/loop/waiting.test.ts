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

import { KubeSim, startKubeSim } from '@ray-service/kube-sim';
import { SIM_TOKEN, startTestSim } from '../../__testUtils__/tenantApi';
import {
  admin,
  simHostCluster,
  simTenantRequest,
  startTestPortal,
  TestPortal,
  TestPortalOptions,
} from '../../__testUtils__/testPortal';
import { ClusterRunner } from './ClusterRunner';

jest.setTimeout(60_000);

const FORBIDDEN =
  'helmreleases.helm.toolkit.fluxcd.io is forbidden: User "system:serviceaccount:backstage:ray-service" cannot list resource "helmreleases" in API group "helm.toolkit.fluxcd.io" at the cluster scope';

describe('the reconcile loop, while tenants wait', () => {
  let sim: KubeSim;
  let portal: TestPortal;

  afterEach(async () => {
    jest.restoreAllMocks();
    await portal?.stop();
    await sim?.stop();
  });

  /** A sim, with its simulated controllers or (`controllers: false`) without: then nothing ever becomes Ready. */
  async function start(
    options: { controllers?: boolean; portal?: TestPortalOptions } = {},
  ) {
    sim =
      options.controllers === false
        ? await startKubeSim({
            seed: 'well-equipped',
            token: SIM_TOKEN,
            controllers: { enabled: false },
          })
        : await startTestSim();
    portal = await startTestPortal(simHostCluster(sim), options.portal);
  }

  it('does not apply a plan the API server refused as invalid again until it changes', async () => {
    await start();
    sim.faults.add({
      verb: 'apply',
      resource: 'limitranges',
      status: 500,
      message:
        'failed to create typed patch object (/ray-service-limits; /v1, Kind=LimitRange): .spec.limits: expected list, got string',
    });
    await portal.tenants.create(admin, simTenantRequest('broken'));
    await portal.pass();
    const failed = await portal.tenant('broken');
    expect(failed?.phase).toBe('Failed');
    expect(failed?.conditions.find(c => c.type === 'Reconciled')).toMatchObject(
      {
        status: 'False',
        reason: 'Invalid',
        message: expect.stringContaining('failed to create typed patch object'),
      },
    );
    const applies = () =>
      sim.stats.count({ verb: 'apply', resource: 'limitranges' });
    expect(applies()).toBe(1);
    for (let i = 0; i < 3; i++) {
      const report = await portal.pass();
      expect(report).toMatchObject({ statusWrites: 0, requeued: false });
    }
    expect(applies()).toBe(1);

    // a new plan is tried
    sim.faults.clear();
    await portal.tenants.upgrade(admin, 'broken', 'kuberay@2.0.0');
    await portal.pass();
    expect(applies()).toBe(2);
    expect((await portal.tenant('broken'))?.phase).not.toBe('Failed');
  });

  it('asks again twice as late after each pass that changed nothing', async () => {
    await start({
      controllers: false,
      portal: { requeueMs: 100, maxRequeueMs: 700 },
    });
    const delays: number[] = [];
    jest
      .spyOn(ClusterRunner.prototype, 'schedule')
      .mockImplementation(delay => {
        delays.push(delay);
      });
    // no controller runs: the releases never become Ready
    await portal.tenants.create(admin, simTenantRequest('patient'));
    for (let i = 0; i < 6; i++) {
      await portal.pass();
    }
    // the first pass applies, the second writes the status the applies led to
    expect(delays).toEqual([100, 100, 200, 400, 700, 700]);
  });

  it('logs one line per condition change, a stall at warn naming the verb and resource, never the same line each pass', async () => {
    await start({ controllers: false });
    await portal.tenants.create(admin, simTenantRequest('quiet'));
    await portal.pass();
    await portal.pass();
    const lines = () => portal.logger.lines.map(l => `${l.level} ${l.message}`);
    const settled = lines().length;
    expect(settled).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      await portal.pass();
    }
    expect(lines()).toHaveLength(settled);

    sim.faults.add({
      verb: 'list',
      resource: 'helmreleases',
      status: 403,
      message: FORBIDDEN,
    });
    for (let i = 0; i < 3; i++) {
      await portal.pass();
    }
    const stalls = portal.logger.lines.filter(l => l.level === 'warn');
    expect(stalls).toHaveLength(1);
    expect(stalls[0].message).toMatch(
      /^tenant quiet on sim \(Provisioning\): OperatorReady Unknown, Reconciled False \(ObserveFailed\): list HelmRelease: HTTP 403: .*cannot list resource "helmreleases" in API group "helm.toolkit.fluxcd.io"/,
    );
    expect(portal.logger.lines.filter(l => l.level === 'error')).toEqual([]);
  });

  it('names the tenants it tears down for the portal once, not each pass', async () => {
    await start({ controllers: false });
    await portal.tenants.create(admin, simTenantRequest('orphan'));
    await portal.pass();
    // the portal loses its database: the tenant's objects are orphans now
    await portal.stop();
    portal = await startTestPortal(simHostCluster(sim));
    for (let i = 0; i < 3; i++) {
      await portal.pass();
    }
    expect(
      portal.logger.lines.filter(l => l.message.includes('unknown tenants')),
    ).toEqual([
      {
        level: 'info',
        message:
          'removing objects of unknown tenants of instance default from sim: orphan',
      },
    ]);
  });
});
