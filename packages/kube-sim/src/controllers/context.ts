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

import type { ClusterObjects } from '../cluster/objects';
import type { ControllerSettings } from '../cluster/options';
import type { KubeObject } from '../util';
import type { ControllerDeps } from './types';

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface TrackedRelease {
  targetNamespace: string;
  releaseName: string;
  objects: ObjectRef[];
  vcluster?: { namespace: string; name: string };
}

export interface ControllerContext {
  cluster: ClusterObjects;
  settings: ControllerSettings;
  deps: ControllerDeps;
  /** When an object entered its current (generation's) progress phase. */
  progress: Map<string, { gen: number; since: number }>;
  releases: Map<string, TrackedRelease>;
  /** Objects waiting for another object (a chart source, a namespace) to appear. */
  blocked: Set<string>;
  /** What a controller keeps in memory between reconciles (KubeRay's Serve config cache). */
  remembered: Map<string, string>;
  requeue(key: string, ms: number): void;
  enqueue(key: string): void;
  /** A new pod IP of this cluster. */
  nextPodIP(): string;
}

export function objKey(
  group: string,
  resource: string,
  ns: string,
  name: string,
): string {
  return `${group}|${resource}|${ns}|${name}`;
}

export function keyOf(
  group: string,
  resource: string,
  obj: KubeObject,
): string {
  return objKey(
    group,
    resource,
    obj.metadata?.namespace ?? '',
    obj.metadata?.name,
  );
}

/** Elapsed time in the object's current phase; starts the clock on first sight of a generation. */
export function phaseElapsed(
  ctx: ControllerContext,
  key: string,
  gen: number,
): number {
  let p = ctx.progress.get(key);
  if (!p || p.gen !== gen) {
    p = { gen, since: Date.now() };
    ctx.progress.set(key, p);
  }
  return Date.now() - p.since;
}

/** Changes the status of the object a controller reconciles (see `ClusterObjects.updateStatus`). */
export function updateOwnStatus(
  ctx: ControllerContext,
  obj: KubeObject,
  mutate: (status: KubeObject, current: KubeObject) => KubeObject | void,
): KubeObject | undefined {
  return ctx.cluster.updateStatus(
    obj.apiVersion,
    obj.kind,
    obj.metadata.namespace,
    obj.metadata.name,
    mutate,
  );
}

export function ownerRef(obj: KubeObject, controller = true): KubeObject {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    uid: obj.metadata.uid,
    controller,
    blockOwnerDeletion: true,
  };
}
