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

import type { FaultRule } from '@ray-service/kube-sim';
import {
  startTestCluster,
  TestCluster,
} from '../kubernetes/__testUtils__/kubeSim';
import { HostClusterReconciler } from './HostClusterReconciler';
import {
  desired,
  managedTenants,
  shippedPlan,
  untilConverged,
} from './__testUtils__/tenants';
import { waitFor } from '../lib/__testUtils__/waitFor';

/**
 * The client timeout of the "a timeout" cases. Other cases use a timeout no
 * request reaches, so that a busy machine adds no failure of its own.
 */
const TIMEOUT_MS = 750;

const FAILURES: Array<[string, Partial<FaultRule>, string]> = [
  ['500', { status: 500 }, 'HTTP 500'],
  ['429', { status: 429 }, 'HTTP 429'],
  ['409', { status: 409 }, 'HTTP 409'],
  ['a timeout', { hang: true }, `timed out after ${TIMEOUT_MS} ms`],
];

/** Each step's call failing once in each way: [step, failure, rule, message]. */
function matrix(steps: Array<[string, FaultRule]>) {
  return steps.flatMap(([step, rule]) =>
    FAILURES.map(
      ([failure, effect, message]) =>
        [step, failure, { ...rule, ...effect, times: 1 }, message] as const,
    ),
  );
}

const APPLIES = matrix([
  ['Namespace', { verb: 'apply', resource: 'namespaces' }],
  ['ResourceQuota', { verb: 'apply', resource: 'resourcequotas' }],
  ['Queue', { verb: 'apply', resource: 'queues' }],
  ['HelmRelease', { verb: 'apply', resource: 'helmreleases' }],
]);
const LISTS = matrix([
  ['HelmReleases', { verb: 'list', resource: 'helmreleases' }],
]);
const TEARDOWN = matrix([
  [
    'delete of the orphan Namespace',
    { verb: 'delete', resource: 'namespaces' },
  ],
  [
    'apply of the Command closing its Queue',
    { verb: 'apply', resource: 'commands' },
  ],
  ['delete of its closed Queue', { verb: 'delete', resource: 'queues' }],
]);

describe('reconciliation under faults', () => {
  let cluster: TestCluster;

  beforeEach(async () => {
    cluster = await startTestCluster({});
    // A tenant the caller no longer knows: torn down while alpha is created.
    for (const object of shippedPlan({ name: 'old', isolation: 'namespace' })) {
      cluster.sim.objects.put(object);
    }
  });

  afterEach(async () => {
    await cluster.sim.stop();
  });

  /**
   * Passes until alpha is Ready and nothing but alpha is labelled; the
   * Reconciled=False conditions they reported on the way.
   */
  async function converge(rule: FaultRule) {
    cluster.sim.faults.add(rule);
    const reconciler = new HostClusterReconciler(
      rule.hang ? cluster.newClient(TIMEOUT_MS) : cluster.newClient(),
    );
    const alpha = desired({ name: 'alpha', isolation: 'vcluster' });
    const { passes } = await untilConverged(reconciler, [alpha]);
    expect(cluster.sim.faults.list()).toEqual([]); // the fault did happen
    expect(passes[passes.length - 1].tenants[0].status.phase).toBe('Ready');
    expect([...managedTenants(cluster.sim)]).toEqual(['alpha']);
    return passes.flatMap(p =>
      p.tenants[0].status.conditions.filter(
        c => c.type === 'Reconciled' && c.status === 'False',
      ),
    );
  }

  /**
   * The failure is reported with its reason; a 429 (with kube-sim's
   * Retry-After, as a real API server sends it) is not: it is retried. With
   * a short timeout a busy machine may time out other requests too, so those
   * cases look for it among the reports; the others must report it first.
   */
  function expectReported(
    reported: Awaited<ReturnType<typeof converge>>,
    rule: FaultRule,
    reason: string,
    message: string,
  ) {
    const failure = expect.objectContaining({
      reason,
      message: expect.stringContaining(message),
    });
    if (rule.status === 429) {
      // asked again after the answer's Retry-After, within the request
      expect(reported).not.toContainEqual(failure);
    } else if (rule.hang) {
      expect(reported).toContainEqual(failure);
    } else {
      expect(reported[0]).toEqual(failure);
    }
  }

  it.each(APPLIES)(
    'converges when the apply of the %s fails once with %s',
    async (_step, _failure, rule, message) => {
      expectReported(await converge(rule), rule, 'ApplyFailed', message);
    },
  );

  it.each(LISTS)(
    'converges when the list of %s fails once with %s',
    async (_step, _failure, rule, message) => {
      expectReported(await converge(rule), rule, 'ObserveFailed', message);
    },
  );

  it.each(TEARDOWN)(
    'converges when the %s fails once with %s',
    async (_step, _failure, rule) => {
      await converge(rule);
      expect(
        cluster.sim.objects.get('v1', 'Namespace', 'ray-old'),
      ).toBeUndefined();
      expect(
        cluster.sim.objects.get(
          'scheduling.volcano.sh/v1beta1',
          'Queue',
          'ray-old',
        ),
      ).toBeUndefined();
    },
  );

  it('converges after a crash in the middle of provisioning', async () => {
    const crashing = cluster.newClient();
    const apply = crashing.apply.bind(crashing);
    let applies = 0;
    jest.spyOn(crashing, 'apply').mockImplementation(async object => {
      applies++;
      // the process dies: this apply and everything after never happen
      return applies > 4 ? new Promise(() => {}) : apply(object);
    });
    const alpha = desired({ name: 'alpha', isolation: 'vcluster' });
    void new HostClusterReconciler(crashing).reconcile([alpha]);
    await waitFor(() => applies > 4);
    expect(
      cluster.sim.objects.get('v1', 'Namespace', 'ray-alpha'),
    ).toBeDefined();

    // a new backend instance, without the status the crashed one never saved
    const restarted = new HostClusterReconciler(cluster.newClient());
    const { passes } = await untilConverged(restarted, [alpha]);
    expect(passes[passes.length - 1].tenants[0].status.phase).toBe('Ready');
    expect([...managedTenants(cluster.sim)]).toEqual(['alpha']);
  });
});
