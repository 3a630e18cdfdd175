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

/*
 * vcluster's syncer creates each pod (and Service, and Secret a pod uses) of a vcluster on the host, in the
 * vcluster's host namespace, under a translated name
 * (`<pod>-x-<namespace>-x-<vcluster>`, hashed when long) and with these
 * labels and annotations; it syncs the pod's status between the two. These
 * are vcluster's own conventions (loft-sh/vcluster, pkg/util/translate:
 * MarkerLabel, NamespaceLabel, NameAnnotation, NamespaceAnnotation), checked
 * against its source, not against a live cluster.
 */

/** The vcluster's name (its Helm release name) on every synced object. */
export const VCLUSTER_MANAGED_BY_LABEL = 'vcluster.loft.sh/managed-by';
/** The namespace inside the vcluster of a synced namespaced object. */
export const VCLUSTER_NAMESPACE_LABEL = 'vcluster.loft.sh/namespace';
/** The name inside the vcluster of a synced object. */
export const VCLUSTER_OBJECT_NAME_ANNOTATION = 'vcluster.loft.sh/object-name';
/** The namespace inside the vcluster of a synced object. */
export const VCLUSTER_OBJECT_NAMESPACE_ANNOTATION =
  'vcluster.loft.sh/object-namespace';
