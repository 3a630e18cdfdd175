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
  parseQuantity,
  TenantUsage,
} from '@ray-service/plugin-ray-service-common';

/** One bar of the quota chart: a resource, how much is used of the hard limit. */
export interface QuotaUse {
  resource: string;
  label: string;
  /** Percent of the hard limit in use, 0–100 (more when over). */
  usedPercent: number;
  /** E.g. "2.5 of 8 CPU", "12Gi of 64Gi", "129.1Gi of 256Gi". */
  text: string;
}

function amount(resource: string, text: string): number {
  if (resource === 'cpu') return parseQuantity(text, 'cpu') / 1000;
  if (resource === 'memory') return parseQuantity(text, 'memory');
  return Number(text);
}

const LABELS: Record<string, string> = { cpu: 'CPU', memory: 'Memory' };

const BINARY_UNITS = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi'];

/**
 * An amount as people read it: cores with at most two decimals ("32.32"
 * for 32320m), bytes in the largest binary unit with at most one decimal
 * ("129.1Gi" for 132160Mi), counts as they are.
 */
function readable(resource: string, value: number): string {
  const rounded = (n: number, digits: number) =>
    String(Number(n.toFixed(digits)));
  if (resource === 'memory') {
    let scaled = value;
    let unit = 0;
    while (scaled >= 1024 && unit < BINARY_UNITS.length - 1) {
      scaled /= 1024;
      unit += 1;
    }
    return `${rounded(scaled, 1)}${BINARY_UNITS[unit]}`;
  }
  return resource === 'cpu' ? rounded(value, 2) : String(value);
}

/**
 * The quota's requests, one bar each: CPU, memory and each extended resource
 * (GPUs, MIG slices). Limits, pod and object counts are left out: the
 * requests are what scheduling checks against the quota.
 */
export function quotaUseOf(usage: TenantUsage): QuotaUse[] {
  return usage.resources.flatMap(({ resource, hard, used }) => {
    const name = resource.startsWith('requests.')
      ? resource.slice('requests.'.length)
      : undefined;
    if (!name) return [];
    const hardAmount = amount(name, hard);
    const usedAmount = amount(name, used);
    if (!Number.isFinite(hardAmount) || !Number.isFinite(usedAmount)) return [];
    const unit = name === 'cpu' ? ' CPU' : '';
    return [
      {
        resource: name,
        label: LABELS[name] ?? name,
        usedPercent: hardAmount > 0 ? (usedAmount / hardAmount) * 100 : 0,
        text: `${readable(name, usedAmount)} of ${readable(
          name,
          hardAmount,
        )}${unit}`,
      },
    ];
  });
}
