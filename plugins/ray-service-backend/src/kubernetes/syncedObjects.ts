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
  VCLUSTER_MANAGED_BY_LABEL,
  VCLUSTER_NAMESPACE_LABEL,
  VCLUSTER_OBJECT_NAME_ANNOTATION,
} from '../vocabulary';
import { ObjectClient, ObservedObject } from './ObjectClient';

/**
 * The host copy vcluster's syncer made of an object inside a vcluster
 * (a Pod, a Service, a Secret a pod uses): found by the syncer's labels and
 * its name annotation, so the translated host name (hashed when long) need
 * not be computed here. Undefined when it is not (yet) synced.
 */
export async function findSyncedObject(
  host: ObjectClient,
  where: {
    hostNamespace: string;
    release: string;
    kind: 'Service' | 'Secret' | 'Pod';
    virtualNamespace: string;
    virtualName: string;
  },
): Promise<ObservedObject | undefined> {
  const candidates = await host.list('v1', where.kind, {
    namespace: where.hostNamespace,
    labelSelector: [
      `${VCLUSTER_MANAGED_BY_LABEL}=${where.release}`,
      `${VCLUSTER_NAMESPACE_LABEL}=${where.virtualNamespace}`,
    ].join(','),
  });
  return candidates.find(
    object =>
      object.metadata.annotations?.[VCLUSTER_OBJECT_NAME_ANNOTATION] ===
      where.virtualName,
  );
}
