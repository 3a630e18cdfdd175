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

import type { KubeObject } from '../../util';
import { ownerRef } from '../context';
import {
  CREATED_BY_LABEL,
  identifier,
  KUBERAY_OPERATOR,
  ORIGINATED_FROM_CRD_LABEL,
  ORIGINATED_FROM_NAME_LABEL,
  RAY_CLUSTER_LABEL,
  RAY_NODE_TYPE_LABEL,
  RAY_SERVE_LABEL,
} from './names';

/*
 * KubeRay v1.7.0's Services (common/service.go BuildServiceForHeadPod, BuildServeService,
 * common/job.go BuildHeadServiceForRayJob).
 */

const DEFAULT_PORTS: Record<string, number> = {
  client: 10001,
  'gcs-server': 6379,
  dashboard: 8265,
  metrics: 8080,
  serve: 8000,
};

/**
 * `getServicePorts`: the head container's named ports (unnamed ones become `<port>-port`),
 * or, when it declares none, the defaults (client, gcs-server, dashboard, metrics, serve);
 * `metrics` 8080 is always added.
 */
export function headPorts(cluster: KubeObject): Record<string, number> {
  const container =
    cluster.spec?.headGroupSpec?.template?.spec?.containers?.[0];
  const declared: KubeObject[] = container?.ports ?? [];
  const ports: Record<string, number> = declared.length
    ? Object.fromEntries(
        declared.map(p => [
          p.name || `${p.containerPort}-port`,
          Number(p.containerPort),
        ]),
      )
    : { ...DEFAULT_PORTS };
  ports.metrics = ports.metrics ?? DEFAULT_PORTS.metrics;
  return ports;
}

/** `GenerateHeadServiceName(RayClusterCRD, …)`: `<cluster>-head-svc` unless `headService.metadata.name`. */
export function headServiceName(cluster: KubeObject): string {
  return (
    cluster.spec?.headGroupSpec?.headService?.metadata?.name ||
    `${cluster.metadata.name}-head-svc`
  );
}

/** The labels (and selector) of a RayCluster's head Service. */
function headServiceLabels(clusterName: string): Record<string, string> {
  return {
    [RAY_CLUSTER_LABEL]: clusterName,
    [RAY_NODE_TYPE_LABEL]: 'head',
    'ray.io/identifier': identifier(clusterName, 'head'),
    'app.kubernetes.io/name': 'kuberay',
    [CREATED_BY_LABEL]: KUBERAY_OPERATOR,
  };
}

/**
 * `BuildServiceForHeadPod`: ports sorted by name with `appProtocol: tcp`; headless
 * (`clusterIP: None`, `publishNotReadyAddresses`) unless the head group asks for another
 * service type.
 */
export function rayClusterHeadService(
  cluster: KubeObject,
  owner: KubeObject = cluster,
): KubeObject {
  const headGroup = cluster.spec?.headGroupSpec ?? {};
  const custom: KubeObject = headGroup.headService ?? {};
  const type = headGroup.serviceType ?? custom.spec?.type ?? 'ClusterIP';
  const labels = headServiceLabels(cluster.metadata.name);
  const ports = Object.entries(headPorts(cluster))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, port]) => ({ name, port, appProtocol: 'tcp' }));
  const headless = type === 'ClusterIP';
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: headServiceName(cluster),
      namespace: cluster.metadata.namespace,
      labels: { ...(custom.metadata?.labels ?? {}), ...labels },
      annotations: {
        ...(custom.metadata?.annotations ?? {}),
        ...(cluster.spec?.headServiceAnnotations ?? {}),
      },
      ownerReferences: [ownerRef(owner)],
    },
    spec: {
      ...(custom.spec ?? {}),
      type,
      selector: labels,
      ports: [...(custom.spec?.ports ?? []), ...ports],
      ...(headless
        ? { clusterIP: 'None', publishNotReadyAddresses: true }
        : {}),
    },
  };
}

/**
 * The head Service a RayJob or RayService keeps for itself, `<owner>-head-svc`, pointing at the
 * head of its current RayCluster (`BuildHeadServiceForRayJob`/`…ForRayService`).
 */
export function ownerHeadService(
  owner: KubeObject,
  cluster: KubeObject,
): KubeObject {
  const svc = rayClusterHeadService(cluster, owner);
  svc.metadata.name = `${owner.metadata.name}-head-svc`;
  svc.metadata.namespace = owner.metadata.namespace;
  svc.metadata.labels = {
    [ORIGINATED_FROM_NAME_LABEL]: owner.metadata.name,
    [ORIGINATED_FROM_CRD_LABEL]: owner.kind,
    [RAY_NODE_TYPE_LABEL]: 'head',
    'ray.io/identifier': identifier(owner.metadata.name, 'head'),
  };
  return svc;
}

/** `BuildServeService` for a RayService: `<service>-serve-svc` → pods with `ray.io/serve=true`. */
export function serveService(
  rayService: KubeObject,
  cluster: KubeObject,
): KubeObject {
  const name = rayService.metadata.name;
  const ports = Object.entries(headPorts(cluster))
    .filter(([port]) => port === 'serve' || port.startsWith('serve-'))
    .map(([port, number]) => ({ name: port, port: number }));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: `${name}-serve-svc`,
      namespace: rayService.metadata.namespace,
      labels: {
        [ORIGINATED_FROM_NAME_LABEL]: name,
        [ORIGINATED_FROM_CRD_LABEL]: 'RayService',
        [RAY_SERVE_LABEL]: `${name}-serve`,
      },
      ownerReferences: [ownerRef(rayService)],
    },
    spec: {
      type: cluster.spec?.headGroupSpec?.serviceType ?? 'ClusterIP',
      selector: {
        [RAY_CLUSTER_LABEL]: cluster.metadata.name,
        [RAY_SERVE_LABEL]: 'true',
      },
      ports,
    },
  };
}
