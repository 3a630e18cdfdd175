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

import type { ControllerSettings, SimCluster } from '../cluster';
import type { StoreEvent } from '../store';
import type { KubeObject } from '../util';
import { ControllerContext, objKey, TrackedRelease } from './context';
import {
  reconcileFluxSource,
  reconcileHelmChart,
  reconcileHelmRelease,
  teardownRelease,
} from './releases';
import {
  reconcileRayCluster,
  reconcileRayJob,
  reconcileRayService,
} from './ray';
import { ControllerDeps } from './types';
import { queuesToResync, reconcileCommand, reconcileQueue } from './volcano';
import {
  reconcileCertManager,
  reconcileDeployment,
  reconcileStatefulSet,
} from './workloads';

export type { ControllerDeps, VClusterHandle, VClusterHost } from './types';

type Reconciler = (ctx: ControllerContext, obj: KubeObject) => number | void;

const RECONCILERS: Record<string, Reconciler> = {
  'apps/deployments': reconcileDeployment,
  'apps/statefulsets': reconcileStatefulSet,
  'scheduling.volcano.sh/queues': reconcileQueue,
  'bus.volcano.sh/commands': reconcileCommand,
  'helm.toolkit.fluxcd.io/helmreleases': reconcileHelmRelease,
  'source.toolkit.fluxcd.io/helmrepositories': reconcileFluxSource,
  'source.toolkit.fluxcd.io/ocirepositories': reconcileFluxSource,
  'helm.cattle.io/helmcharts': reconcileHelmChart,
  'ray.io/rayclusters': reconcileRayCluster,
  'ray.io/rayjobs': reconcileRayJob,
  'ray.io/rayservices': reconcileRayService,
  'cert-manager.io/certificates': reconcileCertManager,
  'cert-manager.io/issuers': reconcileCertManager,
  'cert-manager.io/clusterissuers': reconcileCertManager,
};

/**
 * The simulated controllers of one cluster. Level-triggered: a write enqueues the object,
 * a reconcile looks at its current state and converges it; timers requeue objects that wait
 * for a delay. Work runs on setImmediate/setTimeout, never inside a request.
 */
export class Controllers {
  private readonly ctx: ControllerContext;
  private readonly queue = new Set<string>();
  private readonly timers = new Map<
    string,
    { at: number; timer: NodeJS.Timeout }
  >();
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly cluster: SimCluster,
    settings: ControllerSettings,
    deps: ControllerDeps,
  ) {
    this.ctx = {
      cluster,
      settings,
      deps,
      progress: new Map(),
      releases: new Map<string, TrackedRelease>(),
      blocked: new Set<string>(),
      requeue: (key, ms) => this.requeue(key, ms),
      enqueue: key => this.enqueue(key),
    };
    cluster.store.onEvent(ev => this.onEvent(ev));
    // Converge whatever is already there (seeded objects).
    for (const type of Object.keys(RECONCILERS)) {
      const [group, resource] = type.split('/');
      const t = cluster.registry.getByResource(group, resource);
      if (!t) continue;
      for (const e of cluster.store.list(t).entries) {
        this.enqueue(
          objKey(
            group,
            resource,
            e.obj.metadata.namespace ?? '',
            e.obj.metadata.name,
          ),
        );
      }
    }
  }

  stop() {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t.timer);
    this.timers.clear();
    this.queue.clear();
  }

  private onEvent(ev: StoreEvent) {
    if (this.stopped) return;
    const type = `${ev.group}/${ev.resource}`;
    const ns = ev.obj.metadata?.namespace ?? '';
    const name = ev.obj.metadata?.name;
    // Volcano: a Closing queue closes when its last PodGroup goes.
    for (const key of queuesToResync(ev)) this.enqueue(key);
    if (ev.type === 'DELETED') {
      const key = objKey(ev.group, ev.resource, ns, name);
      this.ctx.progress.delete(key);
      const timer = this.timers.get(key);
      if (timer) {
        clearTimeout(timer.timer);
        this.timers.delete(key);
      }
      if (type === 'helm.toolkit.fluxcd.io/helmreleases')
        teardownRelease(this.ctx, `HelmRelease:${ns}/${name}`);
      if (type === 'helm.cattle.io/helmcharts')
        teardownRelease(this.ctx, `HelmChart:${ns}/${name}`);
      this.ctx.blocked.delete(key);
      if (type === '/namespaces') this.onNamespaceDeleted(name);
      return;
    }
    if (RECONCILERS[type])
      this.enqueue(objKey(ev.group, ev.resource, ns, name));
    // Releases waiting for a source or a namespace retry when one appears.
    if (
      ev.type === 'ADDED' &&
      (type === '/namespaces' ||
        type === 'source.toolkit.fluxcd.io/helmrepositories' ||
        type === 'source.toolkit.fluxcd.io/ocirepositories')
    ) {
      for (const key of this.ctx.blocked) this.enqueue(key);
    }
  }

  private onNamespaceDeleted(ns: string) {
    for (const [key, tr] of [...this.ctx.releases]) {
      if (tr.targetNamespace !== ns) continue;
      teardownRelease(this.ctx, key);
      // A release living in another namespace notices that its target is gone.
      const [kind, rest] = key.split(':');
      const [rns, rname] = rest.split('/');
      if (kind === 'HelmRelease')
        this.enqueue(
          objKey('helm.toolkit.fluxcd.io', 'helmreleases', rns, rname),
        );
      else this.enqueue(objKey('helm.cattle.io', 'helmcharts', rns, rname));
    }
  }

  private enqueue(key: string) {
    if (this.stopped) return;
    this.queue.add(key);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.process());
    }
  }

  private requeue(key: string, ms: number) {
    if (this.stopped) return;
    const at = Date.now() + Math.max(0, ms);
    const existing = this.timers.get(key);
    if (existing && existing.at <= at) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.enqueue(key);
    }, Math.max(0, ms) + 5);
    timer.unref?.();
    this.timers.set(key, { at, timer });
  }

  private process() {
    this.scheduled = false;
    if (this.stopped) return;
    const keys = [...this.queue];
    this.queue.clear();
    for (const key of keys) {
      const [group, resource, ns, name] = key.split('|');
      const reconcile = RECONCILERS[`${group}/${resource}`];
      const t = this.cluster.registry.getByResource(group, resource);
      if (!reconcile || !t) continue;
      const e = this.cluster.store.get(t, ns, name);
      if (!e) continue;
      try {
        const again = reconcile(this.ctx, e.obj);
        if (typeof again === 'number') this.requeue(key, again);
      } catch (err) {
        if (process.env.KUBE_SIM_DEBUG) {
          // eslint-disable-next-line no-console
          console.warn(`kube-sim: reconcile of ${key} failed`, err);
        }
      }
    }
  }
}
