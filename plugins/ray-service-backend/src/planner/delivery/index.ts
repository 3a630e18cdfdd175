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

import type { ChartInstall } from '../charts';
import type { PlanContext } from '../context';
import type { PlannedObject } from '../types';
import type { DeliveryController } from '../../vocabulary';
import { fluxObjects } from './flux';
import { helmChartObjects } from './helmChart';

export const DELIVERY_CONTROLLER_NAMES: Record<DeliveryController, string> = {
  flux: 'Flux HelmRelease',
  helmChart: 'RKE2/k3s HelmChart',
};

/** The objects through which the host's delivery controller installs releases. */
export function deliveryObjects(
  ctx: PlanContext,
  installs: ChartInstall[],
): PlannedObject[] {
  return ctx.host.deliveryController === 'flux'
    ? fluxObjects(ctx, installs)
    : helmChartObjects(ctx, installs);
}
