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

import { KubeSim } from '@ray-service/kube-sim';
import { profileInput } from './fixtures';

/** The scheduled task that fills and drains the warm pools. */
export const WARM_POOL_TASK = 'ray-service-warm-pools';

/** The `small` profile with a pool of `desiredCapacity` standbys of kuberay@1.0.0. */
export const smallPoolProfile = (desiredCapacity: number) =>
  profileInput({
    visibleTo: ['ml-teams'],
    allocation: {
      strategy: 'warmPool',
      desiredCapacity,
      timezone: 'UTC',
      templateVersion: 'kuberay@1.0.0',
    },
  });

/** The portal's namespaces in the sim that are not being deleted, sorted. */
export const liveNamespaces = (sim: KubeSim): string[] =>
  sim.objects
    .list('v1', 'Namespace', {
      labelSelector: { 'app.kubernetes.io/managed-by': 'ray-service' },
    })
    .filter(ns => !ns.metadata?.deletionTimestamp)
    .map(ns => ns.metadata!.name!)
    .sort();
