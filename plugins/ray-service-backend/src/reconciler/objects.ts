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

import { apiGroupOf, TENANT_LABEL } from '../vocabulary';
import type { ObservedObject } from '../kubernetes/ObjectClient';
import type { PlannedObject } from '../planner/types';

/** What identifies an object (its apiVersion tells the client where it is). */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

type AnyObject = PlannedObject | ObservedObject;

export function refOf(object: AnyObject): ObjectRef {
  const { namespace, name } = object.metadata;
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    ...(namespace ? { namespace } : {}),
    name,
  };
}

/** Version-agnostic identity: the same object listed in another version matches. */
export function keyOf(object: ObjectRef | AnyObject): string {
  const ref = 'metadata' in object ? refOf(object) : object;
  return [
    apiGroupOf(ref.apiVersion),
    ref.kind,
    ref.namespace ?? '',
    ref.name,
  ].join('/');
}

export function kindKeyOf(object: { apiVersion: string; kind: string }) {
  return `${object.apiVersion}/${object.kind}`;
}

export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

export function tenantOf(object: ObservedObject): string | undefined {
  return object.metadata.labels?.[TENANT_LABEL];
}

export function isTerminating(object: ObservedObject): boolean {
  return Boolean(object.metadata.deletionTimestamp);
}
