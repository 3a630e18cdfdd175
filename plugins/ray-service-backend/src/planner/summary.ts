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

import type { TenantBudget } from './budget';
import type { ChartInstall } from './charts';
import type { PlanContext } from './context';
import { DELIVERY_CONTROLLER_NAMES } from './delivery';
import { CLUSTER_ISSUER_ANNOTATION } from './ingress';
import { podSecurityLevel } from './podSecurity';
import { networkPolicyName, volcanoQueueName } from '../vocabulary';
import { VOLCANO_QUEUE_WEIGHT } from './queue';
import { containerLimits } from './quota';
import { mirroredChartRepository } from './registry';
import { systemComponents } from './systemComponents';
import type { PlannedObject } from './types';
import { chartsInsideVcluster, vclusterApiIngressHost } from './vclusterValues';

interface SummaryInput {
  ctx: PlanContext;
  budget: TenantBudget;
  releases: ChartInstall[];
  networkPolicies: PlannedObject[];
}

const cpu = (amount: string) => `${amount} CPU`;

function quotaLine({ ctx, budget }: SummaryInput): string {
  const { profile, overhead } = budget;
  const gpus = budget.extended.map(([name, count]) => `${count} × ${name}`);
  const system = [
    cpu(overhead.requests.cpu),
    `${overhead.requests.memory} memory`,
    ...(overhead.persistentVolumeClaims ? [`${overhead.storage} storage`] : []),
  ];
  const components = systemComponents(ctx.isolation).map(c => c.name);
  return [
    `Quota: ${cpu(profile.cpu)}`,
    `${profile.memory} memory`,
    `${profile.storage} storage`,
    ...gpus,
    `plus ${system.join(', ')} for the ${components.join(', ')}`,
  ].join(', ');
}

function limitsLine({ budget }: SummaryInput): string {
  const { max, limit } = containerLimits(budget);
  return `Container defaults: ${cpu(limit.cpu)}/${
    limit.memory
  } requested and limit; at most ${cpu(max.cpu)}/${max.memory} per container`;
}

function deliveryLines({ ctx, releases }: SummaryInput): string[] {
  const via = `via ${DELIVERY_CONTROLLER_NAMES[ctx.host.deliveryController]}`;
  if (ctx.isolation === 'namespace') {
    return releases.map(release => `${release.description} ${via}`);
  }
  const [operator, ...addons] = chartsInsideVcluster(ctx);
  return [
    ...releases.map(
      release => `${release.description} ${via} with ${operator.description}`,
    ),
    ...addons.map(
      addon =>
        `${addon.description} inside the vcluster, namespace ${addon.namespace}`,
    ),
    ...vclusterApiLines(ctx),
  ];
}

function vclusterApiLines(ctx: PlanContext): string[] {
  const ingressHost = vclusterApiIngressHost(ctx);
  return ingressHost
    ? [
        `vcluster API exposed at https://${ingressHost} through the ingress controller (SSL passthrough)`,
      ]
    : [];
}

function networkLines({ ctx, networkPolicies }: SummaryInput): string[] {
  if (networkPolicies.length === 0) {
    return ['No NetworkPolicies (the template turns them off)'];
  }
  const prefix = networkPolicyName('');
  const names = networkPolicies.map(p => p.metadata.name.slice(prefix.length));
  return [
    `${networkPolicies.length} NetworkPolicies: ${names.join(', ')}`,
    ...(ctx.host.apiServerCidrs.length
      ? []
      : [
          'API server addresses unknown: egress on 443/6443 to any address and no ingress from the API server; set the host cluster’s apiServerCidrs',
        ]),
  ];
}

function securityLines({ ctx }: SummaryInput): string[] {
  const { security } = ctx.template;
  const lines: string[] = [];
  if (ctx.registry) {
    const charts =
      ctx.isolation === 'vcluster'
        ? 'vcluster and KubeRay charts'
        : 'KubeRay chart';
    lines.push(
      `Images from ${ctx.registry}; ${charts} from ${mirroredChartRepository(
        ctx.registry,
      )}`,
    );
  }
  if (security.gcsFaultTolerance) {
    const { redisAddress, passwordSecretRef } = security.gcsFaultTolerance;
    lines.push(
      `GCS fault tolerance with Redis at ${redisAddress} (password: Secret ${passwordSecretRef.name}, key ${passwordSecretRef.key})`,
    );
  }
  if (security.tls) {
    lines.push(
      ctx.host.clusterIssuer
        ? `TLS: dashboard Ingresses carry ${CLUSTER_ISSUER_ANNOTATION}: ${ctx.host.clusterIssuer}`
        : 'TLS requested, but the host cluster names no ClusterIssuer',
    );
  }
  return lines;
}

/** Human-readable lines describing a plan. */
export function planSummary(input: SummaryInput): string[] {
  const { ctx } = input;
  return [
    `Namespace ${ctx.namespace} (pod security ${podSecurityLevel(
      ctx.template,
    )})`,
    quotaLine(input),
    limitsLine(input),
    `Volcano queue ${volcanoQueueName(
      ctx.tenantName,
    )} (weight ${VOLCANO_QUEUE_WEIGHT}, not reclaimable)`,
    ...deliveryLines(input),
    ...networkLines(input),
    ...securityLines(input),
  ];
}
