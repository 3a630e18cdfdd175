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
  KubeHttpClient,
  KubeRequestError,
} from '@ray-service/kube-control-plane';
import { kubeconfigYaml, type KubeObject } from '@ray-service/kube-sim';
import {
  FLUX_HELM_API_VERSION,
  HELM_CHART_API_VERSION,
  managedSelector,
  TENANT_LABEL,
  tenantNamespace,
  VCLUSTER_MANAGED_BY_LABEL,
  VCLUSTER_NAMESPACE_LABEL,
  VCLUSTER_OBJECT_NAME_ANNOTATION,
  vclusterKubeconfigSecretName,
  vclusterReleaseName,
  vclusterServiceHost,
  VOLCANO_COMMAND,
  VOLCANO_QUEUE_API_VERSION,
} from '../../vocabulary';
import { raySecurity } from '../../planner';

/** Which of the host's controllers the stand-ins play. */
export interface StandIns {
  /** Flux's helm-controller or k3s's helm-controller: releases become Ready. */
  delivery?: boolean;
  /** Volcano: queues open, CloseQueue Commands close them. */
  volcano?: boolean;
  /** Only the objects of these tenants (default: all the portal manages). */
  tenants?: string[];
}

/** The managed objects of the tenants, or of all tenants. */
const selectorOf = (tenants?: string[]) =>
  encodeURIComponent(
    [
      managedSelector({ allInstances: true }),
      ...(tenants ? [`${TENANT_LABEL} in (${tenants.join(',')})`] : []),
    ].join(','),
  );
const INSTALL_JOB_LABEL = 'ray-service.io/stand-in-install-job';
const CHART_GENERATION = 'ray-service.io/chart-generation';
const now = () => new Date().toISOString();

/**
 * No Flux, k3s helm-controller, Volcano or vcluster runs on the test
 * control plane: these stand-ins do, as the cluster admin, what those
 * controllers would, one round per call. A vcluster's KubeRay operator is
 * its kubeconfig Secret (whose cluster-internal server the test cannot
 * reach) and a Ready pod as vcluster's syncer copies it to the host; the
 * namespace-scoped operator is a Deployment with no replicas (Available
 * without a kubelet). Every write changes something: a round over a
 * converged cluster writes nothing.
 */
export class StandInControllers {
  constructor(private readonly admin: KubeHttpClient) {}

  async act(standIns: StandIns) {
    const selector = selectorOf(standIns.tenants);
    if (standIns.volcano) {
      await this.volcano(selector);
    }
    if (standIns.delivery) {
      await this.fluxReleases(selector);
      await this.helmCharts(selector);
    }
  }

  /** Objects of a kind (a list's items do not name their kind: they get it here). */
  private async list(
    apiVersion: string,
    kind: string,
    path: string,
  ): Promise<KubeObject[]> {
    try {
      const { items } = await this.admin.getJson<{ items: KubeObject[] }>(path);
      return items.map(item => ({ ...item, apiVersion, kind }));
    } catch (error) {
      if (error instanceof KubeRequestError && error.status === 404) {
        return []; // the kind is not served here
      }
      throw error;
    }
  }

  private async setStatus(object: KubeObject, status: object) {
    const { apiVersion, kind, metadata } = object;
    await this.admin.apply(
      {
        apiVersion,
        kind,
        metadata: { name: metadata.name, namespace: metadata.namespace },
        status,
      },
      'status',
    );
  }

  private async exists(object: KubeObject): Promise<boolean> {
    const response = await this.admin.request(
      'GET',
      await this.admin.objectPath(object),
    );
    return response.status === 200;
  }

  private async gone(object: KubeObject) {
    for (let i = 0; i < 100 && (await this.exists(object)); i++) {
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }

  private async ensure(object: KubeObject) {
    if (!(await this.exists(object))) {
      await this.admin.apply(object);
    }
  }

  /** Queues open; a CloseQueue Command closes its queue (by name, as Volcano does) and goes. */
  private async volcano(selector: string) {
    for (const queue of await this.list(
      VOLCANO_QUEUE_API_VERSION,
      'Queue',
      `/apis/${VOLCANO_QUEUE_API_VERSION}/queues?labelSelector=${selector}`,
    )) {
      if (!queue.status?.state) {
        await this.setStatus(queue, { state: 'Open' });
      }
    }
    for (const command of await this.list(
      VOLCANO_COMMAND.apiVersion,
      VOLCANO_COMMAND.kind,
      `/apis/${VOLCANO_COMMAND.apiVersion}/namespaces/${VOLCANO_COMMAND.namespace}/commands`,
    )) {
      if (command.action === 'CloseQueue') {
        await this.setStatus(
          {
            apiVersion: VOLCANO_QUEUE_API_VERSION,
            kind: 'Queue',
            metadata: { name: command.target.name },
          },
          { state: 'Closed' },
        );
      }
      await this.admin.send('DELETE', await this.admin.objectPath(command));
    }
  }

  private async fluxReleases(selector: string) {
    for (const release of await this.list(
      FLUX_HELM_API_VERSION,
      'HelmRelease',
      `/apis/${FLUX_HELM_API_VERSION}/helmreleases?labelSelector=${selector}`,
    )) {
      if (release.spec?.suspend) {
        continue; // Flux leaves a suspended release alone
      }
      const generation = release.metadata.generation;
      const ready = (release.status?.conditions ?? []).find(
        (c: { type: string }) => c.type === 'Ready',
      );
      if (ready?.observedGeneration !== generation) {
        await this.setStatus(release, {
          observedGeneration: generation,
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'InstallSucceeded',
              message: `Helm install succeeded for release ${release.metadata.name}`,
              observedGeneration: generation,
              lastTransitionTime: now(),
            },
          ],
        });
      }
      await this.installed(release);
    }
  }

  /**
   * An install Job per HelmChart, Complete, replaced when the chart
   * changes; the job controller leaves it alone (`managedBy`). The Jobs of
   * charts that are gone go too.
   */
  private async helmCharts(selector: string) {
    const charts = await this.list(
      HELM_CHART_API_VERSION,
      'HelmChart',
      `/apis/${HELM_CHART_API_VERSION}/helmcharts?labelSelector=${selector}`,
    );
    const jobs = await this.list(
      'batch/v1',
      'Job',
      `/apis/batch/v1/jobs?labelSelector=${INSTALL_JOB_LABEL}`,
    );
    for (const job of jobs) {
      const chart = charts.find(
        c =>
          `helm-install-${c.metadata.name}` === job.metadata.name &&
          c.metadata.namespace === job.metadata.namespace,
      );
      if (
        !chart ||
        job.metadata.annotations?.[CHART_GENERATION] !==
          String(chart.metadata.generation)
      ) {
        await this.admin.send(
          'DELETE',
          `${await this.admin.objectPath(job)}?propagationPolicy=Background`,
        );
        await this.gone(job);
      }
    }
    for (const chart of charts) {
      const job: KubeObject = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: {
          name: `helm-install-${chart.metadata.name}`,
          namespace: chart.metadata.namespace,
          labels: { [INSTALL_JOB_LABEL]: 'true' },
          annotations: {
            [CHART_GENERATION]: String(chart.metadata.generation),
          },
        },
        spec: {
          managedBy: 'ray-service.io/stand-in-helm-controller',
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [{ name: 'helm', image: 'rancher/klipper-helm' }],
            },
          },
        },
      };
      if (!(await this.exists(job))) {
        await this.admin.apply(job);
        const at = now();
        await this.setStatus(job, {
          startTime: at,
          completionTime: at,
          succeeded: 1,
          conditions: [
            {
              type: 'SuccessCriteriaMet',
              status: 'True',
              lastTransitionTime: at,
            },
            { type: 'Complete', status: 'True', lastTransitionTime: at },
          ],
        });
      }
      await this.installed(chart);
    }
  }

  /** What a release's chart brings up, as far as the portal looks at it. */
  private async installed(release: KubeObject) {
    const tenant = release.metadata.labels?.[TENANT_LABEL];
    if (!tenant || release.metadata.deletionTimestamp) {
      return;
    }
    const namespace = tenantNamespace(tenant);
    if (release.metadata.name === vclusterReleaseName(tenant)) {
      await this.vcluster(tenant, namespace);
    } else if (release.metadata.name.endsWith('-kuberay-operator')) {
      await this.ensure({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'kuberay-operator', namespace },
        spec: {
          replicas: 0,
          selector: { matchLabels: { app: 'kuberay-operator' } },
          template: {
            metadata: { labels: { app: 'kuberay-operator' } },
            spec: restrictedPodSpec('quay.io/kuberay/operator'),
          },
        },
      });
    }
  }

  private async vcluster(tenant: string, namespace: string) {
    const release = vclusterReleaseName(tenant);
    await this.ensure({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: vclusterKubeconfigSecretName(tenant), namespace },
      data: {
        config: Buffer.from(
          kubeconfigYaml({
            server: `https://${vclusterServiceHost(tenant)}:443`,
            caData: Buffer.from('not a CA').toString('base64'),
            token: 'vcluster-token',
            name: release,
          }),
        ).toString('base64'),
      },
    });
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `kuberay-operator-5d9c7-x-kuberay-system-x-${release}`,
        namespace,
        labels: {
          [VCLUSTER_MANAGED_BY_LABEL]: release,
          [VCLUSTER_NAMESPACE_LABEL]: 'kuberay-system',
        },
        annotations: {
          [VCLUSTER_OBJECT_NAME_ANNOTATION]: 'kuberay-operator-5d9c7',
        },
      },
      spec: restrictedPodSpec('quay.io/kuberay/operator'),
    };
    if (!(await this.exists(pod))) {
      await this.admin.apply(pod);
      await this.setStatus(pod, {
        phase: 'Running',
        conditions: [
          { type: 'Ready', status: 'True', lastTransitionTime: now() },
        ],
      });
    }
  }
}

export function restrictedPodSpec(image: string) {
  const { pod, container } = raySecurity();
  return {
    securityContext: pod,
    containers: [{ name: 'main', image, securityContext: container }],
  };
}
