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
import { deepEqual, KubeObject, now } from '../util';
import { getCondition, setCondition } from './conditions';

/*
 * What vcluster's syncer does with the pods of a vcluster, reduced to what
 * the backend looks at: each virtual Pod gets a host Pod in the vcluster's
 * host namespace, named and labelled as vcluster's translate package does
 * (pkg/util/translate: types.go, labels.go, SafeConcatName), with its status
 * synced between the two. kube-sim has no kubelet: the only virtual pods are
 * the ones it makes for the KubeRay operator inside a vcluster, Ready while
 * the operator's Deployment is Available.
 */

/** vcluster's `MarkerLabel`: the vcluster (release) name. */
export const VCLUSTER_MANAGED_BY_LABEL = 'vcluster.loft.sh/managed-by';
/** vcluster's `NamespaceLabel`: the virtual namespace. */
export const VCLUSTER_NAMESPACE_LABEL = 'vcluster.loft.sh/namespace';
export const VCLUSTER_OBJECT_NAME_ANNOTATION = 'vcluster.loft.sh/object-name';
export const VCLUSTER_OBJECT_NAMESPACE_ANNOTATION =
  'vcluster.loft.sh/object-namespace';
export const VCLUSTER_OBJECT_UID_ANNOTATION = 'vcluster.loft.sh/object-uid';
export const VCLUSTER_OBJECT_KIND_ANNOTATION = 'vcluster.loft.sh/object-kind';
export const VCLUSTER_OBJECT_HOST_NAME_ANNOTATION =
  'vcluster.loft.sh/object-host-name';
export const VCLUSTER_OBJECT_HOST_NAMESPACE_ANNOTATION =
  'vcluster.loft.sh/object-host-namespace';

/** The node the simulated pods run on when the host has none. */
const FALLBACK_NODE = 'kube-sim-node';

const POD_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Stable characters like those of `pod-template-hash` and generated names. */
function podSuffix(text: string, length: number): string {
  const digest = sha256(text);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += POD_NAME_ALPHABET[digest[i] % POD_NAME_ALPHABET.length];
  }
  return out;
}

/** vcluster's `SafeConcatName`: joined by `-`, hashed when over 63 characters. */
export function safeConcatName(...parts: string[]): string {
  const full = parts.join('-');
  if (full.length <= 63) return full;
  const hash = sha256(full).toString('hex').slice(0, 10);
  return `${full.slice(0, 52)}-${hash}`.replace(/\.-/g, '-');
}

/** The host name of a virtual object: `<name>-x-<namespace>-x-<vcluster>`. */
export function hostPodName(
  name: string,
  namespace: string,
  vcluster: string,
): string {
  return safeConcatName(name, 'x', namespace, 'x', vcluster);
}

function podType(cluster: ClusterObjects) {
  return cluster.typeFor('v1', 'Pod');
}

function podsIn(cluster: ClusterObjects, namespace?: string): KubeObject[] {
  return cluster.store
    .list(podType(cluster), namespace === undefined ? {} : { namespace })
    .entries.map(e => e.obj);
}

/** Writes a pod unless its labels, annotations, spec and status are already so. */
function putPodIfChanged(cluster: ClusterObjects, pod: KubeObject): KubeObject {
  const existing = cluster.getObject(
    'v1',
    'Pod',
    pod.metadata.namespace,
    pod.metadata.name,
  );
  const same =
    existing &&
    deepEqual(existing.metadata.labels ?? {}, pod.metadata.labels ?? {}) &&
    deepEqual(
      existing.metadata.annotations ?? {},
      pod.metadata.annotations ?? {},
    ) &&
    deepEqual(existing.spec ?? {}, pod.spec ?? {}) &&
    deepEqual(existing.status ?? {}, pod.status ?? {});
  return same ? existing : cluster.putObject(pod);
}

/** The first node of the host (by name), where the simulated pods "run". */
export function simulatedNodeName(host: ClusterObjects): string {
  const nodes = host.store
    .list(host.typeFor('v1', 'Node'))
    .entries.map(e => String(e.obj.metadata.name))
    .sort();
  return nodes[0] ?? FALLBACK_NODE;
}

/** A pod's status: Running and Ready, or still creating its containers. */
function podStatus(
  ready: boolean,
  containers: KubeObject[],
  previous: KubeObject | undefined,
): KubeObject {
  const status: KubeObject = {
    conditions: structuredClone(previous?.conditions ?? []),
  };
  const started = previous?.startTime ?? now();
  const met = { status: 'True' as const, reason: '', message: '' };
  setCondition(status, { type: 'PodScheduled', ...met });
  setCondition(status, { type: 'Initialized', ...met });
  for (const type of ['ContainersReady', 'Ready']) {
    setCondition(
      status,
      ready
        ? { type, ...met }
        : {
            type,
            status: 'False',
            reason: 'ContainersNotReady',
            message: `containers with unready status: [${containers
              .map(c => c.name)
              .join(' ')}]`,
          },
    );
  }
  // the kubelet leaves out an empty reason and message
  for (const condition of status.conditions) {
    if (!condition.reason) delete condition.reason;
    if (!condition.message) delete condition.message;
  }
  const running = previous?.containerStatuses?.[0]?.state?.running;
  return {
    phase: ready ? 'Running' : 'Pending',
    conditions: status.conditions,
    hostIP: '10.0.0.10',
    podIP: '10.244.1.20',
    startTime: started,
    containerStatuses: containers.map(c => ({
      name: c.name,
      image: c.image,
      imageID: '',
      ready,
      started: ready,
      restartCount: 0,
      state: ready
        ? { running: { startedAt: running?.startedAt ?? now() } }
        : { waiting: { reason: 'ContainerCreating' } },
    })),
  };
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
  for (const pod of podsIn(vc, namespace)) {
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
  return putPodIfChanged(vc, {
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
    status: podStatus(available, containers, existing?.status),
  });
}

/**
 * Syncs every pod of a vcluster to the host, as vcluster's syncer does:
 * a Pod `<name>-x-<namespace>-x-<vcluster>` in the host namespace, labelled
 * `vcluster.loft.sh/managed-by: <vcluster>` and
 * `vcluster.loft.sh/namespace: <virtual namespace>`, annotated with the
 * virtual name, namespace, uid and kind, with the virtual pod's status.
 * Host pods of the vcluster whose virtual pod is gone are deleted.
 * Returns the names of the host pods.
 */
export function syncPodsToHost(
  host: ClusterObjects,
  vc: ClusterObjects,
  hostNamespace: string,
  vcluster: string,
): string[] {
  const synced: string[] = [];
  for (const pod of podsIn(vc)) {
    const { name, namespace } = pod.metadata;
    const hostName = hostPodName(name, namespace, vcluster);
    putPodIfChanged(host, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: hostName,
        namespace: hostNamespace,
        labels: {
          [VCLUSTER_MANAGED_BY_LABEL]: vcluster,
          [VCLUSTER_NAMESPACE_LABEL]: namespace,
        },
        annotations: {
          [VCLUSTER_OBJECT_NAME_ANNOTATION]: name,
          [VCLUSTER_OBJECT_NAMESPACE_ANNOTATION]: namespace,
          [VCLUSTER_OBJECT_UID_ANNOTATION]: String(pod.metadata.uid ?? ''),
          [VCLUSTER_OBJECT_KIND_ANNOTATION]: '/v1, Kind=Pod',
          [VCLUSTER_OBJECT_HOST_NAME_ANNOTATION]: hostName,
          [VCLUSTER_OBJECT_HOST_NAMESPACE_ANNOTATION]: hostNamespace,
        },
      },
      spec: {
        nodeName: pod.spec?.nodeName ?? simulatedNodeName(host),
        containers: structuredClone(pod.spec?.containers ?? []),
      },
      status: structuredClone(pod.status ?? {}),
    });
    synced.push(hostName);
  }
  for (const pod of podsIn(host, hostNamespace)) {
    if (
      pod.metadata.labels?.[VCLUSTER_MANAGED_BY_LABEL] === vcluster &&
      !synced.includes(pod.metadata.name)
    )
      host.deleteObject('v1', 'Pod', hostNamespace, pod.metadata.name);
  }
  return synced;
}

const watched = new WeakSet<ClusterObjects>();

/**
 * Calls `changed` (later, not inside the write) whenever a Deployment or a
 * Pod inside the vcluster changes, once per vcluster.
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
      (ev.group === '' && ev.resource === 'pods')
    )
      changed();
  });
}
