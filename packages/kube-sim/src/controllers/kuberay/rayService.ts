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

import YAML from 'yaml';
import { serviceEndpoints } from '../../cluster/endpoints';
import { deepEqual, KubeObject, now } from '../../util';
import { getCondition, setCondition } from '../conditions';
import { ControllerContext, phaseElapsed, updateOwnStatus } from '../context';
import { addFinalizer, removeFinalizer } from '../finalizers';
import { clusterPods } from './rayCluster';
import {
  generateRayClusterName,
  ORIGINATED_FROM_CRD_LABEL,
  ORIGINATED_FROM_NAME_LABEL,
  RAY_CLUSTER_LABEL,
  RAY_SERVE_LABEL,
} from './names';
import {
  serviceCluster,
  shouldPrepareNewCluster,
  shouldUpdateInPlace,
  updatedCluster,
} from './rayServiceClusters';
import { ownerHeadService, serveService } from './services';

/*
 * KubeRay v1.7.0's RayService controller (rayservice_controller.go Reconcile, reconcileServe,
 * calculateStatus, calculateConditions, cleanUpRayClusterInstance): a pending RayCluster
 * `<service>-<5 chars>` gets the `serveConfigV2` (PUT to its head once the head pod is ready);
 * when all its applications are RUNNING, `<service>-head-svc` and `<service>-serve-svc` switch
 * to it and it becomes the active cluster. A new `serveConfigV2` alone is applied to the
 * active cluster in place. Clusters that are neither active nor pending are deleted
 * `rayClusterDeletionDelaySeconds` (default 60) later. Suspending a RayService is not simulated.
 */

const FINALIZER = 'ray.io/rayservice-finalizer';

interface Serving {
  ready: boolean;
  applications?: Record<string, KubeObject>;
}

function getCluster(
  ctx: ControllerContext,
  ns: string,
  name: string | undefined,
) {
  return name
    ? ctx.cluster.getObject('ray.io/v1', 'RayCluster', ns, name)
    : undefined;
}

function ownedClusters(ctx: ControllerContext, svc: KubeObject): KubeObject[] {
  return ctx.cluster.store
    .list(ctx.cluster.typeFor('ray.io/v1', 'RayCluster'), {
      namespace: svc.metadata.namespace,
      labelSelector: [
        {
          key: ORIGINATED_FROM_NAME_LABEL,
          op: 'in',
          values: [svc.metadata.name],
        },
        { key: ORIGINATED_FROM_CRD_LABEL, op: 'in', values: ['RayService'] },
      ],
    })
    .entries.map(e => e.obj);
}

/** `getAndCheckServeStatus` → KubeRay's AppStatus map. */
function appStatuses(
  apps: Record<string, KubeObject>,
): Record<string, KubeObject> {
  return Object.fromEntries(
    Object.entries(apps).map(([name, app]) => [
      name || 'default',
      {
        status: app.status,
        ...(app.message ? { message: app.message } : {}),
        serveDeploymentStatuses: Object.fromEntries(
          Object.entries<KubeObject>(app.deployments ?? {}).map(([dep, d]) => [
            dep,
            { status: d.status, ...(d.message ? { message: d.message } : {}) },
          ]),
        ),
      },
    ]),
  );
}

/** `reconcileServe`: applies the Serve config to a cluster's head and reads its applications. */
function reconcileServe(
  ctx: ControllerContext,
  svc: KubeObject,
  cluster: KubeObject,
): Serving {
  if (getCondition(cluster, 'HeadPodReady')?.status !== 'True')
    return { ready: false };
  const client = ctx.deps.rayHeads.client({
    cluster: ctx.cluster.clusterName,
    namespace: cluster.metadata.namespace,
    name: cluster.metadata.name,
  });
  if (!client) return { ready: false };
  const config: string = svc.spec?.serveConfigV2 ?? '';
  const cacheKey = `rayservice|${svc.metadata.namespace}/${svc.metadata.name}|${cluster.metadata.name}`;
  const apps = client.serveApplications();
  if (!apps) return { ready: false };
  if (ctx.remembered.get(cacheKey) !== config || !Object.keys(apps).length) {
    client.updateServeConfig(YAML.parse(config) ?? {});
    ctx.remembered.set(cacheKey, config);
  }
  const current = client.serveApplications() ?? {};
  const statuses = appStatuses(current);
  const names = Object.keys(statuses);
  // the head's proxy is healthy once Serve runs: the serve Service may include the head
  const head = clusterPods(ctx, cluster).find(
    p => p.metadata.labels?.['ray.io/node-type'] === 'head',
  );
  const serving = names.length ? 'true' : 'false';
  if (head && head.metadata.labels?.[RAY_SERVE_LABEL] !== serving)
    ctx.cluster.putObject({
      ...head,
      metadata: {
        ...head.metadata,
        labels: { ...head.metadata.labels, [RAY_SERVE_LABEL]: serving },
      },
    });
  return {
    ready:
      names.length > 0 && names.every(n => statuses[n].status === 'RUNNING'),
    applications: statuses,
  };
}

/** Points `<service>-head-svc` and `<service>-serve-svc` at a cluster. */
function pointServicesAt(
  ctx: ControllerContext,
  svc: KubeObject,
  cluster: KubeObject,
) {
  for (const wanted of [
    ownerHeadService(svc, cluster),
    serveService(svc, cluster),
  ]) {
    const existing = ctx.cluster.getObject(
      'v1',
      'Service',
      wanted.metadata.namespace,
      wanted.metadata.name,
    );
    if (existing?.spec?.selector?.[RAY_CLUSTER_LABEL] === cluster.metadata.name)
      continue;
    ctx.cluster.putObject(
      existing
        ? {
            ...existing,
            spec: { ...wanted.spec, clusterIP: existing.spec?.clusterIP },
          }
        : wanted,
    );
  }
}

/** Deletes clusters that are neither active nor pending once their deletion delay is over. */
function cleanUp(
  ctx: ControllerContext,
  svc: KubeObject,
  keep: string[],
): number | undefined {
  const delayMs = (svc.spec?.rayClusterDeletionDelaySeconds ?? 60) * 1000;
  let again: number | undefined;
  for (const cluster of ownedClusters(ctx, svc)) {
    if (keep.includes(cluster.metadata.name)) continue;
    const waited = phaseElapsed(
      ctx,
      `rayservice-cleanup|${cluster.metadata.uid}`,
      1,
    );
    if (waited >= delayMs) {
      ctx.cluster.deleteObject(
        'ray.io/v1',
        'RayCluster',
        cluster.metadata.namespace,
        cluster.metadata.name,
      );
      ctx.progress.delete(`rayservice-cleanup|${cluster.metadata.uid}`);
    } else again = Math.min(again ?? Infinity, delayMs - waited);
  }
  return again;
}

function readyServeEndpoints(ctx: ControllerContext, svc: KubeObject): number {
  const serve = ctx.cluster.getObject(
    'v1',
    'Service',
    svc.metadata.namespace,
    `${svc.metadata.name}-serve-svc`,
  );
  return serve ? serviceEndpoints(ctx.cluster, serve)?.ready.length ?? 0 : 0;
}

/** `calculateConditions`, with `serviceStatus` following Ready. */
function conditions(s: KubeObject) {
  const gen = s.observedGeneration;
  const set = (
    type: string,
    status: 'True' | 'False' | 'Unknown',
    reason: string,
    message: string,
  ) =>
    setCondition(s, { type, status, reason, message, observedGeneration: gen });
  if (!s.conditions?.length) {
    set('Ready', 'False', 'Initializing', 'RayService is initializing');
    set(
      'UpgradeInProgress',
      'False',
      'Initializing',
      'RayService is initializing',
    );
  }
  if (s.numServeEndpoints > 0)
    set(
      'Ready',
      'True',
      'NonZeroServeEndpoints',
      'Number of serve endpoints is greater than 0',
    );
  else if (getCondition({ status: s }, 'Ready')?.status === 'True')
    set(
      'Ready',
      'False',
      'ZeroServeEndpoints',
      'Number of serve endpoints dropped to 0',
    );
  const active = s.activeServiceStatus?.rayClusterName;
  const pending = s.pendingServiceStatus?.rayClusterName;
  if (active && pending)
    set(
      'UpgradeInProgress',
      'True',
      'BothActivePendingClustersExist',
      'Both active and pending Ray clusters exist',
    );
  else if (active)
    set(
      'UpgradeInProgress',
      'False',
      'NoPendingCluster',
      'Active Ray cluster exists and no pending Ray cluster',
    );
  if (getCondition({ status: s }, 'Ready')?.status === 'True')
    s.serviceStatus = 'Running';
  else delete s.serviceStatus;
}

export function reconcileRayService(
  ctx: ControllerContext,
  svc: KubeObject,
): number | void {
  const ns = svc.metadata.namespace;
  if (svc.metadata.deletionTimestamp) {
    for (const c of ownedClusters(ctx, svc))
      ctx.cluster.deleteObject('ray.io/v1', 'RayCluster', ns, c.metadata.name);
    removeFinalizer(ctx, svc, FINALIZER);
    return undefined;
  }
  if (addFinalizer(ctx, svc, FINALIZER)) return undefined;
  const s: KubeObject = structuredClone(svc.status ?? {});
  s.activeServiceStatus = s.activeServiceStatus ?? {};
  s.pendingServiceStatus = s.pendingServiceStatus ?? {};
  const again = cleanUp(ctx, svc, [
    s.activeServiceStatus.rayClusterName,
    s.pendingServiceStatus.rayClusterName,
  ]);

  let active = getCluster(ctx, ns, s.activeServiceStatus.rayClusterName);
  let pending = getCluster(ctx, ns, s.pendingServiceStatus.rayClusterName);
  if (s.pendingServiceStatus.rayClusterName && !pending)
    pending = ctx.cluster.putObject(
      serviceCluster(svc, s.pendingServiceStatus.rayClusterName),
    );
  const upgrading = getCondition(svc, 'UpgradeInProgress')?.status === 'True';
  if (shouldUpdateInPlace(svc, active, true, upgrading))
    active = ctx.cluster.putObject(updatedCluster(svc, active!));
  if (shouldUpdateInPlace(svc, pending, false, upgrading))
    pending = ctx.cluster.putObject(updatedCluster(svc, pending!));

  const pendingServe = pending
    ? reconcileServe(ctx, svc, pending)
    : { ready: false };
  const activeServe =
    active &&
    !pending &&
    !shouldPrepareNewCluster(svc, active, undefined, false)
      ? reconcileServe(ctx, svc, active)
      : { ready: false };
  if (pendingServe.ready || activeServe.ready)
    pointServicesAt(ctx, svc, pendingServe.ready ? pending! : active!);

  s.observedGeneration = svc.metadata.generation ?? 1;
  s.activeServiceStatus.rayClusterStatus = active?.status ?? {};
  s.pendingServiceStatus.rayClusterStatus = pending?.status ?? {};
  s.activeServiceStatus.applicationStatuses = activeServe.applications;
  s.pendingServiceStatus.applicationStatuses = pendingServe.applications;
  const headSvc = ctx.cluster.getObject(
    'v1',
    'Service',
    ns,
    `${svc.metadata.name}-head-svc`,
  );
  const pointsTo = headSvc?.spec?.selector?.[RAY_CLUSTER_LABEL];
  if (pointsTo && pointsTo !== s.activeServiceStatus.rayClusterName) {
    // promotion: the services switched to the pending cluster
    s.activeServiceStatus = s.pendingServiceStatus;
    s.pendingServiceStatus = {};
  }
  const pendingServing =
    !!pointsTo && pointsTo === s.pendingServiceStatus.rayClusterName;
  if (
    shouldPrepareNewCluster(
      svc,
      getCluster(ctx, ns, s.activeServiceStatus.rayClusterName),
      getCluster(ctx, ns, s.pendingServiceStatus.rayClusterName),
      pendingServing,
    )
  )
    s.pendingServiceStatus = {
      rayClusterName: generateRayClusterName(svc.metadata.name),
    };
  s.numServeEndpoints = readyServeEndpoints(ctx, svc);
  if (!s.numServeEndpoints) delete s.numServeEndpoints;
  for (const key of ['activeServiceStatus', 'pendingServiceStatus'])
    for (const [k, v] of Object.entries(s[key]))
      if (
        v === undefined ||
        (typeof v === 'object' && v && !Object.keys(v).length)
      )
        delete s[key][k];
  conditions(s);
  const old = svc.status ?? {};
  if (
    !deepEqual(
      { ...s, lastUpdateTime: undefined },
      { ...old, lastUpdateTime: undefined },
    )
  )
    updateOwnStatus(ctx, svc, () => ({ ...s, lastUpdateTime: now() }));
  return again;
}
