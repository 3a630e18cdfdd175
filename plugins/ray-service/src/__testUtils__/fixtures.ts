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

import { fixtureTenant } from '@ray-service/plugin-ray-service-common/testUtils';

/** Response bodies for component tests, with what each test cares about overridden. */

/** A stored template version of `kuberay` as `GET /templates` lists it. */
export function templateVersion(
  version: string,
  state: string,
  extra: object = {},
) {
  return {
    name: 'kuberay',
    version,
    state,
    kuberayVersion: '1.5.1',
    rayVersion: '2.52.0',
    vclusterChartVersion: '0.36.1',
    isolationModes: ['vcluster', 'namespace'],
    addons: [],
    security: { networkPolicy: true, tls: true },
    changelog: '',
    sharedWith: [],
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    createdBy: 'user:default/admin',
    ...extra,
  };
}

/** A compute profile with one small resource group. */
export function computeProfile(name: string, extra: object = {}) {
  return {
    name,
    displayName: name[0].toUpperCase() + name.slice(1),
    description: '',
    resources: [{ cpu: '8', memory: '32Gi', storage: '100Gi' }],
    partitioning: {},
    allocation: { strategy: 'onDemand' },
    published: true,
    visibleTo: [],
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    createdBy: 'user:default/admin',
    ...extra,
  };
}

/** A Ready tenant `name` on gpu-west, all conditions met. */
export function tenant(name: string, extra: object = {}) {
  return fixtureTenant(name, {
    hostCluster: 'gpu-west',
    createdBy: 'user:default/admin',
    ...extra,
  });
}
