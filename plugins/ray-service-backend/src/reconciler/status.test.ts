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

import type { ObservedObject } from '../kubernetes/ObjectClient';
import { TEMPLATE_VERSION_LABEL } from '../vocabulary';
import { keyOf, refOf } from './objects';
import { noProbes, TenantProbes } from './probes';
import { StatusInput, tenantStatus } from './status';
import type { DesiredTenant, TenantStatus } from './types';
import { TenantWrites } from './writes';
import {
  desired,
  statusSummary,
  VCLUSTER_TENANT_READY,
} from './__testUtils__/tenants';
import {
  isOperatorRelease,
  isVClusterRelease,
  observedFrom,
} from './__testUtils__/observed';

const NOW = '2026-03-01T12:00:00.000Z';
const EARLIER = '2026-03-01T11:00:00.000Z';

const vcluster = desired({ name: 'alpha', isolation: 'vcluster' });
const namespaced = desired({ name: 'alpha', isolation: 'namespace' });

const noWrites = (): TenantWrites => ({
  applied: [],
  deleted: [],
  failures: [],
  skipped: [],
});

const operatorInVCluster: TenantProbes = {
  installJobs: new Map(),
  vclusterOperators: {
    value: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'kuberay-operator', namespace: 'kuberay-system' },
        status: { conditions: [{ type: 'Available', status: 'True' }] },
      },
    ],
  },
};

function input(
  tenant: DesiredTenant,
  listed: ObservedObject[],
  extra: Partial<StatusInput> = {},
): StatusInput {
  return {
    tenant,
    listed,
    failedKinds: new Map(),
    actions: { tenant: tenant.name, apply: [], delete: [], mark: [] },
    writes: noWrites(),
    probes: noProbes(),
    now: NOW,
    ...extra,
  };
}

const withReleaseCondition =
  (condition: object, extra: object = {}) =>
  (o: ObservedObject) =>
    isVClusterRelease('alpha')(o)
      ? {
          ...o,
          ...extra,
          status: { ...(o.status as object), conditions: [condition] },
        }
      : o;

describe('tenantStatus', () => {
  it('is Ready when every condition holds', () => {
    const { status, converged } = tenantStatus(
      input(vcluster, observedFrom(vcluster.plan!), {
        probes: operatorInVCluster,
      }),
    );
    expect(statusSummary(status)).toEqual(VCLUSTER_TENANT_READY);
    expect(status.observedGeneration).toBe(1);
    expect(converged).toBe(true);
    expect(status.conditions.every(c => c.lastTransitionTime === NOW)).toBe(
      true,
    );
  });

  it('keeps transition times of conditions that did not change', () => {
    const previous: TenantStatus = {
      phase: 'Provisioning',
      conditions: [
        {
          type: 'NamespaceReady',
          status: 'True',
          reason: 'Active',
          message: '',
          lastTransitionTime: EARLIER,
        },
        {
          type: 'QueueReady',
          status: 'Unknown',
          reason: 'Pending',
          message: '',
          lastTransitionTime: EARLIER,
        },
      ],
    };
    const { status } = tenantStatus(
      input({ ...vcluster, status: previous }, observedFrom(vcluster.plan!), {
        probes: operatorInVCluster,
      }),
    );
    const time = (type: string) =>
      status.conditions.find(c => c.type === type)?.lastTransitionTime;
    expect(time('NamespaceReady')).toBe(EARLIER);
    expect(time('QueueReady')).toBe(NOW);
  });

  it('is Pending before anything exists, then Provisioning with what is missing', () => {
    expect(tenantStatus(input(vcluster, [])).status.phase).toBe('Pending');
    const partial = observedFrom(vcluster.plan!, o =>
      o.kind === 'Namespace' ? o : undefined,
    );
    const { status, converged } = tenantStatus(input(vcluster, partial));
    expect(status.phase).toBe('Provisioning');
    expect(
      status.conditions.find(c => c.type === 'QuotaApplied'),
    ).toMatchObject({
      status: 'False',
      reason: 'NotCreated',
      message:
        'ResourceQuota ray-alpha/ray-service-quota, LimitRange ray-alpha/ray-service-limits not created yet',
    });
    expect(
      status.conditions.find(c => c.type === 'OperatorReady'),
    ).toMatchObject({
      status: 'Unknown',
      reason: 'WaitingForControlPlane',
    });
    expect(converged).toBe(false);
  });

  it('uses what an apply returned as the newest observation', () => {
    const observed = observedFrom(vcluster.plan!);
    const queue = observed.find(o => o.kind === 'Queue')!;
    const { status } = tenantStatus(
      input(
        vcluster,
        observed.filter(o => o !== queue),
        {
          writes: {
            ...noWrites(),
            applied: [{ ...queue, status: undefined } as ObservedObject],
          },
          probes: operatorInVCluster,
        },
      ),
    );
    expect(status.conditions.find(c => c.type === 'QueueReady')).toMatchObject({
      status: 'Unknown',
      message: 'Queue ray-alpha waits for Volcano',
    });
  });

  it('records a failed apply with its message and keeps the observed generation', () => {
    const quota = vcluster.plan!.find(o => o.kind === 'ResourceQuota')!;
    const { status } = tenantStatus(
      input(
        {
          ...vcluster,
          generation: 2,
          status: {
            phase: 'Provisioning',
            conditions: [],
            observedGeneration: 1,
          },
        },
        observedFrom(vcluster.plan!, o =>
          o.kind === 'ResourceQuota' ? undefined : o,
        ),
        {
          actions: { tenant: 'alpha', apply: [quota], delete: [], mark: [] },
          writes: {
            ...noWrites(),
            failures: [
              {
                verb: 'apply',
                object: refOf(quota),
                reason: 'ApplyFailed',
                message: 'apply ResourceQuota: HTTP 500: boom',
                permanent: false,
              },
            ],
          },
        },
      ),
    );
    expect(status.phase).toBe('Provisioning');
    expect(status.observedGeneration).toBe(1);
    expect(
      status.conditions.find(c => c.type === 'QuotaApplied'),
    ).toMatchObject({
      status: 'False',
      reason: 'ApplyFailed',
      message: 'apply ResourceQuota: HTTP 500: boom',
    });
    expect(status.conditions.find(c => c.type === 'Reconciled')).toMatchObject({
      status: 'False',
      reason: 'ApplyFailed',
    });
  });

  it('is Failed when an object is invalid or a release failed for good', () => {
    const quota = vcluster.plan!.find(o => o.kind === 'ResourceQuota')!;
    const invalid = tenantStatus(
      input(
        vcluster,
        observedFrom(vcluster.plan!, o =>
          o.kind === 'ResourceQuota' ? undefined : o,
        ),
        {
          writes: {
            ...noWrites(),
            failures: [
              {
                verb: 'apply',
                object: refOf(quota),
                reason: 'Invalid',
                message: 'HTTP 422: spec.hard is invalid',
                permanent: true,
              },
            ],
          },
        },
      ),
    );
    expect(invalid.status.phase).toBe('Failed');
    expect(
      invalid.status.conditions.find(c => c.type === 'QuotaApplied')?.reason,
    ).toBe('Invalid');

    const failedRelease = tenantStatus(
      input(
        vcluster,
        observedFrom(
          vcluster.plan!,
          withReleaseCondition({
            type: 'Ready',
            status: 'False',
            reason: 'InstallFailed',
            message: 'chart not found',
            observedGeneration: 1,
          }),
        ),
      ),
    );
    expect(failedRelease.status.phase).toBe('Failed');
    expect(
      failedRelease.status.conditions.find(c => c.type === 'ControlPlaneReady'),
    ).toMatchObject({
      status: 'False',
      reason: 'InstallFailed',
      message: 'HelmRelease flux-system/ray-alpha-vcluster: chart not found',
    });
  });

  it('is Degraded when a Ready tenant stops working, and keeps its phase when a list failed', () => {
    const ready: TenantStatus = {
      phase: 'Ready',
      conditions: [],
      observedGeneration: 1,
    };
    const closed = observedFrom(vcluster.plan!, o =>
      o.kind === 'Queue' ? { ...o, status: { state: 'Closed' } } : o,
    );
    expect(
      tenantStatus(
        input({ ...vcluster, status: ready }, closed, {
          probes: operatorInVCluster,
        }),
      ).status.phase,
    ).toBe('Degraded');

    const { status, converged } = tenantStatus(
      input(
        { ...vcluster, status: ready },
        observedFrom(vcluster.plan!, o => (o.kind === 'Queue' ? undefined : o)),
        {
          failedKinds: new Map([
            [
              'scheduling.volcano.sh/v1beta1/Queue',
              'list Queue: HTTP 429: slow down',
            ],
          ]),
        },
      ),
    );
    expect(status.phase).toBe('Ready');
    expect(converged).toBe(false);
    expect(status.conditions.find(c => c.type === 'QueueReady')).toMatchObject({
      status: 'Unknown',
      reason: 'ObserveFailed',
      message: 'list Queue: HTTP 429: slow down',
    });
  });

  it('is Upgrading while the releases carry another template version or are upgrading', () => {
    const ready: TenantStatus = {
      phase: 'Ready',
      conditions: [],
      observedGeneration: 1,
    };
    const oldVersion = observedFrom(vcluster.plan!, o =>
      isVClusterRelease('alpha')(o)
        ? {
            ...o,
            metadata: {
              ...o.metadata,
              labels: {
                ...o.metadata.labels,
                [TEMPLATE_VERSION_LABEL]: 'kuberay-1.0.0',
              },
            },
          }
        : o,
    );
    expect(
      tenantStatus(
        input({ ...vcluster, generation: 2, status: ready }, oldVersion),
      ).status.phase,
    ).toBe('Upgrading');

    const progressing = observedFrom(
      vcluster.plan!,
      withReleaseCondition(
        {
          type: 'Ready',
          status: 'True',
          reason: 'InstallSucceeded',
          observedGeneration: 1,
        },
        {
          metadata: {
            ...vcluster.plan!.find(isVClusterRelease('alpha'))!.metadata,
            generation: 2,
          },
        },
      ),
    );
    const { status } = tenantStatus(
      input({ ...vcluster, generation: 2, status: ready }, progressing),
    );
    expect(status.phase).toBe('Upgrading');
    expect(
      status.conditions.find(c => c.type === 'ControlPlaneReady'),
    ).toMatchObject({
      status: 'Unknown',
      reason: 'Progressing',
    });
  });

  it('carries the operator condition of a Ready tenant that was not probed again', () => {
    const first = tenantStatus(
      input(vcluster, observedFrom(vcluster.plan!), {
        probes: operatorInVCluster,
      }),
    );
    const { status } = tenantStatus(
      input(
        { ...vcluster, status: first.status },
        observedFrom(vcluster.plan!),
      ),
    );
    expect(status.conditions.find(c => c.type === 'OperatorReady')).toEqual(
      first.status.conditions.find(c => c.type === 'OperatorReady'),
    );
    expect(status.phase).toBe('Ready');
  });

  it('checks the namespaced operator Deployment when it was read', () => {
    const observed = observedFrom(namespaced.plan!);
    const missing = tenantStatus(
      input(namespaced, observed, {
        probes: {
          installJobs: new Map(),
          operatorDeployment: { value: undefined },
        },
      }),
    );
    expect(
      missing.status.conditions.find(c => c.type === 'OperatorReady'),
    ).toMatchObject({
      status: 'False',
      reason: 'OperatorNotFound',
    });
    const { status } = tenantStatus(input(namespaced, observed));
    expect(statusSummary(status)).toMatchObject({
      phase: 'Ready',
      OperatorReady: 'True',
      AddonsReady: 'True',
    });
    expect(observed.some(isOperatorRelease('alpha'))).toBe(true);
  });

  it('reports a deleting tenant gone once nothing of it is listed', () => {
    const deleting = { ...vcluster, deleting: true, generation: 3 };
    const remaining = tenantStatus(
      input(deleting, observedFrom(vcluster.plan!)),
    );
    expect(remaining).toMatchObject({
      gone: false,
      converged: false,
      status: { phase: 'Deleting' },
    });
    expect(remaining.status.conditions[0].message).toMatch(
      /^\d+ objects remain/,
    );
    const gone = tenantStatus(input(deleting, []));
    expect(gone).toMatchObject({
      gone: true,
      converged: true,
      status: { phase: 'Deleting', observedGeneration: 3 },
    });
    expect(
      tenantStatus(
        input(deleting, [], {
          failedKinds: new Map([['v1/Namespace', 'HTTP 500']]),
        }),
      ).gone,
    ).toBe(false);
  });

  it('ignores objects it did not plan when judging conditions', () => {
    const observed = observedFrom(vcluster.plan!);
    const stray = {
      ...observed[0],
      metadata: { ...observed[0].metadata, name: 'stray' },
    };
    expect(keyOf(stray)).not.toBe(keyOf(observed[0]));
    const { status } = tenantStatus(
      input(vcluster, [...observed, stray], { probes: operatorInVCluster }),
    );
    expect(status.phase).toBe('Ready');
  });
});
