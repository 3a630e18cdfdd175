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
import type { StoreEvent } from '../store';
import type { KubeObject } from '../util';
import { KeyedWorkQueue } from '../workQueue';
import { ControllerContext, objKey, TrackedRelease } from './context';
import {
  reconcileFluxSource,
  reconcileHelmChart,
  reconcileHelmRelease,
  teardownRelease,
} from './releases';
import type { HeadKey } from '../ray/heads';
import { reconcilePod } from './kubelet';
import { quotasToRecount, reconcileResourceQuota } from './resourceQuota';
import { clusterUsers, relatedRayKeys } from './kuberay/relations';
import { reconcileRayCluster } from './kuberay/rayCluster';
import { reconcileRayJob } from './kuberay/rayJob';
import { reconcileRayService } from './kuberay/rayService';
import { ControllerDeps } from './types';
import { queuesToResync, reconcileCommand, reconcileQueue } from './volcano';
import {
  reconcileCertManager,
  reconcileDeployment,
  reconcileStatefulSet,
} from './workloads';

export type { ControllerDeps, VClusterHandle, VClusterHost } from './types';

type Reconciler = (ctx: ControllerContext, obj: KubeObject) => number | void;

/** Pod IPs of a cluster: 10.244.x.y on the host, another second octet per vcluster. */
function podIPs(clusterName: string): () => string {
  let n = 0;
  const octet =
    clusterName === 'host'
      ? 244
      : 100 +
        ([...clusterName].reduce(
          (h, c) => (h * 31 + c.charCodeAt(0)) >>> 0,
          7,
        ) %
          100);
  return () => {
    n++;
    return `10.${octet}.${Math.floor(n / 250) % 256}.${(n % 250) + 2}`;
  };
}

const RECONCILERS: Record<string, Reconciler> = {
  '/pods': reconcilePod,
  '/resourcequotas': reconcileResourceQuota,
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
  private readonly queue = new KeyedWorkQueue(key => this.reconcile(key));
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly cluster: ClusterObjects,
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
      remembered: new Map<string, string>(),
      // A few ms more, so that the reconcile finds the delay it waits for elapsed.
      requeue: (key, ms) => this.queue.addAfter(key, ms + 5),
      enqueue: key => this.queue.add(key),
      nextPodIP: podIPs(cluster.clusterName),
    };
    cluster.store.onEvent(ev => this.onEvent(ev));
    this.unsubscribe = deps.rayHeads.onChange(key => this.onRayHeadChange(key));
    // Converge whatever is already there (seeded objects).
    for (const type of Object.keys(RECONCILERS)) {
      const [group, resource] = type.split('/');
      const t = cluster.registry.getByResource(group, resource);
      if (!t) continue;
      for (const e of cluster.store.list(t).entries) {
        this.queue.add(
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
    this.unsubscribe();
    this.queue.stop();
  }

  /** A simulated Ray head changed: the RayJobs and RayServices using its cluster look again. */
  private onRayHeadChange(key: HeadKey) {
    if (this.stopped || key.cluster !== this.cluster.clusterName) return;
    for (const k of clusterUsers(this.cluster, key.namespace, key.name))
      this.queue.add(k);
  }

  private onEvent(ev: StoreEvent) {
    if (this.stopped) return;
    const type = `${ev.group}/${ev.resource}`;
    const ns = ev.obj.metadata?.namespace ?? '';
    const name = ev.obj.metadata?.name;
    // Quotas count the pods of their namespace.
    for (const key of quotasToRecount(this.ctx, ev)) this.queue.add(key);
    // Volcano: a Closing queue closes when its last PodGroup goes.
    for (const key of queuesToResync(ev)) this.queue.add(key);
    // KubeRay: pods → their RayCluster → its RayJob/RayService
    for (const key of relatedRayKeys(this.cluster, ev)) this.queue.add(key);
    if (ev.type === 'DELETED') {
      const key = objKey(ev.group, ev.resource, ns, name);
      this.ctx.progress.delete(key);
      this.queue.cancelDelayed(key);
      if (type === 'helm.toolkit.fluxcd.io/helmreleases')
        teardownRelease(this.ctx, `HelmRelease:${ns}/${name}`);
      if (type === 'helm.cattle.io/helmcharts')
        teardownRelease(this.ctx, `HelmChart:${ns}/${name}`);
      this.ctx.blocked.delete(key);
      if (type === '/namespaces') this.onNamespaceDeleted(name);
      if (type === 'ray.io/rayclusters')
        this.ctx.deps.rayHeads.remove({
          cluster: this.cluster.clusterName,
          namespace: ns,
          name,
        });
      return;
    }
    if (RECONCILERS[type])
      this.queue.add(objKey(ev.group, ev.resource, ns, name));
    // Releases waiting for a source or a namespace retry when one appears.
    if (
      ev.type === 'ADDED' &&
      (type === '/namespaces' ||
        type === 'source.toolkit.fluxcd.io/helmrepositories' ||
        type === 'source.toolkit.fluxcd.io/ocirepositories')
    ) {
      for (const key of this.ctx.blocked) this.queue.add(key);
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
        this.queue.add(
          objKey('helm.toolkit.fluxcd.io', 'helmreleases', rns, rname),
        );
      else this.queue.add(objKey('helm.cattle.io', 'helmcharts', rns, rname));
    }
  }

  private reconcile(key: string) {
    const [group, resource, ns, name] = key.split('|');
    const reconcile = RECONCILERS[`${group}/${resource}`];
    const t = this.cluster.registry.getByResource(group, resource);
    if (!reconcile || !t) return;
    const e = this.cluster.store.get(t, ns, name);
    if (!e) return;
    try {
      const again = reconcile(this.ctx, e.obj);
      if (typeof again === 'number') this.ctx.requeue(key, again);
    } catch (err) {
      if (process.env.KUBE_SIM_DEBUG) {
        // eslint-disable-next-line no-console
        console.warn(`kube-sim: reconcile of ${key} failed`, err);
      }
    }
  }
}
