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

import {
  parseQuantity,
  type ComputeProfile,
  type IsolationMode,
  type TemplateVersion,
} from '@ray-service/plugin-ray-service-common';
import { KubeRequestError } from '@ray-service/kube-control-plane';
import { waitFor } from '../lib/__testUtils__/waitFor';
import { kubeConfigFor } from '../kubernetes/kubeConfig';
import { ObjectClient } from '../kubernetes/ObjectClient';
import { plan, type PlannedObject } from '../planner';
import {
  shippedProfiles,
  shippedTemplateVersions,
} from '../planner/__testUtils__/shipped';
import { HostClusterReconciler } from '../reconciler';
import { minimalRbacYaml } from '../hostClusters/rbac';
import { PATIENCE } from './__testUtils__/passes';
import { plannedPods } from './__testUtils__/plannedPods';
import {
  describeWithRealHost,
  RealHost,
  START_TIMEOUT_MS,
  startRealHost,
} from './__testUtils__/realHost';

/**
 * Admission on a real API server: the pods the portal plans pass
 * PodSecurity `restricted` (created with `dryRun=All`), default pods fill
 * the tenant's quota exactly, and refusals read well.
 */

jest.setTimeout(180_000);

const describeReal = describeWithRealHost('admission.test.ts');

const restrictedVersion = (template: TemplateVersion): TemplateVersion => ({
  ...template,
  security: { ...template.security, podSecurity: 'restricted' },
});

describeReal('admission on a real API server', () => {
  let host: RealHost;
  let client: ObjectClient;
  let reconciler: HostClusterReconciler;
  let tenants = 0;

  beforeAll(async () => {
    host = await startRealHost({ deliveryController: 'flux' });
    client = ObjectClient.fromKubeConfig(
      kubeConfigFor(host.hostClusterConfig(host.plane.adminToken)),
      { timeoutMs: 30_000 },
    );
    reconciler = new HostClusterReconciler(client, {
      deliveryController: 'flux',
    });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await client?.close();
    await host?.stop();
  });

  /**
   * A tenant's namespace with its quota and limit range, as the portal
   * applies them, ready for pods (the controller manager made its default
   * ServiceAccount and counted the quota's usage).
   */
  async function tenantNamespace(
    isolation: IsolationMode,
    profile: ComputeProfile,
    template: TemplateVersion,
  ): Promise<{ name: string; namespace: string; plan: PlannedObject[] }> {
    const name = `t${++tenants}`;
    const objects = plan({
      tenant: { name, owner: 'group:default/ml-teams', isolation },
      profile,
      templateVersion: template,
      hostCluster: {
        name: 'real',
        deliveryController: 'flux',
        clusterIssuer: 'ray-service-ca',
        storageClassName: 'standard',
      },
      instance: 'default',
    }).objects as PlannedObject[];
    // only what admission looks at; the releases would need a controller
    const inNamespace = objects.filter(o =>
      ['Namespace', 'ResourceQuota', 'LimitRange'].includes(o.kind),
    );
    const {
      tenants: [outcome],
    } = await reconciler.reconcile([
      { name, generation: 1, deleting: false, plan: inNamespace },
    ]);
    expect(
      outcome.status.conditions.find(c => c.type === 'Reconciled'),
    ).toMatchObject({ status: 'True' });
    const namespace = `ray-${name}`;
    await waitFor(
      async () =>
        (
          await host.admin.request(
            'GET',
            `/api/v1/namespaces/${namespace}/serviceaccounts/default`,
          )
        ).status === 200,
      `the default ServiceAccount of ${namespace}`,
      PATIENCE,
    );
    // Until the quota controller first fills status.hard, admission does not
    // count against the quota; pods created before then would be missing from
    // its usage whenever that first sync's cache lags behind.
    const quotaName = inNamespace.find(o => o.kind === 'ResourceQuota')!
      .metadata.name;
    await waitFor(
      async () => {
        const quota = await host.admin.getJson<{
          status?: { hard?: Record<string, string> };
        }>(`/api/v1/namespaces/${namespace}/resourcequotas/${quotaName}`);
        return Object.keys(quota.status?.hard ?? {}).length > 0;
      },
      `the quota controller's first sync of ${namespace}'s quota`,
      PATIENCE,
    );
    return { name, namespace, plan: objects };
  }

  const createPod = (namespace: string, pod: object, dryRun = false) =>
    host.admin.send(
      'POST',
      `/api/v1/namespaces/${namespace}/pods${dryRun ? '?dryRun=All' : ''}`,
      { body: JSON.stringify(pod) },
    );

  const refusal = async (namespace: string, pod: object) => {
    try {
      await createPod(namespace, pod);
    } catch (error) {
      return (error as KubeRequestError).message;
    }
    throw new Error('the pod was admitted');
  };

  const cases = shippedTemplateVersions().flatMap(template =>
    template.isolationModes.map(isolation => ({
      ref: `${template.name}@${template.version}`,
      isolation,
      template,
    })),
  );

  it.each(cases)(
    'admits every pod of $ref ($isolation) under PodSecurity restricted',
    async ({ isolation, template }) => {
      // a CPU group (the head) and a GPU group (a worker)
      const profile = shippedProfiles().find(p => p.name === 'medium')!;
      const restricted = restrictedVersion(template);
      const {
        name,
        namespace,
        plan: objects,
      } = await tenantNamespace(isolation, profile, restricted);
      const labels = objects.find(o => o.kind === 'Namespace')!.metadata.labels;
      expect(labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
      const pods = plannedPods({
        tenant: name,
        isolation,
        profile,
        template: restricted,
        plan: objects,
      });
      expect(pods.map(p => p.what)).toEqual(
        isolation === 'namespace'
          ? [
              'Ray head',
              'Ray worker group-0',
              'Ray worker group-1',
              'KubeRay operator',
            ]
          : [
              'Ray head',
              'Ray worker group-0',
              'Ray worker group-1',
              'vcluster control plane',
              'vcluster CoreDNS',
              'KubeRay operator (synced from the vcluster)',
            ],
      );
      const admitted = [];
      for (const { what, pod } of pods) {
        try {
          await createPod(namespace, pod, true);
          admitted.push(what);
        } catch (error) {
          admitted.push(`${what}: ${(error as Error).message}`);
        }
      }
      expect(admitted).toEqual(pods.map(p => p.what));
    },
  );

  /** A pod as a tenant would start it without resources: the LimitRange's defaults apply. */
  const defaultPod = (name: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      securityContext: {
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [
        {
          name: 'main',
          image: 'busybox',
          securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
          },
        },
      ],
    },
  });

  it("admits as many default pods as the quota's requests allow, then refuses naming what ran out", async () => {
    const small = shippedProfiles().find(p => p.name === 'small')!;
    const template = shippedTemplateVersions()[0];
    const { namespace, plan: objects } = await tenantNamespace(
      'namespace',
      small,
      template,
    );
    const hard = (
      objects.find(o => o.kind === 'ResourceQuota') as unknown as {
        spec: { hard: Record<string, string> };
      }
    ).spec.hard;
    const [limits] = (
      objects.find(o => o.kind === 'LimitRange') as unknown as {
        spec: {
          limits: Array<{ defaultRequest: { cpu: string; memory: string } }>;
        };
      }
    ).spec.limits;
    const fits = (key: 'cpu' | 'memory') =>
      Math.floor(
        parseQuantity(hard[`requests.${key}`], key) /
          parseQuantity(limits.defaultRequest[key], key),
      );
    const expected = Math.min(fits('cpu'), fits('memory'));
    expect(expected).toBeGreaterThan(10);
    for (let i = 0; i < expected; i++) {
      await createPod(namespace, defaultPod(`default-${i}`));
    }
    const message = await refusal(namespace, defaultPod('one-too-many'));
    // requests ran out (the limits, equal to them here, with them): never
    // the limits first, as with defaults whose limit exceeds their request
    expect(message).toMatch(
      /exceeded quota: ray-service-quota, requested: (limits\.cpu=250m,)?requests\.cpu=250m, used: (limits\.cpu=\d+,)?requests\.cpu=\d+, limited: (limits\.cpu=\w+,)?requests\.cpu=/,
    );
    const quota = await host.admin.getJson<{
      status: { used: Record<string, string> };
    }>(`/api/v1/namespaces/${namespace}/resourcequotas/ray-service-quota`);
    expect(quota.status.used['limits.cpu']).toBe(
      quota.status.used['requests.cpu'],
    );
  });

  it('refuses a container above the largest resource group, and GPUs beyond the quota, with messages that say so', async () => {
    const medium = shippedProfiles().find(p => p.name === 'medium')!;
    const template = shippedTemplateVersions()[0];
    const { namespace } = await tenantNamespace('namespace', medium, template);
    const withResources = (name: string, resources: object) => {
      const pod = defaultPod(name);
      return {
        ...pod,
        spec: {
          ...pod.spec,
          containers: [{ ...pod.spec.containers[0], resources }],
        },
      };
    };
    const huge = { cpu: '64', memory: '8Gi' };
    expect(
      await refusal(
        namespace,
        withResources('too-big', { requests: huge, limits: huge }),
      ),
    ).toMatch(/maximum cpu usage per Container is 16, but limit is 64/);
    const gpus = { cpu: '1', memory: '1Gi', 'nvidia.com/gpu': '2' };
    expect(
      await refusal(
        namespace,
        withResources('greedy', { requests: gpus, limits: gpus }),
      ),
    ).toMatch(
      /exceeded quota: ray-service-quota, requested: requests\.nvidia\.com\/gpu=2, used: requests\.nvidia\.com\/gpu=0, limited: requests\.nvidia\.com\/gpu=1/,
    );
  });

  it.each(['flux', 'helmChart'] as const)(
    'applies the generated RBAC (%s) with plain kubectl apply -f on a cluster without its namespace',
    async deliveryController => {
      const namespace = `portal-${deliveryController.toLowerCase()}`;
      expect(
        (await host.admin.request('GET', `/api/v1/namespaces/${namespace}`))
          .status,
      ).toBe(404);
      const yaml = minimalRbacYaml({
        serviceAccount: 'ray-service',
        namespace,
        deliveryController,
        name: `ray-service-${deliveryController.toLowerCase()}`,
      });
      expect(yaml).not.toMatch(/[&*]a\d+/);
      const applied = await host.kubectl(['apply', '-f', '-'], yaml);
      expect(applied).toMatchObject({ code: 0, stderr: '' });
      expect(applied.stdout).toContain(`namespace/${namespace} created`);
      expect(applied.stdout).toContain('serviceaccount/ray-service created');
      // its token is accepted
      const token = await host.mintToken(namespace, 'ray-service');
      const allowed = await host.kubectl([
        'auth',
        'can-i',
        'list',
        'nodes',
        '--as',
        `system:serviceaccount:${namespace}:ray-service`,
      ]);
      expect(token).not.toBe('');
      expect(allowed.stdout.trim()).toBe('yes');
    },
  );

  it('refuses a pod that PodSecurity restricted forbids, saying why', async () => {
    const small = shippedProfiles().find(p => p.name === 'small')!;
    const template = shippedTemplateVersions()[0];
    const { namespace } = await tenantNamespace('namespace', small, template);
    const message = await refusal(namespace, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'careless' },
      spec: { containers: [{ name: 'main', image: 'busybox' }] },
    });
    expect(message).toMatch(
      /violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false/,
    );
  });
});
