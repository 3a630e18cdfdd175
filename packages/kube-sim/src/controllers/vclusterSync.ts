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

import { createHash } from 'node:crypto';
import type { ClusterObjects } from '../cluster/objects';
import { deepEqual, KubeObject } from '../util';
import { getCondition } from './conditions';
import { podStatus } from './podStatus';
import {
  hostAnnotations,
  hostLabels,
  hostNamespaceLabels,
  VCLUSTER_MANAGED_BY_LABEL,
  vclusterHostName,
} from './vclusterTranslate';

/*
 * What vcluster's syncer does with the Pods and Services of a vcluster, reduced to what the
 * backend looks at (names, labels and annotations as in vclusterTranslate.ts): each gets a
 * host object in the vcluster's host namespace, a pod with its virtual status, a Service
 * with its selector translated so that it selects the synced pods. Host objects whose
 * virtual object is gone are deleted. The pods inside a vcluster are the KubeRay operator's
 * (Ready while its Deployment is Available) and the Ray pods of its RayClusters.
 */

/** The node the simulated pods run on when the host has none. */
const FALLBACK_NODE = 'kube-sim-node';

const POD_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Stable characters like those of `pod-template-hash` and generated names. */
function podSuffix(text: string, length: number): string {
  const digest = createHash('sha256').update(text).digest();
  let out = '';
  for (let i = 0; i < length; i++) {
    out += POD_NAME_ALPHABET[digest[i] % POD_NAME_ALPHABET.length];
  }
  return out;
}

/** Writes an object unless its labels, annotations, spec and status are already so. */
function putIfChanged(cluster: ClusterObjects, obj: KubeObject): KubeObject {
  const existing = cluster.getObject(
    obj.apiVersion,
    obj.kind,
    obj.metadata.namespace,
    obj.metadata.name,
  );
  const same =
    existing &&
    deepEqual(existing.metadata.labels ?? {}, obj.metadata.labels ?? {}) &&
    deepEqual(
      existing.metadata.annotations ?? {},
      obj.metadata.annotations ?? {},
    ) &&
    deepEqual(existing.spec ?? {}, obj.spec ?? {}) &&
    (obj.status === undefined || deepEqual(existing.status ?? {}, obj.status));
  return same ? existing : cluster.putObject(obj);
}

type SyncedKind = 'Pod' | 'Service' | 'Secret';

function objectsIn(
  cluster: ClusterObjects,
  kind: SyncedKind,
  namespace?: string,
): KubeObject[] {
  return cluster.store
    .list(
      cluster.typeFor('v1', kind),
      namespace === undefined ? {} : { namespace },
    )
    .entries.map(e => e.obj);
}

/** The first node of the host (by name), where the simulated pods "run". */
export function simulatedNodeName(host: ClusterObjects): string {
  const nodes = host.store
    .list(host.typeFor('v1', 'Node'))
    .entries.map(e => String(e.obj.metadata.name))
    .sort();
  return nodes[0] ?? FALLBACK_NODE;
}

/**
 * The pod of a Deployment inside a vcluster (there is no ReplicaSet
 * controller): `<deployment>-<template hash>-<id>`, Ready while the
 * Deployment is Available. Pods of an older template are removed.
 */
export function ensureDeploymentPod(
  vc: ClusterObjects,
  deployment: KubeObject,
  nodeName: string,
): KubeObject | undefined {
  const { name, namespace, uid: deploymentUid } = deployment.metadata;
  const template = deployment.spec?.template ?? {};
  const templateHash = podSuffix(JSON.stringify(template), 10);
  const podName = `${name}-${templateHash}-${podSuffix(
    `${deploymentUid}/${templateHash}`,
    5,
  )}`;
  const selector: Record<string, string> =
    deployment.spec?.selector?.matchLabels ?? {};
  for (const pod of objectsIn(vc, 'Pod', namespace)) {
    const labels = pod.metadata.labels ?? {};
    const owned =
      Object.keys(selector).length > 0 &&
      Object.entries(selector).every(([k, v]) => labels[k] === v);
    if (owned && pod.metadata.name !== podName)
      vc.deleteObject('v1', 'Pod', namespace, pod.metadata.name);
  }
  if ((deployment.spec?.replicas ?? 1) < 1) {
    vc.deleteObject('v1', 'Pod', namespace, podName);
    return undefined;
  }
  const containers: KubeObject[] = template.spec?.containers ?? [];
  const existing = vc.getObject('v1', 'Pod', namespace, podName);
  const available = getCondition(deployment, 'Available')?.status === 'True';
  return putIfChanged(vc, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName,
      namespace,
      labels: {
        ...(template.metadata?.labels ?? {}),
        'pod-template-hash': templateHash,
      },
    },
    spec: {
      ...(template.spec ?? {}),
      nodeName,
    },
    status: podStatus({
      ready: available,
      containers,
      previous: existing?.status,
    }),
  });
}

/** The host copy of a virtual Pod: its labels, containers and node, and its status. */
function hostPod(
  vc: ClusterObjects,
  pod: KubeObject,
  metadata: KubeObject,
  nodeName: string,
): KubeObject {
  const { namespace } = pod.metadata;
  const vns = vc.getObject('v1', 'Namespace', undefined, namespace);
  metadata.labels = {
    ...metadata.labels,
    ...hostNamespaceLabels(
      vns?.metadata?.labels ?? {},
      metadata.labels[VCLUSTER_MANAGED_BY_LABEL],
    ),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: {
      nodeName: pod.spec?.nodeName ?? nodeName,
      ...(pod.spec?.initContainers
        ? { initContainers: structuredClone(pod.spec.initContainers) }
        : {}),
      containers: structuredClone(pod.spec?.containers ?? []),
    },
    status: structuredClone(pod.status ?? {}),
  };
}

/** The host copy of a virtual Service: its selector translated, node ports and cluster IP not kept. */
function hostService(
  service: KubeObject,
  metadata: KubeObject,
  vcluster: string,
): KubeObject {
  const spec = structuredClone(service.spec ?? {});
  if (spec.selector)
    spec.selector = hostLabels(
      spec.selector,
      service.metadata.namespace,
      vcluster,
    );
  if (spec.clusterIP !== 'None') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  }
  for (const port of spec.ports ?? []) delete port.nodePort;
  return { apiVersion: 'v1', kind: 'Service', metadata, spec };
}

/** The names of the Secrets a pod's containers and volumes refer to. */
function secretNames(pod: KubeObject): string[] {
  const names: string[] = [];
  for (const c of [
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.containers ?? []),
  ]) {
    for (const e of c.env ?? [])
      if (e.valueFrom?.secretKeyRef?.name)
        names.push(e.valueFrom.secretKeyRef.name);
    for (const from of c.envFrom ?? [])
      if (from.secretRef?.name) names.push(from.secretRef.name);
  }
  for (const volume of pod.spec?.volumes ?? [])
    if (volume.secret?.secretName) names.push(volume.secret.secretName);
  return names;
}

/** The Secrets pods of the vcluster use: vcluster syncs only those (`sync.toHost.secrets.all: false`). */
function usedSecrets(vc: ClusterObjects): KubeObject[] {
  const used = new Map<string, KubeObject>();
  for (const pod of objectsIn(vc, 'Pod'))
    for (const name of secretNames(pod)) {
      const secret = vc.getObject('v1', 'Secret', pod.metadata.namespace, name);
      if (secret) used.set(`${pod.metadata.namespace}/${name}`, secret);
    }
  return [...used.values()];
}

/** The host copy of a virtual Secret: its data. */
function hostSecret(secret: KubeObject, metadata: KubeObject): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    type: secret.type,
    data: structuredClone(secret.data ?? {}),
  };
}

/**
 * Syncs the Pods, Services and used Secrets of a vcluster to its host namespace, as
 * vcluster's syncer does. Returns the host objects (to delete with the vcluster).
 */
export function syncToHost(
  host: ClusterObjects,
  vc: ClusterObjects,
  hostNamespace: string,
  vcluster: string,
): Array<{ kind: SyncedKind; name: string }> {
  const synced: Array<{ kind: SyncedKind; name: string }> = [];
  const nodeName = simulatedNodeName(host);
  for (const kind of ['Pod', 'Service', 'Secret'] as const) {
    const names = new Set<string>();
    const virtual = kind === 'Secret' ? usedSecrets(vc) : objectsIn(vc, kind);
    for (const obj of virtual) {
      const { name, namespace, uid } = obj.metadata;
      // the virtual `kubernetes` Service is the vcluster's API, not synced
      if (
        kind === 'Service' &&
        namespace === 'default' &&
        name === 'kubernetes'
      )
        continue;
      const hostName = vclusterHostName(name, namespace, vcluster);
      const metadata = {
        name: hostName,
        namespace: hostNamespace,
        labels: hostLabels(obj.metadata.labels ?? {}, namespace, vcluster),
        annotations: {
          ...(obj.metadata.annotations ?? {}),
          ...hostAnnotations(
            { name, namespace, uid, kind },
            { name: hostName, namespace: hostNamespace },
          ),
        },
      };
      const hostObject = {
        Pod: () => hostPod(vc, obj, metadata, nodeName),
        Service: () => hostService(obj, metadata, vcluster),
        Secret: () => hostSecret(obj, metadata),
      }[kind]();
      if (kind === 'Secret') {
        const existing = host.getObject(
          'v1',
          'Secret',
          hostNamespace,
          hostName,
        );
        if (!existing || !deepEqual(existing.data ?? {}, hostObject.data))
          host.putObject(hostObject);
      } else putIfChanged(host, hostObject);
      names.add(hostName);
      synced.push({ kind, name: hostName });
    }
    for (const obj of objectsIn(host, kind, hostNamespace)) {
      if (
        obj.metadata.labels?.[VCLUSTER_MANAGED_BY_LABEL] === vcluster &&
        !names.has(obj.metadata.name)
      )
        host.deleteObject('v1', kind, hostNamespace, obj.metadata.name);
    }
  }
  return synced;
}

const watched = new WeakSet<ClusterObjects>();

/**
 * Calls `changed` (later, not inside the write) whenever a Deployment, a
 * Pod, a Service, a Secret or a Namespace inside the vcluster changes, once per vcluster.
 */
export function watchVClusterWorkloads(
  vc: ClusterObjects,
  changed: () => void,
) {
  if (watched.has(vc)) return;
  watched.add(vc);
  vc.store.onEvent(ev => {
    if (
      (ev.group === 'apps' && ev.resource === 'deployments') ||
      (ev.group === '' &&
        ['pods', 'services', 'secrets', 'namespaces'].includes(ev.resource))
    )
      changed();
  });
}
