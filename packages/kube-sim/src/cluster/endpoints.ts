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

import { fromLabelSelectorObject } from '../selectors';
import type { KubeObject } from '../util';
import type { ClusterObjects } from './objects';

/** The addresses the endpoints controller would give a Service: ready and not-ready pods. */
export interface ServiceEndpoints {
  ready: KubeObject[];
  notReady: KubeObject[];
}

function isReady(pod: KubeObject): boolean {
  return (pod.status?.conditions ?? []).some(
    (c: KubeObject) => c.type === 'Ready' && c.status === 'True',
  );
}

/**
 * What the endpoints controller computes for a Service with a selector: the pods it selects in
 * its namespace that have an IP and are not terminating; a pod that is not Ready is a
 * not-ready address unless the Service publishes not-ready addresses. Undefined for a Service
 * without a selector (its Endpoints are whatever was written).
 */
export function serviceEndpoints(
  objects: ClusterObjects,
  service: KubeObject,
): ServiceEndpoints | undefined {
  const selector = service.spec?.selector;
  if (!selector || !Object.keys(selector).length) return undefined;
  const pods = objects.store
    .list(objects.typeFor('v1', 'Pod'), {
      namespace: service.metadata.namespace,
      labelSelector: fromLabelSelectorObject({ matchLabels: selector }),
    })
    .entries.map(e => e.obj)
    .filter(p => p.status?.podIP && !p.metadata.deletionTimestamp);
  const publishAll = service.spec?.publishNotReadyAddresses === true;
  return {
    ready: pods.filter(p => publishAll || isReady(p)),
    notReady: pods.filter(p => !publishAll && !isReady(p)),
  };
}
