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

import { diff, teardown } from './diff';
import type { Observation } from './observe';
import { indexByTenant } from './observe';
import { desired } from './__testUtils__/tenants';
import { isVClusterRelease, observedFrom } from './__testUtils__/observed';
import type { ObservedObject } from '../kubernetes/ObjectClient';

const alpha = desired({ name: 'alpha', isolation: 'vcluster' });
const plan = alpha.plan!;

function observation(
  objects: ObservedObject[],
  failedKinds: Record<string, string> = {},
): Observation {
  return {
    byTenant: indexByTenant(objects),
    failedKinds: new Map(Object.entries(failedKinds)),
  };
}

const names = (
  refs: Array<{ kind: string; name?: string; metadata?: { name: string } }>,
) => refs.map(r => `${r.kind}/${r.name ?? r.metadata?.name}`);

describe('diff', () => {
  it('applies the whole plan, in order, to an empty cluster', () => {
    const { tenants } = diff([alpha], observation([]));
    expect(tenants).toEqual([
      { tenant: 'alpha', apply: plan, delete: [], mark: [] },
    ]);
  });

  it('does nothing in a steady state', () => {
    const { tenants, orphans } = diff([alpha], observation(observedFrom(plan)));
    expect(tenants).toEqual([
      { tenant: 'alpha', apply: [], delete: [], mark: [] },
    ]);
    expect(orphans).toEqual([]);
  });

  it('applies what is missing or has drifted, and only that', () => {
    const observed = observedFrom(plan, o => {
      if (o.kind === 'LimitRange') return undefined;
      if (o.kind === 'Queue')
        return { ...o, spec: { ...(o.spec as object), weight: 5 } };
      return o;
    });
    const { tenants } = diff([alpha], observation(observed));
    expect(names(tenants[0].apply)).toEqual([
      'Queue/ray-alpha',
      'LimitRange/ray-service-limits',
    ]);
  });

  it('deletes objects labelled for the tenant that the plan no longer has', () => {
    const smaller = {
      ...alpha,
      plan: plan.filter(o => o.kind !== 'NetworkPolicy'),
    };
    const { tenants } = diff([smaller], observation(observedFrom(plan)));
    expect(tenants[0].apply).toEqual([]);
    expect(tenants[0].delete.map(r => r.kind)).toEqual(
      plan.filter(o => o.kind === 'NetworkPolicy').map(() => 'NetworkPolicy'),
    );
  });

  it('applies objects of a kind it could not list, but deletes nothing of it', () => {
    const observed = observedFrom(plan);
    const { tenants } = diff(
      [{ ...alpha, plan: plan.filter(o => o.kind !== 'HelmRelease') }],
      observation(
        observed.filter(o => o.kind !== 'HelmRelease'),
        {
          'helm.toolkit.fluxcd.io/v2/HelmRelease': 'list HelmRelease: HTTP 500',
        },
      ),
    );
    expect(tenants[0]).toMatchObject({ apply: [], delete: [] });
    const again = diff(
      [alpha],
      observation(
        observed.filter(o => o.kind !== 'HelmRelease'),
        {
          'helm.toolkit.fluxcd.io/v2/HelmRelease': 'list HelmRelease: HTTP 500',
        },
      ),
    );
    expect(names(again.tenants[0].apply)).toEqual([
      'HelmRelease/ray-alpha-vcluster',
    ]);
  });

  it('waits while the namespace of a re-created tenant is still terminating', () => {
    const observed = observedFrom(plan, o =>
      o.kind === 'Namespace'
        ? { ...o, metadata: { ...o.metadata, deletionTimestamp: new Date() } }
        : o,
    );
    const { tenants } = diff([alpha], observation(observed));
    expect(tenants[0]).toMatchObject({
      apply: [],
      delete: [],
      waiting:
        'an earlier tenant of this name is being torn down: Namespace ray-alpha is still terminating; the tenant is created again once they are gone',
    });
  });

  it('never adopts the queue an earlier tenant of the name is closing: waits, then deletes it once closed', () => {
    const markedQueue = (state: string) =>
      observedFrom(plan, o =>
        o.kind === 'Queue'
          ? {
              ...o,
              metadata: {
                ...o.metadata,
                annotations: { 'ray-service.io/teardown': 'true' },
              },
              status: { state },
            }
          : undefined,
      );
    const waiting =
      'an earlier tenant of this name is being torn down: Queue ray-alpha is being closed and deleted; the tenant is created again once they are gone';
    expect(diff([alpha], observation(markedQueue('Open'))).tenants[0]).toEqual({
      tenant: 'alpha',
      apply: [],
      delete: [],
      mark: [],
      waiting,
    });
    const closed = diff([alpha], observation(markedQueue('Closed')));
    expect(closed.tenants[0].apply).toEqual([]);
    expect(names(closed.tenants[0].delete)).toEqual(['Queue/ray-alpha']);
    expect(closed.tenants[0].waiting).toBe(waiting);
  });

  it('leaves a tenant without a plan alone', () => {
    const { tenants } = diff(
      [{ ...alpha, plan: undefined }],
      observation(observedFrom(plan)),
    );
    expect(tenants[0]).toEqual({
      tenant: 'alpha',
      apply: [],
      delete: [],
      mark: [],
    });
  });

  it('tears down deleting and unknown tenants', () => {
    const beta = desired({ name: 'beta', isolation: 'namespace' });
    const { tenants, orphans } = diff(
      [{ ...alpha, deleting: true }],
      observation([...observedFrom(plan), ...observedFrom(beta.plan!)]),
    );
    expect(orphans).toEqual(['beta']);
    expect(tenants.map(t => t.tenant)).toEqual(['alpha', 'beta']);
    expect(tenants.every(t => t.apply.length === 0)).toBe(true);
    expect(names(tenants[0].delete)).toEqual([
      'HelmRepository/ray-alpha-vcluster',
      'HelmRelease/ray-alpha-vcluster',
    ]);
  });
});

describe('teardown', () => {
  const observed = observedFrom(plan);

  const inside = observed.filter(o => o.metadata.namespace !== 'flux-system');

  it('deletes what lives outside the tenant namespace first', () => {
    const first = teardown(observed, true);
    expect(first.delete.length).toBeGreaterThan(0);
    expect(first.delete.every(r => r.namespace === 'flux-system')).toBe(true);
    expect(first.apply).toEqual([]);
  });

  it('then the namespace, whose contents go with it, and closes the open queue', () => {
    const next = teardown(inside, true);
    expect(names(next.delete)).toEqual(['Namespace/ray-alpha']);
    expect(names(next.apply)).toEqual(['Command/ray-alpha-closequeue']);
    expect(names(next.mark)).toEqual(['Queue/ray-alpha']);
    expect(next.waiting).toMatch(/Queue ray-alpha is Open/);
  });

  it('asks Volcano once: a marked queue is waited for without a write', () => {
    const marked = inside
      .filter(o => o.kind === 'Queue')
      .map(o => ({
        ...o,
        metadata: {
          ...o.metadata,
          annotations: { 'ray-service.io/teardown': 'true' },
        },
        status: { state: 'Open' },
      }));
    expect(teardown(marked, true)).toEqual({
      delete: [],
      apply: [],
      mark: [],
      waiting:
        'a Volcano queue is deleted once closed: Queue ray-alpha is Open; asked Volcano to close it',
    });
  });

  it('deletes the queue once Volcano has closed it', () => {
    const closed = inside
      .filter(o => o.kind === 'Queue')
      .map(o => ({ ...o, status: { state: 'Closed' } }));
    expect(teardown(closed, true)).toEqual({
      delete: [
        {
          apiVersion: 'scheduling.volcano.sh/v1beta1',
          kind: 'Queue',
          name: 'ray-alpha',
        },
      ],
      apply: [],
      mark: [],
    });
  });

  it('waits for releases that are being uninstalled', () => {
    const uninstalling = observed.map(o =>
      isVClusterRelease('alpha')(o)
        ? { ...o, metadata: { ...o.metadata, deletionTimestamp: new Date() } }
        : o,
    );
    const first = teardown(
      uninstalling.filter(o => o.kind !== 'HelmRepository'),
      true,
    );
    expect(first).toEqual({ delete: [], apply: [], mark: [] });
  });

  it('does not delete the namespace while a list failed', () => {
    expect(teardown(inside, false)).toEqual({
      delete: [],
      apply: [],
      mark: [],
    });
  });

  it('does not delete what is already terminating', () => {
    const terminating = observed
      .filter(o => o.metadata.namespace !== 'flux-system')
      .map(o => ({
        ...o,
        metadata: { ...o.metadata, deletionTimestamp: new Date() },
      }));
    expect(teardown(terminating, true)).toEqual({
      delete: [],
      apply: [],
      mark: [],
    });
  });
});
