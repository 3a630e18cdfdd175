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
import { ORIGINATED_FROM_CRD_LABEL, ORIGINATED_FROM_NAME_LABEL } from './names';

/**
 * A RayCluster a RayJob or RayService makes for itself (KubeRay's
 * `constructRayClusterForRayJob`/`…ForRayService`): in the owner's namespace, with its labels
 * and annotations (and `extra` ones), the originated-from labels, the owner as controller and a
 * copy of `spec`.
 */
export function ownedRayCluster(
  owner: KubeObject,
  name: string,
  spec: KubeObject,
  extra: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  } = {},
): KubeObject {
  return {
    apiVersion: 'ray.io/v1',
    kind: 'RayCluster',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels: {
        ...(owner.metadata.labels ?? {}),
        [ORIGINATED_FROM_NAME_LABEL]: owner.metadata.name,
        [ORIGINATED_FROM_CRD_LABEL]: owner.kind,
        ...extra.labels,
      },
      annotations: {
        ...(owner.metadata.annotations ?? {}),
        ...extra.annotations,
      },
      ownerReferences: [ownerRef(owner)],
    },
    spec: structuredClone(spec),
  };
}
