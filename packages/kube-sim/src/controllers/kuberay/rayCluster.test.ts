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

import type { KubeSim } from '../../index';
import { eventually, mergePatch, nextTurn } from '../../__testUtils__/helpers';
import {
  authToken,
  condition,
  createNamespace,
  createRay,
  gpuWorkers,
  rayClusterSpec,
  rayStatus,
  readyRayCluster,
  startRaySim,
  withUnreadyRaySim,
} from '../../__testUtils__/ray';

jest.setTimeout(30_000);

const createCluster = (
  sim: KubeSim,
  ns: string,
  cluster: string,
  spec: unknown,
) => createRay(sim, ns, 'RayCluster', cluster, spec);
const clusterStatus = (
  sim: KubeSim,
  ns: string,
  cluster: string,
  check: (status: any) => boolean,
) => rayStatus(sim.objects, ns, 'RayCluster', cluster, check);
const podsOf = (sim: KubeSim, ns: string, cluster: string) =>
  sim.objects.list('v1', 'Pod', {
    namespace: ns,
    labelSelector: { 'ray.io/cluster': cluster },
  });

describe('KubeRay RayCluster', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startRaySim('team');
  });
  afterAll(() => sim.stop());
  const tokenAuthCluster = (
    name: string,
    authOptions: Record<string, unknown> = {},
    spec: Record<string, unknown> = {},
  ) =>
    createCluster(
      sim,
      'team',
      name,
      rayClusterSpec([], {
        ...spec,
        authOptions: { mode: 'token', ...authOptions },
      }),
    );

  it('creates head and worker pods, a headless head Service and a ready status', async () => {
    const rc = await readyRayCluster(
      sim,
      'team',
      'rc',
      rayClusterSpec([gpuWorkers(2)]),
    );

    const pods = podsOf(sim, 'team', 'rc');
    const head = pods.find(
      p => p.metadata.labels['ray.io/node-type'] === 'head',
    )!;
    const workers = pods.filter(
      p => p.metadata.labels['ray.io/node-type'] === 'worker',
    );
    expect(head.metadata.name).toMatch(/^rc-head-[a-z0-9]{5}$/);
    expect(workers.map(w => w.metadata.name)).toEqual([
      expect.stringMatching(/^rc-gpu-worker-[a-z0-9]{5}$/),
      expect.stringMatching(/^rc-gpu-worker-[a-z0-9]{5}$/),
    ]);
    expect(head.metadata.labels).toMatchObject({
      'ray.io/cluster': 'rc',
      'ray.io/node-type': 'head',
      'ray.io/group': 'headgroup',
      'app.kubernetes.io/created-by': 'kuberay-operator',
    });
    expect(workers[0].metadata.labels['ray.io/group']).toBe('gpu');
    expect(head.metadata.ownerReferences[0]).toMatchObject({
      kind: 'RayCluster',
      name: 'rc',
      uid: rc.metadata.uid,
      controller: true,
    });
    // GPU requests are kept as the template has them
    expect(
      workers[0].spec.containers[0].resources.requests['nvidia.com/gpu'],
    ).toBe('1');
    for (const pod of pods) {
      expect(pod.status.phase).toBe('Running');
      expect(condition(pod, 'Ready').status).toBe('True');
      expect(pod.status.podIP).toMatch(/^10\.244\./);
    }
    expect(new Set(pods.map(p => p.status.podIP)).size).toBe(3);

    const svc = sim.objects.get('v1', 'Service', 'team', 'rc-head-svc')!;
    expect(svc.spec.clusterIP).toBe('None');
    expect(
      Object.fromEntries(svc.spec.ports.map((p: any) => [p.name, p.port])),
    ).toEqual({
      client: 10001,
      dashboard: 8265,
      'gcs-server': 6379,
      metrics: 8080,
      serve: 8000,
    });
    expect(svc.spec.selector).toMatchObject({
      'ray.io/cluster': 'rc',
      'ray.io/node-type': 'head',
    });

    expect(rc.status).toMatchObject({
      state: 'ready',
      readyWorkerReplicas: 2,
      availableWorkerReplicas: 2,
      desiredWorkerReplicas: 2,
      maxWorkerReplicas: 5,
      desiredCPU: '5',
      desiredMemory: '10Gi',
      desiredGPU: '2',
      observedGeneration: 1,
      head: {
        podIP: head.status.podIP,
        podName: head.metadata.name,
        serviceName: 'rc-head-svc',
        serviceIP: head.status.podIP,
      },
      endpoints: {
        dashboard: '8265',
        client: '10001',
        'gcs-server': '6379',
        metrics: '8080',
        serve: '8000',
      },
    });
    expect(rc.status.minWorkerReplicas).toBeUndefined(); // 0 is left out, as KubeRay's omitempty does
    expect(condition(rc, 'HeadPodReady')).toMatchObject({
      status: 'True',
      reason: 'HeadPodRunningAndReady',
    });
    expect(condition(rc, 'RayClusterProvisioned')).toMatchObject({
      status: 'True',
      reason: 'AllPodRunningAndReadyFirstTime',
    });
    expect(condition(rc, 'ReplicaFailure')).toBeUndefined();
  });

  it('scales a worker group up and down', async () => {
    const path = '/apis/ray.io/v1/namespaces/team/rayclusters/rc';
    const spec = rayClusterSpec([gpuWorkers(3)]);
    expect(
      (
        await mergePatch(sim, path, {
          spec: { workerGroupSpecs: spec.workerGroupSpecs },
        })
      ).status,
    ).toBe(200);
    await clusterStatus(sim, 'team', 'rc', s => s.readyWorkerReplicas === 3);
    expect(podsOf(sim, 'team', 'rc')).toHaveLength(4);

    await mergePatch(sim, path, {
      spec: {
        workerGroupSpecs: rayClusterSpec([gpuWorkers(1)]).workerGroupSpecs,
      },
    });
    const rc = await clusterStatus(
      sim,
      'team',
      'rc',
      s => s.desiredWorkerReplicas === 1,
    );
    await eventually(() => podsOf(sim, 'team', 'rc').length === 2);
    expect(rc.status.desiredCPU).toBe('3');
  });

  it('deletes every pod while suspended and brings them back', async () => {
    const path = '/apis/ray.io/v1/namespaces/team/rayclusters/rc';
    await mergePatch(sim, path, { spec: { suspend: true } });
    const suspended = await clusterStatus(
      sim,
      'team',
      'rc',
      s => s.state === 'suspended',
    );
    expect(podsOf(sim, 'team', 'rc')).toEqual([]);
    expect(condition(suspended, 'RayClusterSuspended').status).toBe('True');
    expect(condition(suspended, 'RayClusterSuspending').status).toBe('False');

    await mergePatch(sim, path, { spec: { suspend: false } });
    const back = await clusterStatus(
      sim,
      'team',
      'rc',
      s => s.state === 'ready' && s.readyWorkerReplicas === 1,
    );
    expect(condition(back, 'RayClusterSuspended').status).toBe('False');
    expect(podsOf(sim, 'team', 'rc')).toHaveLength(2);
  });

  it('creates the token Secret and the auth env of KubeRay ≥ 1.5.1 for authOptions.mode token', async () => {
    await readyRayCluster(
      sim,
      'team',
      'secure',
      rayClusterSpec([gpuWorkers(1)], { authOptions: { mode: 'token' } }),
    );
    const secret = sim.objects.get('v1', 'Secret', 'team', 'secure')!;
    const token = authToken(sim, 'team', 'secure');
    expect(token).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(token, 'base64')).toHaveLength(32);
    expect(secret.metadata.labels).toEqual({ 'ray.io/cluster': 'secure' });
    expect(secret.metadata.ownerReferences[0]).toMatchObject({
      kind: 'RayCluster',
      name: 'secure',
    });
    for (const pod of podsOf(sim, 'team', 'secure')) {
      expect(pod.spec.containers[0].env).toEqual(
        expect.arrayContaining([
          { name: 'RAY_AUTH_MODE', value: 'token' },
          {
            name: 'RAY_AUTH_TOKEN',
            valueFrom: { secretKeyRef: { name: 'secure', key: 'auth_token' } },
          },
        ]),
      );
    }
  });

  it('uses the Secret named in authOptions.secretName, and waits for it like a kubelet', async () => {
    await tokenAuthCluster('byo', { secretName: 'my-token' });
    const waiting = await clusterStatus(sim, 'team', 'byo', s =>
      s.conditions?.some((c: any) => c.reason === 'CreateContainerConfigError'),
    );
    expect(condition(waiting, 'HeadPodReady').message).toContain(
      'secret "my-token" not found',
    );
    expect(sim.objects.get('v1', 'Secret', 'team', 'byo')).toBeUndefined();
    sim.objects.put({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'my-token', namespace: 'team' },
      stringData: { auth_token: 'chosen-token' },
    });
    await clusterStatus(sim, 'team', 'byo', s => s.state === 'ready');
  });

  it('reports pods a ResourceQuota refuses as ReplicaFailure', async () => {
    await createNamespace(sim, 'small');
    sim.objects.put({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tenant-quota', namespace: 'small' },
      spec: { hard: { 'requests.cpu': '4', 'requests.nvidia.com/gpu': '1' } },
    });
    await createCluster(sim, 'small', 'big', rayClusterSpec([gpuWorkers(2)]));
    const rc = await clusterStatus(sim, 'small', 'big', s =>
      s.conditions?.some((c: any) => c.type === 'ReplicaFailure'),
    );
    expect(condition(rc, 'ReplicaFailure')).toMatchObject({
      status: 'True',
      reason: 'FailedCreateWorkerPod',
    });
    // the head (1 CPU) and one worker (2 CPUs, 1 GPU) fit; the second worker exceeds both
    expect(condition(rc, 'ReplicaFailure').message).toBe(
      'FailedCreateWorkerPod\npods "big-gpu-worker-" is forbidden: exceeded quota: tenant-quota, ' +
        'requested: requests.cpu=2,requests.nvidia.com/gpu=1, used: requests.cpu=3,requests.nvidia.com/gpu=1, ' +
        'limited: requests.cpu=4,requests.nvidia.com/gpu=1',
    );
    expect(podsOf(sim, 'small', 'big')).toHaveLength(2); // head and one worker
    // the quota controller counts them in the quota's status
    const counted = await eventually(() => {
      const quota = sim.objects.get(
        'v1',
        'ResourceQuota',
        'small',
        'tenant-quota',
      );
      return quota?.status?.used?.['requests.cpu'] === '3' && quota.status;
    });
    expect(counted).toEqual({
      hard: { 'requests.cpu': '4', 'requests.nvidia.com/gpu': '1' },
      used: { 'requests.cpu': '3', 'requests.nvidia.com/gpu': '1' },
    });
  });

  it('refuses a token-auth cluster of Ray < 2.52.0 with a Warning Event, as KubeRay validates', async () => {
    await tokenAuthCluster('old', {}, { rayVersion: '2.46.0' });
    const event = await eventually(() =>
      sim.objects
        .list('v1', 'Event', { namespace: 'team' })
        .find(e => e.involvedObject?.name === 'old'),
    );
    expect(event).toMatchObject({
      type: 'Warning',
      reason: 'InvalidRayClusterSpec',
      message:
        "The RayCluster spec is invalid team/old: authOptions.mode is 'token' but minimum Ray version is 2.52.0, got 2.46.0",
    });
    await nextTurn();
    expect(podsOf(sim, 'team', 'old')).toEqual([]);
  });
});

describe('KubeRay RayCluster before its pods start', () => {
  it('has Pending pods without IPs and says the head is not ready yet', async () => {
    await withUnreadyRaySim('team', async sim => {
      await createCluster(sim, 'team', 'rc', rayClusterSpec([gpuWorkers(1)]));
      const rc = await clusterStatus(sim, 'team', 'rc', s =>
        s.conditions?.some((c: any) => c.reason === 'ContainerCreating'),
      );
      expect(rc.status.state).toBeUndefined();
      expect(condition(rc, 'RayClusterProvisioned')).toMatchObject({
        status: 'False',
        reason: 'RayClusterPodsProvisioning',
      });
      expect(rc.status.readyWorkerReplicas).toBeUndefined();
      for (const pod of podsOf(sim, 'team', 'rc')) {
        expect(pod.status.phase).toBe('Pending');
        expect(pod.status.podIP).toBeUndefined();
        expect(pod.spec.nodeName).toBeDefined();
      }
    });
  });
});
