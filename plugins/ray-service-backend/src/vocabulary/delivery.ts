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
  DELIVERY_CONTROLLERS,
  DeliveryController,
} from '@ray-service/plugin-ray-service-common';
import { PLANNED_KINDS, PlannedKind } from './kinds';

export { DELIVERY_CONTROLLERS };
export type { DeliveryController };

/** The API groups of each delivery controller's kinds. */
const DELIVERY_API_GROUPS: Record<DeliveryController, readonly string[]> = {
  flux: ['helm.toolkit.fluxcd.io', 'source.toolkit.fluxcd.io'],
  helmChart: ['helm.cattle.io'],
};

/** `helm.toolkit.fluxcd.io/v2` → `helm.toolkit.fluxcd.io`; `v1` → `` (core). */
export function apiGroupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

/** The delivery controller a planned kind belongs to, if any. */
export function deliveryControllerOf(
  kind: Pick<PlannedKind, 'apiVersion'>,
): DeliveryController | undefined {
  const group = apiGroupOf(kind.apiVersion);
  return DELIVERY_CONTROLLERS.find(controller =>
    DELIVERY_API_GROUPS[controller].includes(group),
  );
}

/** The planned kinds through which a delivery controller installs releases. */
export function deliveryKinds(controller: DeliveryController): PlannedKind[] {
  return PLANNED_KINDS.filter(
    kind => deliveryControllerOf(kind) === controller,
  );
}

/** The planned kinds a host with this delivery controller can contain. */
export function plannedKindsFor(controller: DeliveryController): PlannedKind[] {
  return PLANNED_KINDS.filter(kind => {
    const owner = deliveryControllerOf(kind);
    return owner === undefined || owner === controller;
  });
}

/**
 * The kinds the reconciler lists, applies and deletes on a host with this
 * delivery controller: the planned kinds but the other controller's. When
 * the controller is not known (preflight could not tell), every planned
 * kind. The generated RBAC grants exactly these.
 */
export function reconciledKinds(
  controller: DeliveryController | undefined,
): readonly PlannedKind[] {
  return controller ? plannedKindsFor(controller) : PLANNED_KINDS;
}
