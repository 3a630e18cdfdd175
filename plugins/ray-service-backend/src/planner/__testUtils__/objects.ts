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

import { parse } from 'yaml';
import { plan } from '../plan';
import type { PlanInput, PlannedObject } from '../types';

/** The objects of a plan with the planner's metadata guarantees visible to TS. */
export function planObjects(input: PlanInput): PlannedObject[] {
  return plan(input).objects as PlannedObject[];
}

export function ofKind(objects: PlannedObject[], kind: string): any[] {
  return objects.filter(object => object.kind === kind);
}

export function single(
  objects: PlannedObject[],
  kind: string,
  name?: string,
): any {
  const found = ofKind(objects, kind).filter(
    object => name === undefined || object.metadata.name === name,
  );
  if (found.length !== 1) {
    throw new Error(
      `expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length}`,
    );
  }
  return found[0];
}

/** The Helm values of a HelmRelease or HelmChart. */
export function valuesOf(release: any): any {
  return release.kind === 'HelmRelease'
    ? release.spec.values
    : parse(release.spec.valuesContent ?? '{}');
}
