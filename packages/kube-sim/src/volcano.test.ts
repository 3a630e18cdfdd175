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

import { startKubeSim } from './index';
import type { KubeSim } from './index';
import { eventually, mergePatch, nextTurn, raw } from './__testUtils__/helpers';

// Starting well-equipped sims parses the upstream CRDs (cached on disk after the first run).
jest.setTimeout(30_000);

const QUEUES = '/apis/scheduling.volcano.sh/v1beta1/queues';
const commands = (ns: string) =>
  `/apis/bus.volcano.sh/v1alpha1/namespaces/${ns}/commands`;
const podGroups = (ns: string) =>
  `/apis/scheduling.volcano.sh/v1beta1/namespaces/${ns}/podgroups`;

const notClosed = (name: string, state: string) =>
  `admission webhook "validatequeue.volcano.sh" denied the request: only queue with state \`Closed\` can be deleted, queue \`${name}\` state is \`${state}\``;
const undeletable = (name: string) =>
  `admission webhook "validatequeue.volcano.sh" denied the request: \`${name}\` queue can not be deleted`;

function queueBody(name: string, labels: Record<string, string> = {}) {
  return {
    apiVersion: 'scheduling.volcano.sh/v1beta1',
    kind: 'Queue',
    metadata: { name, labels },
    spec: { weight: 1, reclaimable: true },
  };
}

/** A Command as vcctl writes it: `target` and an ownerReference point at the queue. */
function commandBody(
  name: string,
  action: string,
  target: { apiVersion: string; kind: string; name: string; uid: string },
  owner?: { name: string; uid: string },
) {
  return {
    apiVersion: 'bus.volcano.sh/v1alpha1',
    kind: 'Command',
    metadata: {
      name,
      ...(owner
        ? {
            ownerReferences: [
              {
                apiVersion: 'scheduling.volcano.sh/v1beta1',
                kind: 'Queue',
                name: owner.name,
                uid: owner.uid,
                controller: true,
              },
            ],
          }
        : {}),
    },
    action,
    target: { ...target, controller: true },
    reason: 'kube-sim test',
    message: `${action} issued by a test`,
  };
}

async function stateOf(sim: KubeSim, queue: string): Promise<string> {
  const r = await raw(sim, 'GET', `${QUEUES}/${queue}`);
  expect(r.status).toBe(200);
  return r.json.status?.state;
}

async function waitForState(sim: KubeSim, queue: string, state: string) {
  await eventually(async () => (await stateOf(sim, queue)) === state);
}

describe('Volcano (controllers on)', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim({
      seed: 'well-equipped',
      controllers: { readyDelayMs: 100, namespaceFinalizeDelayMs: 50 },
    });
  });
  afterAll(() => sim.stop());

  /** Creates a queue and waits until the controller opened it; returns it. */
  async function openQueue(name: string, labels?: Record<string, string>) {
    const created = await raw(sim, 'POST', QUEUES, {
      body: queueBody(name, labels),
    });
    expect(created.status).toBe(201);
    await waitForState(sim, name, 'Open');
    return created.json;
  }

  async function issue(
    ns: string,
    name: string,
    action: 'CloseQueue' | 'OpenQueue',
    queue: any,
  ) {
    const r = await raw(sim, 'POST', commands(ns), {
      body: commandBody(
        name,
        action,
        {
          apiVersion: 'scheduling.volcano.sh/v1beta1',
          kind: 'Queue',
          name: queue.metadata.name,
          uid: queue.metadata.uid,
        },
        { name: queue.metadata.name, uid: queue.metadata.uid },
      ),
    });
    expect(r.status).toBe(201);
    return r;
  }

  async function gone(path: string) {
    await eventually(async () => (await raw(sim, 'GET', path)).status === 404);
  }

  it('serves Commands next to queues and podgroups', async () => {
    const resources = (await raw(sim, 'GET', '/apis/bus.volcano.sh/v1alpha1'))
      .json.resources;
    expect(resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'commands',
          singularName: 'command',
          kind: 'Command',
          namespaced: true,
        }),
      ]),
    );
  });

  it('refuses to delete a queue that is not Closed, also as a dry run', async () => {
    await openQueue('team-open');
    const del = await raw(sim, 'DELETE', `${QUEUES}/team-open`);
    expect(del.status).toBe(400);
    expect(del.json).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      code: 400,
      reason: 'BadRequest',
      message: notClosed('team-open', 'Open'),
    });
    expect((await raw(sim, 'GET', `${QUEUES}/team-open`)).status).toBe(200);

    const dry = await raw(sim, 'DELETE', `${QUEUES}/team-open?dryRun=All`);
    expect(dry.status).toBe(400);
    expect(dry.json.message).toBe(notClosed('team-open', 'Open'));
    expect((await raw(sim, 'GET', `${QUEUES}/team-open`)).status).toBe(200);

    // a missing queue is a 404 before admission
    expect((await raw(sim, 'DELETE', `${QUEUES}/no-such-queue`)).status).toBe(
      404,
    );
    // the test view is not subject to admission
    expect(
      sim.objects.delete('scheduling.volcano.sh/v1beta1', 'Queue', 'team-open'),
    ).toBe(true);
    expect((await raw(sim, 'GET', `${QUEUES}/team-open`)).status).toBe(404);
  });

  it('never deletes the default and root queues, even when Closed', async () => {
    for (const name of ['default', 'root']) {
      await openQueue(name);
      await mergePatch(sim, `${QUEUES}/${name}/status`, {
        status: { state: 'Closed' },
      });
      expect(await stateOf(sim, name)).toBe('Closed');
      for (const query of ['', '?dryRun=All']) {
        const del = await raw(sim, 'DELETE', `${QUEUES}/${name}${query}`);
        expect(del.status).toBe(400);
        expect(del.json.message).toBe(undeletable(name));
      }
      expect((await raw(sim, 'GET', `${QUEUES}/${name}`)).status).toBe(200);
    }
  });

  it('deletecollection deletes the Closed queues and answers the first denial', async () => {
    const labels = { batch: 'dc' };
    await openQueue('dc-a-open', labels);
    await openQueue('dc-b-closed', labels);
    await mergePatch(sim, `${QUEUES}/dc-b-closed/status`, {
      status: { state: 'Closed' },
    });
    const dryRun = await raw(
      sim,
      'DELETE',
      `${QUEUES}?labelSelector=batch%3Ddc&dryRun=All`,
    );
    expect(dryRun.status).toBe(400);
    expect(dryRun.json.message).toBe(notClosed('dc-a-open', 'Open'));
    expect((await raw(sim, 'GET', `${QUEUES}/dc-b-closed`)).status).toBe(200);

    const dc = await raw(sim, 'DELETE', `${QUEUES}?labelSelector=batch%3Ddc`);
    expect(dc.status).toBe(400);
    expect(dc.json.message).toBe(notClosed('dc-a-open', 'Open'));
    expect((await raw(sim, 'GET', `${QUEUES}/dc-b-closed`)).status).toBe(404);
    expect((await raw(sim, 'GET', `${QUEUES}/dc-a-open`)).status).toBe(200);
  });

  it('CloseQueue: the controller deletes the Command and closes the queue, which can then be deleted', async () => {
    const queue = await openQueue('team-close');
    await issue('default', 'close-team-close', 'CloseQueue', queue);
    await gone(`${commands('default')}/close-team-close`);
    await waitForState(sim, 'team-close', 'Closed');
    const del = await raw(sim, 'DELETE', `${QUEUES}/team-close`);
    expect(del.status).toBe(200);
    expect((await raw(sim, 'GET', `${QUEUES}/team-close`)).status).toBe(404);
  });

  it('a queue with PodGroups is Closing until the last one goes (also with its namespace)', async () => {
    const queue = await openQueue('team-pg');
    expect(
      (
        await raw(sim, 'POST', '/api/v1/namespaces', {
          body: { metadata: { name: 'pg-tenant' } },
        })
      ).status,
    ).toBe(201);
    for (const ns of ['pg-tenant', 'default']) {
      const pg = await raw(sim, 'POST', podGroups(ns), {
        body: {
          apiVersion: 'scheduling.volcano.sh/v1beta1',
          kind: 'PodGroup',
          metadata: { name: 'ray-pg' },
          spec: { minMember: 1, queue: 'team-pg' },
        },
      });
      expect(pg.status).toBe(201);
    }

    await issue('pg-tenant', 'close-team-pg', 'CloseQueue', queue);
    await gone(`${commands('pg-tenant')}/close-team-pg`);
    await waitForState(sim, 'team-pg', 'Closing');
    const refused = await raw(sim, 'DELETE', `${QUEUES}/team-pg`);
    expect(refused.status).toBe(400);
    expect(refused.json.message).toBe(notClosed('team-pg', 'Closing'));

    // one PodGroup left: still Closing
    expect(
      (await raw(sim, 'DELETE', `${podGroups('default')}/ray-pg`)).status,
    ).toBe(200);
    await nextTurn(); // the queue controller has seen the deletion
    expect(await stateOf(sim, 'team-pg')).toBe('Closing');

    // the last one goes with its namespace: Closed without another write to the queue
    await raw(sim, 'DELETE', '/api/v1/namespaces/pg-tenant');
    await waitForState(sim, 'team-pg', 'Closed');
    expect((await raw(sim, 'DELETE', `${QUEUES}/team-pg`)).status).toBe(200);
  });

  it('OpenQueue reopens; Commands for other targets are left alone', async () => {
    const queue = await openQueue('team-reopen');
    await issue('default', 'close-team-reopen', 'CloseQueue', queue);
    await waitForState(sim, 'team-reopen', 'Closed');

    const others = [
      commandBody('abort-job', 'AbortJob', {
        apiVersion: 'batch.volcano.sh/v1alpha1',
        kind: 'Job',
        name: 'some-job',
        uid: '00000000-0000-0000-0000-000000000001',
      }),
      commandBody('old-api-queue', 'OpenQueue', {
        apiVersion: 'scheduling.volcano.sh/v1alpha2',
        kind: 'Queue',
        name: 'team-reopen',
        uid: queue.metadata.uid,
      }),
    ];
    for (const body of others)
      expect(
        (await raw(sim, 'POST', commands('default'), { body })).status,
      ).toBe(201);
    // an old-API Command does not reopen the queue...
    await nextTurn(); // the controller has seen both Commands
    expect(await stateOf(sim, 'team-reopen')).toBe('Closed');

    await issue('default', 'open-team-reopen', 'OpenQueue', queue);
    await gone(`${commands('default')}/open-team-reopen`);
    await waitForState(sim, 'team-reopen', 'Open');
    // ...and both stay after the controller handled the OpenQueue Command
    for (const name of ['abort-job', 'old-api-queue'])
      expect(
        (await raw(sim, 'GET', `${commands('default')}/${name}`)).status,
      ).toBe(200);
  });

  it('garbage-collects a Command owned by a queue when the queue is deleted', async () => {
    const queue = await openQueue('team-gc');
    const kept = await raw(sim, 'POST', commands('default'), {
      body: commandBody(
        'owned-by-team-gc',
        'AbortJob',
        {
          apiVersion: 'batch.volcano.sh/v1alpha1',
          kind: 'Job',
          name: 'some-job',
          uid: '00000000-0000-0000-0000-000000000002',
        },
        { name: 'team-gc', uid: queue.metadata.uid },
      ),
    });
    expect(kept.status).toBe(201);
    await mergePatch(sim, `${QUEUES}/team-gc/status`, {
      status: { state: 'Closed' },
    });
    await nextTurn();
    expect(
      (await raw(sim, 'GET', `${commands('default')}/owned-by-team-gc`)).status,
    ).toBe(200);
    expect((await raw(sim, 'DELETE', `${QUEUES}/team-gc`)).status).toBe(200);
    await gone(`${commands('default')}/owned-by-team-gc`);
  });
});

describe('Volcano (controllers off)', () => {
  it('the deletion webhook still runs; Commands stay unprocessed', async () => {
    const sim = await startKubeSim({
      seed: 'well-equipped',
      controllers: { enabled: false },
    });
    try {
      const queue = (await raw(sim, 'POST', QUEUES, { body: queueBody('q') }))
        .json;
      const cmd = await raw(sim, 'POST', commands('default'), {
        body: commandBody('close-q', 'CloseQueue', {
          apiVersion: 'scheduling.volcano.sh/v1beta1',
          kind: 'Queue',
          name: 'q',
          uid: queue.metadata.uid,
        }),
      });
      expect(cmd.status).toBe(201);
      await nextTurn(); // a controller, if there were one, would have seen it
      expect(
        (await raw(sim, 'GET', `${commands('default')}/close-q`)).status,
      ).toBe(200);
      const del = await raw(sim, 'DELETE', `${QUEUES}/q`);
      expect(del.status).toBe(400);
      expect(del.json.message).toBe(notClosed('q', ''));
      await mergePatch(sim, `${QUEUES}/q/status`, {
        status: { state: 'Closed' },
      });
      expect((await raw(sim, 'DELETE', `${QUEUES}/q`)).status).toBe(200);
    } finally {
      await sim.stop();
    }
  });
});
