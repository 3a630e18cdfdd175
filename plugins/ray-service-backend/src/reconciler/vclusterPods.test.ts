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
import type { TenantProbes } from './probes';
import { tenantStatus } from './status';
import { isSyncedOperatorPod, syncedOperatorPodSelector } from './vclusterPods';
import {
  VCLUSTER_MANAGED_BY_LABEL,
  VCLUSTER_NAMESPACE_LABEL,
  VCLUSTER_OBJECT_NAME_ANNOTATION,
  VCLUSTER_OBJECT_NAMESPACE_ANNOTATION,
} from '../vocabulary';
import { desired, statusSummary } from './__testUtils__/tenants';
import { observedFrom } from './__testUtils__/observed';

const NOW = '2026-03-01T12:00:00.000Z';
const UNREACHABLE =
  'list Deployment: connect ECONNREFUSED ray-alpha-vcluster.ray-alpha.svc:443';

const vcluster = desired({ name: 'alpha', isolation: 'vcluster' });

/** A host pod as vcluster's syncer makes it for a pod inside the vcluster. */
function syncedPod(
  name: string,
  status: Record<string, unknown>,
  namespace = 'kuberay-system',
): ObservedObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${name}-x-${namespace}-x-ray-alpha-vcluster`.slice(0, 63),
      namespace: 'ray-alpha',
      labels: {
        [VCLUSTER_MANAGED_BY_LABEL]: 'ray-alpha-vcluster',
        [VCLUSTER_NAMESPACE_LABEL]: namespace,
      },
      annotations: {
        [VCLUSTER_OBJECT_NAME_ANNOTATION]: name,
        [VCLUSTER_OBJECT_NAMESPACE_ANNOTATION]: namespace,
      },
    },
    status,
  };
}

const running = {
  phase: 'Running',
  conditions: [
    { type: 'PodScheduled', status: 'True' },
    { type: 'ContainersReady', status: 'True' },
    { type: 'Ready', status: 'True' },
  ],
};

const pullingFailed = {
  phase: 'Pending',
  conditions: [
    { type: 'PodScheduled', status: 'True' },
    {
      type: 'Ready',
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [kuberay-operator]',
    },
  ],
  containerStatuses: [
    {
      name: 'kuberay-operator',
      ready: false,
      state: {
        waiting: {
          reason: 'ImagePullBackOff',
          message: 'Back-off pulling image "quay.io/kuberay/operator:v1.7.0"',
        },
      },
    },
  ],
};

/** The tenant's status when the vcluster API was unreachable, with these host pods. */
function statusWith(probes: Partial<TenantProbes>) {
  return tenantStatus({
    tenant: vcluster,
    listed: observedFrom(vcluster.plan!),
    failedKinds: new Map(),
    actions: { tenant: 'alpha', apply: [], delete: [] },
    writes: { applied: [], deleted: [], failures: [], skipped: [] },
    probes: {
      installJobs: new Map(),
      vclusterOperators: { error: UNREACHABLE },
      ...probes,
    },
    now: NOW,
  }).status;
}

const operatorReady = (probes: Partial<TenantProbes>) =>
  statusWith(probes).conditions.find(c => c.type === 'OperatorReady');

describe('OperatorReady of a vcluster whose API is unreachable', () => {
  it('is True when a synced pod of the operator is Ready', () => {
    const ready = syncedPod('kuberay-operator-5d4f8b9c7d-x2x4z', running);
    const status = statusWith({
      hostOperatorPods: {
        value: [
          ready,
          syncedPod('kuberay-operator-6b8f7d9c5d-abcde', pullingFailed),
        ],
      },
    });
    expect(status.phase).toBe('Ready');
    const condition = status.conditions.find(c => c.type === 'OperatorReady');
    expect(condition).toMatchObject({
      status: 'True',
      reason: 'OperatorPodReady',
    });
    expect(condition?.message).toBe(
      "the KubeRay operator's pod kuberay-system/kuberay-operator-5d4f8b9c7d-x2x4z is Ready " +
        `(host pod ray-alpha/${ready.metadata.name}; ` +
        `read on the host because the vcluster API was unreachable: ${UNREACHABLE})`,
    );
  });

  it('is False with the container waiting reason when its pods exist but none is Ready', () => {
    const status = statusWith({
      hostOperatorPods: {
        value: [syncedPod('kuberay-operator-6b8f7d9c5d-abcde', pullingFailed)],
      },
    });
    expect(statusSummary(status)).toMatchObject({
      phase: 'Provisioning',
      OperatorReady: 'False',
    });
    const condition = status.conditions.find(c => c.type === 'OperatorReady');
    expect(condition?.reason).toBe('ImagePullBackOff');
    expect(condition?.message).toContain(
      "the KubeRay operator's pod kuberay-system/kuberay-operator-6b8f7d9c5d-abcde is not Ready: " +
        'container kuberay-operator is waiting: ImagePullBackOff: Back-off pulling image',
    );
    expect(condition?.message).toContain(UNREACHABLE);
  });

  it('is False with OperatorPodNotReady when no container says why', () => {
    const condition = operatorReady({
      hostOperatorPods: {
        value: [
          syncedPod('kuberay-operator-6b8f7d9c5d-abcde', {
            phase: 'Pending',
            conditions: [
              {
                type: 'PodScheduled',
                status: 'False',
                reason: 'Unschedulable',
                message: '0/3 nodes are available: 3 Insufficient cpu.',
              },
            ],
          }),
        ],
      },
    });
    expect(condition).toMatchObject({
      status: 'False',
      reason: 'OperatorPodNotReady',
    });
    expect(condition?.message).toContain(
      'is not Ready: not scheduled (Unschedulable): 0/3 nodes are available',
    );
  });

  it('is Unknown (VClusterUnreachable) with both errors when no operator pod is synced', () => {
    const condition = operatorReady({
      hostOperatorPods: {
        // another pod of the namespace is not the operator's
        value: [syncedPod('kuberay-apiserver-7c9f6d5b8-qwert', running)],
      },
    });
    expect(condition).toMatchObject({
      status: 'Unknown',
      reason: 'VClusterUnreachable',
    });
    expect(condition?.message).toBe(
      `${UNREACHABLE}; no pod of the KubeRay operator is synced to the host ` +
        '(pods in ray-alpha with vcluster.loft.sh/managed-by=ray-alpha-vcluster,vcluster.loft.sh/namespace=kuberay-system)',
    );
  });

  it('is Unknown (VClusterUnreachable) when the host pods cannot be read either', () => {
    const condition = operatorReady({
      hostOperatorPods: { error: 'list Pod in ray-alpha: HTTP 403: forbidden' },
    });
    expect(condition).toMatchObject({
      status: 'Unknown',
      reason: 'VClusterUnreachable',
    });
    expect(condition?.message).toContain(UNREACHABLE);
    expect(condition?.message).toContain('HTTP 403: forbidden');
  });

  it('stays Unknown with the vcluster error alone when there was no fallback (the vcluster answered)', () => {
    const condition = operatorReady({
      vclusterOperators: {
        error: 'list Deployment: HTTP 401: Unauthorized',
      },
    });
    expect(condition).toMatchObject({
      status: 'Unknown',
      reason: 'VClusterUnreachable',
      message: 'list Deployment: HTTP 401: Unauthorized',
    });
  });
});

describe('synced operator pods', () => {
  it('are found by the labels and annotation of vcluster', () => {
    expect(syncedOperatorPodSelector('alpha')).toBe(
      'vcluster.loft.sh/managed-by=ray-alpha-vcluster,vcluster.loft.sh/namespace=kuberay-system',
    );
    expect(
      isSyncedOperatorPod(syncedPod('kuberay-operator-5d4f8b9c7d-x2x4z', {})),
    ).toBe(true);
    expect(
      isSyncedOperatorPod(syncedPod('kuberay-apiserver-7c9f6d5b8-qwert', {})),
    ).toBe(false);
  });
});
