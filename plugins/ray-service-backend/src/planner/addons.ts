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

import type { Addon } from '@ray-service/plugin-ray-service-common';
import { addonChart, ChartInstall } from './charts';
import type { PlanContext } from './context';
import { addonReleaseName } from '../vocabulary';
import { addonValuesWithRegistry } from './registry';

function describe(addon: Addon): string {
  return `Add-on ${addon.name} (${addon.chart.name} ${addon.chart.version})`;
}

function values(ctx: PlanContext, addon: Addon) {
  return addonValuesWithRegistry(addon.values ?? {}, ctx.registry);
}

/**
 * Namespace mode: each add-on is a release of its own in the tenant
 * namespace; an add-on's `namespace` only applies inside a vcluster.
 */
export function namespacedAddonReleases(ctx: PlanContext): ChartInstall[] {
  return ctx.template.addons.map(addon => ({
    releaseName: addonReleaseName(ctx.tenantName, addon.name),
    namespace: ctx.namespace,
    chart: addonChart(addon),
    values: values(ctx, addon),
    skipCrds: false,
    description: describe(addon),
  }));
}

/** vcluster mode: add-ons are installed inside the vcluster, in their namespace. */
export function addonsInsideVcluster(ctx: PlanContext): ChartInstall[] {
  return ctx.template.addons.map(addon => ({
    releaseName: addon.name,
    namespace: addon.namespace ?? addon.name,
    chart: addonChart(addon),
    values: values(ctx, addon),
    skipCrds: false,
    description: describe(addon),
  }));
}
