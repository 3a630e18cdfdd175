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
  RAY_JOB_STATUSES,
  RayCluster,
  rayClusterSpecSchema,
  RayJob,
  RayJobStatus,
  RayService,
  WorkloadCondition,
  WorkloadPhase,
} from '@ray-service/plugin-ray-service-common';
import { ObservedObject } from '../../kubernetes/ObjectClient';
import { WORKLOAD_SPEC_ANNOTATION } from '../../planner/workloads';

/**
 * KubeRay's objects as the REST API shows them: the spec as it was asked
 * for (the annotation the planner writes), a phase from KubeRay's own status
 * fields and conditions, and those conditions. Pure.
 */

type Json = Record<string, any>;

const statusOf = (object: ObservedObject): Json =>
  (object.status as Json | undefined) ?? {};

/** The spec as asked, from the annotation; undefined for objects made elsewhere. */
export function askedFor(object: ObservedObject): Json | undefined {
  const annotation = object.metadata.annotations?.[WORKLOAD_SPEC_ANNOTATION];
  if (!annotation) {
    return undefined;
  }
  try {
    return JSON.parse(annotation);
  } catch {
    return undefined;
  }
}

function conditionsOf(object: ObservedObject): WorkloadCondition[] {
  const conditions = statusOf(object).conditions;
  return (Array.isArray(conditions) ? conditions : []).map((c: Json) => ({
    type: String(c.type ?? ''),
    status: ['True', 'False'].includes(c.status) ? c.status : 'Unknown',
    reason: String(c.reason ?? ''),
    message: String(c.message ?? ''),
    ...(typeof c.lastTransitionTime === 'string' && {
      lastTransitionTime: c.lastTransitionTime,
    }),
  }));
}

const isTrue = (conditions: WorkloadCondition[], type: string) =>
  conditions.some(c => c.type === type && c.status === 'True');

function base(object: ObservedObject, tenant: string) {
  return {
    name: object.metadata.name,
    tenant,
    conditions: conditionsOf(object),
    ...(object.metadata.creationTimestamp && {
      createdAt: new Date(object.metadata.creationTimestamp).toISOString(),
    }),
  };
}

function rayClusterPhase(
  object: ObservedObject,
  conditions: WorkloadCondition[],
): WorkloadPhase {
  const status = statusOf(object);
  if (object.metadata.deletionTimestamp) {
    return 'Deleting';
  }
  if (
    status.state === 'suspended' ||
    isTrue(conditions, 'RayClusterSuspended')
  ) {
    return 'Suspended';
  }
  if (status.state === 'failed') {
    return 'Failed';
  }
  if (
    isTrue(conditions, 'HeadPodReady') &&
    (status.state === 'ready' || isTrue(conditions, 'RayClusterProvisioned'))
  ) {
    return 'Ready';
  }
  return Object.keys(status).length === 0 ? 'Pending' : 'Provisioning';
}

/** Ready worker pods by group, from the RayCluster's pods. */
export type ReadyWorkers = ReadonlyMap<string, number>;

export function rayClusterView(
  object: ObservedObject,
  tenant: string,
  readyWorkers: ReadyWorkers,
): RayCluster {
  const view = base(object, tenant);
  const spec = (object.spec as Json | undefined) ?? {};
  const asked = rayClusterSpecSchema.safeParse(askedFor(object));
  const owner = object.metadata.ownerReferences?.find(ref =>
    ['RayJob', 'RayService'].includes(ref.kind),
  );
  const headImage =
    spec.headGroupSpec?.template?.spec?.containers?.[0]?.image ?? '';
  const groups: Json[] = Array.isArray(spec.workerGroupSpecs)
    ? spec.workerGroupSpecs
    : [];
  return {
    ...view,
    phase: rayClusterPhase(object, view.conditions),
    spec: asked.success ? asked.data : fallbackSpec(spec),
    image: headImage,
    head: {
      ...(statusOf(object).head?.serviceName && {
        serviceName: statusOf(object).head.serviceName,
      }),
      ready: isTrue(view.conditions, 'HeadPodReady'),
    },
    workerGroups: groups.map(group => ({
      name: String(group.groupName ?? ''),
      desired: Number(group.replicas ?? 0),
      ready: readyWorkers.get(String(group.groupName)) ?? 0,
      minReplicas: Number(group.minReplicas ?? 0),
      maxReplicas: Number(group.maxReplicas ?? group.replicas ?? 0),
    })),
    ...(owner && {
      ownedBy: {
        kind: owner.kind as 'RayJob' | 'RayService',
        name: owner.name,
      },
    }),
  };
}

/** A RayCluster made elsewhere: its head and workers as KubeRay has them. */
function fallbackSpec(spec: Json): RayCluster['spec'] {
  const resources = (template: Json | undefined) =>
    template?.spec?.containers?.[0]?.resources?.requests ?? {};
  const head = resources(spec.headGroupSpec?.template);
  return {
    head: { cpu: String(head.cpu ?? '0'), memory: String(head.memory ?? '0') },
    workerGroups: (Array.isArray(spec.workerGroupSpecs)
      ? spec.workerGroupSpecs
      : []
    ).map((group: Json) => {
      const requests = resources(group.template);
      return {
        name: String(group.groupName ?? ''),
        replicas: Number(group.replicas ?? 0),
        cpu: String(requests.cpu ?? '0'),
        memory: String(requests.memory ?? '0'),
      };
    }),
    auth: spec.authOptions?.mode === 'token' ? 'token' : 'disabled',
    scheduler: 'default',
  };
}

const asJobStatus = (value: unknown): RayJobStatus | undefined =>
  (RAY_JOB_STATUSES as readonly string[]).includes(String(value))
    ? (value as RayJobStatus)
    : undefined;

function rayJobPhase(
  object: ObservedObject,
  jobStatus: RayJobStatus | undefined,
): WorkloadPhase {
  const deployment = String(statusOf(object).jobDeploymentStatus ?? '');
  if (object.metadata.deletionTimestamp) {
    return 'Deleting';
  }
  switch (jobStatus) {
    case 'SUCCEEDED':
      return 'Succeeded';
    case 'FAILED':
      return 'Failed';
    case 'STOPPED':
      return 'Stopped';
    case 'RUNNING':
      return 'Running';
    default:
  }
  if (deployment === 'Failed') {
    return 'Failed';
  }
  if (deployment === 'Suspended') {
    return 'Suspended';
  }
  return deployment === '' || deployment === 'New' ? 'Pending' : 'Provisioning';
}

const isoOrUndefined = (value: unknown) =>
  typeof value === 'string' && value
    ? new Date(value).toISOString()
    : undefined;

export function rayJobView(object: ObservedObject, tenant: string): RayJob {
  const status = statusOf(object);
  const spec = (object.spec as Json | undefined) ?? {};
  const asked = askedFor(object);
  const jobStatus = asJobStatus(status.jobStatus);
  const startTime = isoOrUndefined(status.startTime);
  const endTime = isoOrUndefined(status.endTime);
  const clusterName =
    status.rayClusterName ?? spec.clusterSelector?.['ray.io/cluster'];
  return {
    ...base(object, tenant),
    phase: rayJobPhase(object, jobStatus),
    entrypoint: String(spec.entrypoint ?? ''),
    ...(asked?.runtimeEnv && { runtimeEnv: asked.runtimeEnv }),
    ...(jobStatus && { jobStatus }),
    ...(status.jobDeploymentStatus && {
      deploymentStatus: String(status.jobDeploymentStatus),
    }),
    ...(clusterName && { clusterName: String(clusterName) }),
    newCluster: Boolean(spec.rayClusterSpec),
    ...(status.jobId && { submissionId: String(status.jobId) }),
    ...(startTime && { startTime }),
    ...(endTime && { endTime }),
    ...(status.message && { message: String(status.message) }),
  };
}

function rayServicePhase(
  object: ObservedObject,
  conditions: WorkloadCondition[],
): WorkloadPhase {
  if (object.metadata.deletionTimestamp) {
    return 'Deleting';
  }
  if (isTrue(conditions, 'UpgradeInProgress')) {
    return 'Provisioning';
  }
  if (
    isTrue(conditions, 'Ready') ||
    statusOf(object).serviceStatus === 'Running'
  ) {
    return 'Ready';
  }
  return Object.keys(statusOf(object)).length === 0
    ? 'Pending'
    : 'Provisioning';
}

export function rayServiceView(
  object: ObservedObject,
  tenant: string,
): RayService {
  const view = base(object, tenant);
  const status = statusOf(object);
  const spec = (object.spec as Json | undefined) ?? {};
  const active: Json = status.activeServiceStatus ?? {};
  const applications: Json = active.applicationStatuses ?? {};
  return {
    ...view,
    phase: rayServicePhase(object, view.conditions),
    serveConfig: String(spec.serveConfigV2 ?? ''),
    upgradeStrategy:
      spec.upgradeStrategy?.type === 'None' ? 'None' : 'NewCluster',
    ...(status.serviceStatus && {
      serviceStatus: String(status.serviceStatus),
    }),
    ...(active.rayClusterName && {
      clusterName: String(active.rayClusterName),
    }),
    ...(status.pendingServiceStatus?.rayClusterName && {
      pendingClusterName: String(status.pendingServiceStatus.rayClusterName),
    }),
    applications: Object.entries(applications)
      .map(([name, app]: [string, Json]) => ({
        name,
        status: String(app.status ?? 'UNKNOWN'),
        ...(app.message && { message: String(app.message) }),
        deployments: Object.entries(
          (app.serveDeploymentStatuses ?? {}) as Record<string, Json>,
        ).map(([deployment, d]) => ({
          name: deployment,
          status: String(d.status ?? 'UNKNOWN'),
          ...(d.message && { message: String(d.message) }),
        })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
