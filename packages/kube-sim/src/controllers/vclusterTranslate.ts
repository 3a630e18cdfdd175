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

/*
 * vcluster's translation of virtual objects to the host (loft-sh/vcluster v0.36.1,
 * pkg/util/translate: types.go, labels.go HostLabelsMap/HostLabel, single_namespace.go
 * SingleNamespaceHostName/convertLabelKeyWithPrefix/HostLabelNamespace, translate.go
 * SafeConcatName/addHostAnnotations), checked against its source.
 */

/** vcluster's `MarkerLabel`: the vcluster (release) name. */
export const VCLUSTER_MANAGED_BY_LABEL = 'vcluster.loft.sh/managed-by';
/** vcluster's `NamespaceLabel`: the virtual namespace. */
export const VCLUSTER_NAMESPACE_LABEL = 'vcluster.loft.sh/namespace';
export const VCLUSTER_CONTROLLED_BY_LABEL = 'vcluster.loft.sh/controlled-by';
export const VCLUSTER_OBJECT_NAME_ANNOTATION = 'vcluster.loft.sh/object-name';
export const VCLUSTER_OBJECT_NAMESPACE_ANNOTATION =
  'vcluster.loft.sh/object-namespace';
export const VCLUSTER_OBJECT_UID_ANNOTATION = 'vcluster.loft.sh/object-uid';
export const VCLUSTER_OBJECT_KIND_ANNOTATION = 'vcluster.loft.sh/object-kind';
export const VCLUSTER_OBJECT_HOST_NAME_ANNOTATION =
  'vcluster.loft.sh/object-host-name';
export const VCLUSTER_OBJECT_HOST_NAMESPACE_ANNOTATION =
  'vcluster.loft.sh/object-host-namespace';

/** Virtual labels vcluster rewrites on the host (`LabelsToTranslate`); all others are kept. */
const TRANSLATED_LABELS = [
  'release',
  VCLUSTER_NAMESPACE_LABEL,
  VCLUSTER_MANAGED_BY_LABEL,
  VCLUSTER_CONTROLLED_BY_LABEL,
];

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** vcluster's `SafeConcatName`: joined by `-`, hashed when over 63 characters. */
export function safeConcatName(...parts: string[]): string {
  const full = parts.join('-');
  if (full.length <= 63) return full;
  const hash = sha256(full).toString('hex').slice(0, 10);
  return `${full.slice(0, 52)}-${hash}`.replace(/\.-/g, '-');
}

/**
 * The name vcluster gives a virtual namespaced object (Pod, Service, …) in the host namespace:
 * `<name>-x-<namespace>-x-<vcluster>`, hashed past 63 characters (vcluster's
 * `SingleNamespaceHostName`). The backend finds the synced head Service of a RayCluster inside
 * a vcluster under this name.
 */
export function vclusterHostName(
  name: string,
  namespace: string,
  vcluster: string,
): string {
  return safeConcatName(name, 'x', namespace, 'x', vcluster);
}

/** `convertLabelKeyWithPrefix`: `<prefix>-<vcluster>-x-<sha256(key)[0:10]>`. */
function translatedKey(prefix: string, key: string, vcluster: string): string {
  return safeConcatName(
    prefix,
    vcluster,
    'x',
    sha256(key).toString('hex').slice(0, 10),
  );
}

/**
 * `HostLabelsMap`: virtual labels (or a Service selector) as they are on the host, with the
 * marker label (the vcluster) and the virtual namespace added.
 */
export function hostLabels(
  labels: Record<string, string>,
  namespace: string,
  vcluster: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels))
    out[
      TRANSLATED_LABELS.includes(k)
        ? translatedKey('vcluster.loft.sh/label', k, vcluster)
        : k
    ] = v;
  out[VCLUSTER_MANAGED_BY_LABEL] = vcluster;
  out[VCLUSTER_NAMESPACE_LABEL] = namespace;
  return out;
}

/** `HostLabelNamespace`: the labels of a pod's virtual namespace, as its host pod carries them. */
export function hostNamespaceLabels(
  labels: Record<string, string>,
  vcluster: string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).map(([k, v]) => [
      translatedKey('vcluster.loft.sh/ns-label', k, vcluster),
      v,
    ]),
  );
}

/** `addHostAnnotations`: where the host object comes from. */
export function hostAnnotations(
  virtual: { name: string; namespace: string; uid?: string; kind: string },
  host: { name: string; namespace: string },
): Record<string, string> {
  return {
    [VCLUSTER_OBJECT_NAME_ANNOTATION]: virtual.name,
    [VCLUSTER_OBJECT_NAMESPACE_ANNOTATION]: virtual.namespace,
    [VCLUSTER_OBJECT_UID_ANNOTATION]: virtual.uid ?? '',
    [VCLUSTER_OBJECT_KIND_ANNOTATION]: `/v1, Kind=${virtual.kind}`,
    [VCLUSTER_OBJECT_HOST_NAME_ANNOTATION]: host.name,
    [VCLUSTER_OBJECT_HOST_NAMESPACE_ANNOTATION]: host.namespace,
  };
}
