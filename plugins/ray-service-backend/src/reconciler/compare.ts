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

import { parseQuantity } from '@ray-service/plugin-ray-service-common';
import { apiGroupOf } from '../vocabulary';
import type { PlannedObject } from '../planner/types';

/** Fields the API server or controllers own; never compared. */
const NOT_OURS = new Set(['apiVersion', 'kind', 'metadata', 'status']);

/**
 * Maps whose values are resource quantities in built-in kinds. The API
 * server stores those in canonical form (`1024Mi` comes back as `1Gi`), so
 * they compare by amount. Custom resources keep strings as they were sent.
 */
const QUANTITY_MAPS: ReadonlySet<string> = new Set([
  'hard',
  'capability',
  'default',
  'defaultRequest',
  'max',
  'min',
  'maxLimitRequestRatio',
]);

function amount(quantity: string): number | undefined {
  try {
    return parseQuantity(quantity, 'cpu');
  } catch {
    try {
      return parseQuantity(quantity, 'memory');
    } catch {
      return undefined;
    }
  }
}

function sameQuantity(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const x = amount(a);
  return x !== undefined && x === amount(b);
}

/** Built-in groups are dot-less (`apps`) or end in `.k8s.io`; CRDs' cannot. */
function isBuiltIn(apiVersion: string): boolean {
  const group = apiGroupOf(apiVersion);
  return !group.includes('.') || group.endsWith('.k8s.io');
}

const isMissing = (value: unknown) => value === undefined || value === null;

/**
 * Whether `observed` has every field of `desired` with the same value.
 * Extra fields (defaults, other managers' fields) are fine; lists must match
 * element by element; empty lists and maps match an absent field, which is
 * how API servers often store them. The values of maps found under a key of
 * `quantityMaps` compare as quantities.
 */
export function contains(
  desired: unknown,
  observed: unknown,
  quantityMaps: ReadonlySet<string> = new Set(),
  key?: string,
): boolean {
  if (isMissing(desired)) {
    return isMissing(observed);
  }
  if (Array.isArray(desired)) {
    if (!Array.isArray(observed)) {
      return desired.length === 0 && isMissing(observed);
    }
    return (
      observed.length === desired.length &&
      desired.every((item, i) => contains(item, observed[i], quantityMaps))
    );
  }
  if (typeof desired === 'object') {
    const entries = Object.entries(desired as Record<string, unknown>);
    if (typeof observed !== 'object' || observed === null) {
      return entries.length === 0 && isMissing(observed);
    }
    const live = observed as Record<string, unknown>;
    const quantities = key !== undefined && quantityMaps.has(key);
    return entries.every(([field, value]) =>
      quantities && typeof value === 'string' && typeof live[field] === 'string'
        ? sameQuantity(value, live[field] as string)
        : contains(value, live[field], quantityMaps, field),
    );
  }
  return desired === observed;
}

/**
 * Whether a planned object is applied as planned: its labels, annotations
 * and every field we own (spec, data, values, …) are in the observed object.
 * Status and server-set metadata are ignored.
 */
export function isApplied(desired: PlannedObject, observed: object): boolean {
  const live = observed as {
    metadata?: { labels?: unknown; annotations?: unknown };
  } & Record<string, unknown>;
  const quantityMaps = isBuiltIn(desired.apiVersion)
    ? QUANTITY_MAPS
    : undefined;
  return (
    contains(desired.metadata.labels, live.metadata?.labels ?? {}) &&
    contains(desired.metadata.annotations ?? {}, live.metadata?.annotations) &&
    Object.entries(desired).every(
      ([field, value]) =>
        NOT_OURS.has(field) || contains(value, live[field], quantityMaps),
    )
  );
}
