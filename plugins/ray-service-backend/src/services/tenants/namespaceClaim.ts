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

import type { ObservedObject } from '../../kubernetes/ObjectClient';
import { INSTANCE_LABEL } from '../../vocabulary';

/**
 * Why a new tenant cannot take its namespace on the host cluster: tenant
 * names map to fixed names there (`ray-<name>`), so a namespace that exists
 * and does not carry this portal's instance label belongs to another portal
 * sharing the cluster, or to no portal at all. Undefined when the namespace
 * does not exist or is this instance's (e.g. a deleted tenant's, still being
 * torn down). Pure.
 */
export function namespaceRefusal(
  namespace: ObservedObject | undefined,
  instance: string,
  hostCluster: string,
): string | undefined {
  if (!namespace) {
    return undefined;
  }
  const owner = namespace.metadata.labels?.[INSTANCE_LABEL];
  if (owner === instance) {
    return undefined;
  }
  const exists = `namespace ${namespace.metadata.name} already exists on host cluster ${hostCluster}`;
  return owner === undefined
    ? `${exists} and is not managed by this portal`
    : `${exists} and belongs to another portal (instance "${owner}")`;
}
