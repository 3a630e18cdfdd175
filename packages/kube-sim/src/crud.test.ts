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
import {
  eventually,
  LONGER_THAN_ANY_TEST_MS,
  mergePatch,
  raw,
} from './__testUtils__/helpers';

describe('Kubernetes REST API over raw HTTPS', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim({
      controllers: {
        // a deleted namespace stays Terminating until a test finalizes it
        namespaceFinalizeDelayMs: LONGER_THAN_ANY_TEST_MS,
        readyDelayMs: 100,
      },
    });
  });
  afterAll(() => sim.stop());

  const cm = (
    name: string,
    labels: Record<string, string> = {},
    data: Record<string, string> = { k: 'v' },
  ) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, labels },
    data,
  });

  it('serves /version and discovery', async () => {
    const v = await raw(sim, 'GET', '/version');
    expect(v.json).toMatchObject({
      major: '1',
      minor: '31',
      gitVersion: 'v1.31.4',
      platform: 'linux/amd64',
    });
    const api = await raw(sim, 'GET', '/api');
    expect(api.json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const core = await raw(sim, 'GET', '/api/v1');
    const names = core.json.resources.map((r: any) => r.name);
    for (const r of [
      'namespaces',
      'pods',
      'services',
      'secrets',
      'configmaps',
      'serviceaccounts',
      'resourcequotas',
      'limitranges',
      'nodes',
      'persistentvolumeclaims',
      'events',
      'namespaces/status',
    ]) {
      expect(names).toContain(r);
    }
    expect(
      core.json.resources.find((r: any) => r.name === 'nodes'),
    ).toMatchObject({ namespaced: false, kind: 'Node', singularName: 'node' });
    const groups = await raw(sim, 'GET', '/apis');
    expect(groups.json.kind).toBe('APIGroupList');
    const groupNames = groups.json.groups.map((g: any) => g.name);
    for (const g of [
      'apps',
      'rbac.authorization.k8s.io',
      'networking.k8s.io',
      'storage.k8s.io',
      'apiextensions.k8s.io',
      'scheduling.k8s.io',
    ]) {
      expect(groupNames).toContain(g);
    }
    const apps = await raw(sim, 'GET', '/apis/apps/v1');
    expect(apps.json.resources.map((r: any) => r.name)).toEqual(
      expect.arrayContaining([
        'deployments',
        'statefulsets',
        'deployments/status',
      ]),
    );
    const net = await raw(sim, 'GET', '/apis/networking.k8s.io/v1');
    expect(net.json.resources.map((r: any) => r.name)).toEqual(
      expect.arrayContaining([
        'networkpolicies',
        'ingresses',
        'ingressclasses',
      ]),
    );
    expect((await raw(sim, 'GET', '/apis/apps')).json).toMatchObject({
      kind: 'APIGroup',
      name: 'apps',
    });
    expect((await raw(sim, 'GET', '/apis/nope.example.com/v1')).status).toBe(
      404,
    );
  });

  it('creates (201), gets (200), conflicts on duplicates (409 AlreadyExists) and 404s missing objects', async () => {
    const created = await raw(
      sim,
      'POST',
      '/api/v1/namespaces/default/configmaps',
      { body: cm('c1') },
    );
    expect(created.status).toBe(201);
    expect(created.json.metadata).toMatchObject({
      name: 'c1',
      namespace: 'default',
      generation: 1,
    });
    expect(created.json.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.json.metadata.creationTimestamp).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    expect(Number(created.json.metadata.resourceVersion)).toBeGreaterThan(0);

    const got = await raw(
      sim,
      'GET',
      '/api/v1/namespaces/default/configmaps/c1',
    );
    expect(got.status).toBe(200);
    expect(got.json.data).toEqual({ k: 'v' });

    const dup = await raw(
      sim,
      'POST',
      '/api/v1/namespaces/default/configmaps',
      { body: cm('c1') },
    );
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'AlreadyExists',
      code: 409,
      details: { name: 'c1', kind: 'configmaps' },
    });
    expect(dup.json.message).toBe('configmaps "c1" already exists');

    const missing = await raw(
      sim,
      'GET',
      '/api/v1/namespaces/default/configmaps/nope',
    );
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({
      reason: 'NotFound',
      code: 404,
      message: 'configmaps "nope" not found',
    });
  });

  it('answers 404 for a missing namespace and 403 while it is terminating', async () => {
    const noNs = await raw(sim, 'POST', '/api/v1/namespaces/ghost/configmaps', {
      body: cm('x'),
    });
    expect(noNs.status).toBe(404);
    expect(noNs.json.message).toBe('namespaces "ghost" not found');

    await raw(sim, 'POST', '/api/v1/namespaces', {
      body: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'doomed' },
      },
    });
    await raw(sim, 'POST', '/api/v1/namespaces/doomed/configmaps', {
      body: cm('inside'),
    });
    const del = await raw(sim, 'DELETE', '/api/v1/namespaces/doomed');
    expect(del.status).toBe(200);
    expect(del.json.status.phase).toBe('Terminating');
    expect(del.json.metadata.deletionTimestamp).toBeDefined();
    const forbidden = await raw(
      sim,
      'POST',
      '/api/v1/namespaces/doomed/configmaps',
      { body: cm('late') },
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.reason).toBe('Forbidden');
    expect(forbidden.json.message).toContain('because it is being terminated');
    // still visible while terminating, then gone together with its content
    expect((await raw(sim, 'GET', '/api/v1/namespaces/doomed')).status).toBe(
      200,
    );
    expect(sim.objects.delete('v1', 'Namespace', 'doomed')).toBe(true);
    expect((await raw(sim, 'GET', '/api/v1/namespaces/doomed')).status).toBe(
      404,
    );
    expect(
      sim.objects.get('v1', 'ConfigMap', 'doomed', 'inside'),
    ).toBeUndefined();
  });

  it('validates names (422 Invalid with causes) and supports generateName', async () => {
    const bad = await raw(
      sim,
      'POST',
      '/api/v1/namespaces/default/configmaps',
      { body: cm('Bad_Name') },
    );
    expect(bad.status).toBe(422);
    expect(bad.json.reason).toBe('Invalid');
    expect(bad.json.details.causes[0]).toMatchObject({
      reason: 'FieldValueInvalid',
      field: 'metadata.name',
    });
    expect(bad.json.message).toMatch(
      /^ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"/,
    );

    const badLabel = await raw(
      sim,
      'POST',
      '/api/v1/namespaces/default/configmaps',
      { body: cm('ok', { a: 'not valid!' }) },
    );
    expect(badLabel.status).toBe(422);
    expect(badLabel.json.details.causes[0].field).toBe('metadata.labels');

    const noName = await raw(
      sim,
      'POST',
      '/api/v1/namespaces/default/configmaps',
      { body: { data: {} } },
    );
    expect(noName.status).toBe(422);

    const gen = await raw(
      sim,
      'POST',
      '/api/v1/namespaces/default/configmaps',
      { body: { metadata: { generateName: 'gen-' } } },
    );
    expect(gen.status).toBe(201);
    expect(gen.json.metadata.name).toMatch(/^gen-[a-z0-9]{5}$/);
  });

  it('answers 400 for unparsable bodies and mismatched kinds, 415 for unknown patch types', async () => {
    expect(
      (
        await raw(sim, 'POST', '/api/v1/namespaces/default/configmaps', {
          body: '{not json',
        })
      ).status,
    ).toBe(400);
    const wrongKind = await raw(
      sim,
      'POST',
      '/api/v1/namespaces/default/configmaps',
      { body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'w' } } },
    );
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.json.reason).toBe('BadRequest');
    const wrongNs = await raw(
      sim,
      'POST',
      '/api/v1/namespaces/default/configmaps',
      { body: { metadata: { name: 'w', namespace: 'kube-system' } } },
    );
    expect(wrongNs.status).toBe(400);
    await raw(sim, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: cm('p415'),
    });
    expect(
      (
        await raw(sim, 'PATCH', '/api/v1/namespaces/default/configmaps/p415', {
          body: {},
          contentType: 'text/plain',
        })
      ).status,
    ).toBe(415);
  });

  it('replaces with PUT, 404s a missing object and 409s a stale resourceVersion', async () => {
    const created = (
      await raw(sim, 'POST', '/api/v1/namespaces/default/configmaps', {
        body: cm('r1'),
      })
    ).json;
    const put = await raw(
      sim,
      'PUT',
      '/api/v1/namespaces/default/configmaps/r1',
      { body: { ...created, data: { k: 'v2' } } },
    );
    expect(put.status).toBe(200);
    expect(put.json.data).toEqual({ k: 'v2' });
    expect(Number(put.json.metadata.resourceVersion)).toBeGreaterThan(
      Number(created.metadata.resourceVersion),
    );
    expect(put.json.metadata.uid).toBe(created.metadata.uid);

    const stale = await raw(
      sim,
      'PUT',
      '/api/v1/namespaces/default/configmaps/r1',
      { body: { ...created, data: { k: 'v3' } } },
    );
    expect(stale.status).toBe(409);
    expect(stale.json.reason).toBe('Conflict');
    expect(stale.json.message).toContain('the object has been modified');

    const noRv = await raw(
      sim,
      'PUT',
      '/api/v1/namespaces/default/configmaps/r1',
      { body: cm('r1', {}, { k: 'v4' }) },
    );
    expect(noRv.status).toBe(200);

    const missing = await raw(
      sim,
      'PUT',
      '/api/v1/namespaces/default/configmaps/nope',
      { body: cm('nope') },
    );
    expect(missing.status).toBe(404);
    const nameMismatch = await raw(
      sim,
      'PUT',
      '/api/v1/namespaces/default/configmaps/r1',
      { body: cm('other') },
    );
    expect(nameMismatch.status).toBe(400);
  });

  it('patches with merge, strategic merge and JSON patch', async () => {
    await raw(sim, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: cm('p1', { a: '1' }, { x: '1', y: '2' }),
    });
    const merge = await mergePatch(
      sim,
      '/api/v1/namespaces/default/configmaps/p1',
      { metadata: { labels: { b: '2' } }, data: { x: null, z: '3' } },
    );
    expect(merge.status).toBe(200);
    expect(merge.json.metadata.labels).toEqual({ a: '1', b: '2' });
    expect(merge.json.data).toEqual({ y: '2', z: '3' });

    const smp = await raw(
      sim,
      'PATCH',
      '/api/v1/namespaces/default/configmaps/p1',
      {
        body: { data: { w: '4' } },
        contentType: 'application/strategic-merge-patch+json',
      },
    );
    expect(smp.json.data).toEqual({ y: '2', z: '3', w: '4' });

    const jp = await raw(
      sim,
      'PATCH',
      '/api/v1/namespaces/default/configmaps/p1',
      {
        body: [
          { op: 'test', path: '/data/y', value: '2' },
          { op: 'remove', path: '/data/y' },
          { op: 'add', path: '/metadata/annotations', value: { note: 'hi' } },
        ],
        contentType: 'application/json-patch+json',
      },
    );
    expect(jp.status).toBe(200);
    expect(jp.json.data).toEqual({ z: '3', w: '4' });
    expect(jp.json.metadata.annotations).toEqual({ note: 'hi' });

    const failedTest = await raw(
      sim,
      'PATCH',
      '/api/v1/namespaces/default/configmaps/p1',
      {
        body: [{ op: 'test', path: '/data/z', value: 'nope' }],
        contentType: 'application/json-patch+json',
      },
    );
    expect(failedTest.status).toBe(422);
    expect(
      (
        await mergePatch(
          sim,
          '/api/v1/namespaces/default/configmaps/missing',
          {},
        )
      ).status,
    ).toBe(404);
    const staleMerge = await mergePatch(
      sim,
      '/api/v1/namespaces/default/configmaps/p1',
      { metadata: { resourceVersion: '1' }, data: { q: '1' } },
    );
    expect(staleMerge.status).toBe(409);
  });

  it('server-side applies: creates, requires a field manager, removes fields no longer applied', async () => {
    const path = '/api/v1/namespaces/default/configmaps/ssa1';
    const body = (
      data: Record<string, string>,
      labels: Record<string, string>,
    ) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa1\n  labels:\n${Object.entries(
        labels,
      )
        .map(([k, v]) => `    ${k}: "${v}"`)
        .join('\n')}\ndata:\n${Object.entries(data)
        .map(([k, v]) => `  ${k}: "${v}"`)
        .join('\n')}\n`;
    const noManager = await raw(sim, 'PATCH', path, {
      body: body({ a: '1' }, { l: '1' }),
      contentType: 'application/apply-patch+yaml',
    });
    expect(noManager.status).toBe(400);

    const first = await raw(sim, 'PATCH', `${path}?fieldManager=ray-service`, {
      body: body({ a: '1', b: '2' }, { l: '1', m: '2' }),
      contentType: 'application/apply-patch+yaml',
    });
    expect(first.status).toBe(201);
    expect(first.json.data).toEqual({ a: '1', b: '2' });
    expect(first.json.metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: 'ray-service',
        operation: 'Apply',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:data': { 'f:a': {}, 'f:b': {} },
          'f:metadata': { 'f:labels': { 'f:l': {}, 'f:m': {} } },
        },
      }),
    ]);

    // another writer adds a field: it survives the next apply
    await mergePatch(sim, `${path}?fieldManager=someone-else`, {
      data: { other: 'x' },
    });

    const second = await raw(sim, 'PATCH', `${path}?fieldManager=ray-service`, {
      body: body({ a: '10' }, { l: '1' }),
      contentType: 'application/apply-patch+yaml',
    });
    expect(second.status).toBe(200);
    expect(second.json.data).toEqual({ a: '10', other: 'x' });
    expect(second.json.metadata.labels).toEqual({ l: '1' });

    // a no-op apply does not bump the resourceVersion
    const third = await raw(sim, 'PATCH', `${path}?fieldManager=ray-service`, {
      body: body({ a: '10' }, { l: '1' }),
      contentType: 'application/apply-patch+yaml',
    });
    expect(third.json.metadata.resourceVersion).toBe(
      second.json.metadata.resourceVersion,
    );
  });

  it('reports apply conflicts between managers (409) unless forced', async () => {
    const path = '/api/v1/namespaces/default/configmaps/ssa2';
    const doc = (v: string) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'ssa2' },
      data: { shared: v },
    });
    expect(
      (
        await raw(sim, 'PATCH', `${path}?fieldManager=one`, {
          body: doc('1'),
          contentType: 'application/apply-patch+yaml',
        })
      ).status,
    ).toBe(201);
    const clash = await raw(sim, 'PATCH', `${path}?fieldManager=two`, {
      body: doc('2'),
      contentType: 'application/apply-patch+yaml',
    });
    expect(clash.status).toBe(409);
    expect(clash.json.reason).toBe('Conflict');
    expect(clash.json.message).toContain('conflict with "one"');
    expect(clash.json.details.causes[0]).toMatchObject({
      reason: 'FieldManagerConflict',
      field: '.data.shared',
    });
    const same = await raw(sim, 'PATCH', `${path}?fieldManager=two`, {
      body: doc('1'),
      contentType: 'application/apply-patch+yaml',
    });
    expect(same.status).toBe(200);
    const forced = await raw(
      sim,
      'PATCH',
      `${path}?fieldManager=two&force=true`,
      { body: doc('2'), contentType: 'application/apply-patch+yaml' },
    );
    expect(forced.status).toBe(200);
    expect(forced.json.data.shared).toBe('2');
  });

  it('deletes (200 Status for built-ins), 404s a second delete', async () => {
    await raw(sim, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: cm('d1'),
    });
    const del = await raw(
      sim,
      'DELETE',
      '/api/v1/namespaces/default/configmaps/d1',
    );
    expect(del.status).toBe(200);
    expect(del.json).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'd1', kind: 'configmaps' },
    });
    const again = await raw(
      sim,
      'DELETE',
      '/api/v1/namespaces/default/configmaps/d1',
    );
    expect(again.status).toBe(404);
    expect(again.json.reason).toBe('NotFound');
  });

  it('honours dryRun=All without persisting', async () => {
    const dry = await raw(
      sim,
      'POST',
      '/api/v1/namespaces/default/configmaps?dryRun=All',
      { body: cm('dry') },
    );
    expect(dry.status).toBe(201);
    expect(
      (await raw(sim, 'GET', '/api/v1/namespaces/default/configmaps/dry'))
        .status,
    ).toBe(404);
    const dryInvalid = await raw(
      sim,
      'POST',
      '/api/v1/namespaces/default/configmaps?dryRun=All',
      { body: cm('Dry!') },
    );
    expect(dryInvalid.status).toBe(422);
    await raw(sim, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: cm('dry2'),
    });
    await raw(
      sim,
      'DELETE',
      '/api/v1/namespaces/default/configmaps/dry2?dryRun=All',
    );
    expect(
      (await raw(sim, 'GET', '/api/v1/namespaces/default/configmaps/dry2'))
        .status,
    ).toBe(200);
  });

  it('lists with label selectors, field selectors, across namespaces and in pages', async () => {
    await raw(sim, 'POST', '/api/v1/namespaces', {
      body: { metadata: { name: 'lists' } },
    });
    for (let i = 0; i < 7; i++) {
      await raw(sim, 'POST', '/api/v1/namespaces/lists/configmaps', {
        body: cm(`l${i}`, {
          idx: String(i),
          parity: i % 2 ? 'odd' : 'even',
          ...(i < 2 ? { special: '' } : {}),
        }),
      });
    }
    const names = async (q: string, ns = 'lists') =>
      (
        await raw(sim, 'GET', `/api/v1/namespaces/${ns}/configmaps?${q}`)
      ).json.items.map((i: any) => i.metadata.name);
    expect(await names('labelSelector=parity%3Dodd')).toEqual([
      'l1',
      'l3',
      'l5',
    ]);
    expect(await names('labelSelector=parity%3D%3Deven,idx!%3D0')).toEqual([
      'l2',
      'l4',
      'l6',
    ]);
    expect(
      await names(`labelSelector=${encodeURIComponent('idx in (1,5,9)')}`),
    ).toEqual(['l1', 'l5']);
    expect(
      await names(
        `labelSelector=${encodeURIComponent('idx notin (0,1,2,3,4)')}`,
      ),
    ).toEqual(['l5', 'l6']);
    expect(await names('labelSelector=special')).toEqual(['l0', 'l1']);
    expect(
      await names(
        `labelSelector=${encodeURIComponent('!special,parity=even')}`,
      ),
    ).toEqual(['l2', 'l4', 'l6']);
    expect(await names('fieldSelector=metadata.name%3Dl3')).toEqual(['l3']);
    expect(
      await names(
        'fieldSelector=metadata.name!%3Dl3&labelSelector=parity%3Dodd',
      ),
    ).toEqual(['l1', 'l5']);

    const all = await raw(
      sim,
      'GET',
      '/api/v1/configmaps?labelSelector=parity',
    );
    expect(all.json.kind).toBe('ConfigMapList');
    expect(all.json.items).toHaveLength(7);
    const byNs = await raw(
      sim,
      'GET',
      '/api/v1/configmaps?fieldSelector=metadata.namespace%3Dlists',
    );
    expect(
      byNs.json.items.every((i: any) => i.metadata.namespace === 'lists'),
    ).toBe(true);

    const page1 = await raw(
      sim,
      'GET',
      '/api/v1/namespaces/lists/configmaps?limit=3',
    );
    expect(page1.json.items.map((i: any) => i.metadata.name)).toEqual([
      'l0',
      'l1',
      'l2',
    ]);
    expect(page1.json.metadata.continue).toBeTruthy();
    expect(page1.json.metadata.remainingItemCount).toBe(4);
    const page2 = await raw(
      sim,
      'GET',
      `/api/v1/namespaces/lists/configmaps?limit=3&continue=${page1.json.metadata.continue}`,
    );
    expect(page2.json.items.map((i: any) => i.metadata.name)).toEqual([
      'l3',
      'l4',
      'l5',
    ]);
    const page3 = await raw(
      sim,
      'GET',
      `/api/v1/namespaces/lists/configmaps?limit=3&continue=${page2.json.metadata.continue}`,
    );
    expect(page3.json.items.map((i: any) => i.metadata.name)).toEqual(['l6']);
    expect(page3.json.metadata.continue).toBeUndefined();
    expect(
      (
        await raw(
          sim,
          'GET',
          '/api/v1/namespaces/lists/configmaps?continue=garbage!',
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await raw(
          sim,
          'GET',
          `/api/v1/namespaces/lists/configmaps?labelSelector=${encodeURIComponent(
            'a in b',
          )}`,
        )
      ).status,
    ).toBe(400);

    const dc = await raw(
      sim,
      'DELETE',
      '/api/v1/namespaces/lists/configmaps?labelSelector=parity%3Deven',
    );
    expect(dc.status).toBe(200);
    expect(await names('')).toEqual(['l1', 'l3', 'l5']);
  });

  it('serves cluster-scoped resources and 404s namespaced paths for them', async () => {
    const pc = await raw(
      sim,
      'POST',
      '/apis/scheduling.k8s.io/v1/priorityclasses',
      {
        body: {
          apiVersion: 'scheduling.k8s.io/v1',
          kind: 'PriorityClass',
          metadata: { name: 'high' },
          value: 1000,
        },
      },
    );
    expect(pc.status).toBe(201);
    expect(pc.json.metadata.namespace).toBeUndefined();
    expect(
      (await raw(sim, 'GET', '/apis/scheduling.k8s.io/v1/priorityclasses/high'))
        .status,
    ).toBe(200);
    expect(
      (
        await raw(
          sim,
          'GET',
          '/apis/scheduling.k8s.io/v1/namespaces/default/priorityclasses/high',
        )
      ).status,
    ).toBe(404);
    expect((await raw(sim, 'GET', '/api/v1/pods/some-pod')).status).toBe(404);
    const role = await raw(
      sim,
      'POST',
      '/apis/rbac.authorization.k8s.io/v1/clusterroles',
      {
        body: {
          metadata: { name: 'system:ray:reader' },
          rules: [
            {
              apiGroups: ['ray.io'],
              resources: ['rayclusters'],
              verbs: ['get'],
            },
          ],
        },
      },
    );
    expect(role.status).toBe(201);
    expect(
      (
        await raw(
          sim,
          'GET',
          '/apis/rbac.authorization.k8s.io/v1/clusterroles/system:ray:reader',
        )
      ).status,
    ).toBe(200);
  });

  it('separates the /status subresource from the main resource and bumps generation on spec changes only', async () => {
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
      status: { replicas: 99 },
    };
    const created = await raw(
      sim,
      'POST',
      '/apis/apps/v1/namespaces/default/deployments',
      { body: dep },
    );
    expect(created.status).toBe(201);
    expect(created.json.status).toBeUndefined();
    expect(created.json.metadata.generation).toBe(1);

    const labelsOnly = await mergePatch(
      sim,
      '/apis/apps/v1/namespaces/default/deployments/web',
      { metadata: { labels: { x: 'y' } } },
    );
    expect(labelsOnly.json.metadata.generation).toBe(1);
    const spec = await mergePatch(
      sim,
      '/apis/apps/v1/namespaces/default/deployments/web',
      { spec: { replicas: 3 }, status: { replicas: 42 } },
    );
    expect(spec.json.metadata.generation).toBe(2);
    expect(spec.json.status?.replicas).not.toBe(42);

    const st = await mergePatch(
      sim,
      '/apis/apps/v1/namespaces/default/deployments/web/status',
      {
        spec: { replicas: 7 },
        status: { observedGeneration: 2, replicas: 5 },
      },
    );
    expect(st.status).toBe(200);
    expect(st.json.status).toMatchObject({ replicas: 5 });
    expect(st.json.spec.replicas).toBe(3);
    expect(st.json.metadata.generation).toBe(2);
    // the simulated deployment controller converges the status back to the spec
    await eventually(async () => {
      const getStatus = await raw(
        sim,
        'GET',
        '/apis/apps/v1/namespaces/default/deployments/web/status',
      );
      return (
        getStatus.json.status.availableReplicas === 3 &&
        getStatus.json.status.observedGeneration === 2
      );
    });
    const current = (
      await raw(sim, 'GET', '/apis/apps/v1/namespaces/default/deployments/web')
    ).json;
    const put = await raw(
      sim,
      'PUT',
      '/apis/apps/v1/namespaces/default/deployments/web/status',
      {
        body: {
          ...current,
          spec: { ...current.spec, replicas: 9 },
          status: { replicas: 1, observedGeneration: 1 },
        },
      },
    );
    expect(put.status).toBe(200);
    expect(put.json.status.replicas).toBe(1);
    expect(put.json.spec.replicas).toBe(3);
    expect(
      (await raw(sim, 'GET', '/api/v1/namespaces/default/configmaps/p1/status'))
        .status,
    ).toBe(404);

    const invalid = await raw(
      sim,
      'POST',
      '/apis/apps/v1/namespaces/default/deployments',
      {
        body: {
          ...dep,
          metadata: { name: 'bad' },
          spec: { ...dep.spec, selector: undefined },
        },
      },
    );
    expect(invalid.status).toBe(422);
    expect(invalid.json.details.causes.map((c: any) => c.field)).toContain(
      'spec.selector',
    );
  });

  it('applies built-in defaults (Secret stringData, Service clusterIP)', async () => {
    const s = await raw(sim, 'POST', '/api/v1/namespaces/default/secrets', {
      body: { metadata: { name: 's1' }, stringData: { password: 'hunter2' } },
    });
    expect(s.json.type).toBe('Opaque');
    expect(Buffer.from(s.json.data.password, 'base64').toString()).toBe(
      'hunter2',
    );
    const svc = await raw(sim, 'POST', '/api/v1/namespaces/default/services', {
      body: { metadata: { name: 'svc1' }, spec: { ports: [{ port: 80 }] } },
    });
    expect(svc.json.spec).toMatchObject({
      type: 'ClusterIP',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    expect(svc.json.spec.clusterIP).toMatch(/^10\.96\./);
  });

  it('refuses a watch of a resource without the verb, and 404s unknown resources', async () => {
    // selfsubjectaccessreviews only have `create` (watches are in cluster/watch/)
    expect(
      (
        await raw(
          sim,
          'GET',
          '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews?watch=true',
        )
      ).status,
    ).toBe(405);
    expect(
      (
        await raw(
          sim,
          'GET',
          '/apis/ray.io/v1/namespaces/default/rayclusters?watch=true',
        )
      ).status,
    ).toBe(404);
    const unknown = await raw(
      sim,
      'GET',
      '/apis/ray.io/v1/namespaces/default/rayclusters',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json.kind).toBe('Status');
  });

  it('answers SelfSubjectAccessReviews with allowed', async () => {
    const r = await raw(
      sim,
      'POST',
      '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      {
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: {
            resourceAttributes: { verb: 'create', resource: 'namespaces' },
          },
        },
      },
    );
    expect(r.status).toBe(201);
    expect(r.json.status.allowed).toBe(true);
  });
});

describe('bearer token', () => {
  it('answers 401 without the token and serves with it', async () => {
    const sim = await startKubeSim({ token: 's3cret' });
    try {
      const anon = await raw(sim, 'GET', '/api/v1/namespaces', { token: null });
      expect(anon.status).toBe(401);
      expect(anon.json).toMatchObject({
        kind: 'Status',
        reason: 'Unauthorized',
        code: 401,
      });
      expect(
        (await raw(sim, 'GET', '/api/v1/namespaces', { token: 'wrong' }))
          .status,
      ).toBe(401);
      expect((await raw(sim, 'GET', '/api/v1/namespaces')).status).toBe(200);
      expect(sim.stats.count({ status: 401 })).toBe(2);
    } finally {
      await sim.stop();
    }
  });
});
