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

import { RayClusterSpec } from '@ray-service/plugin-ray-service-common';
import semver from 'semver';
import {
  INSTANCE_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  RAY_API_VERSION,
  TENANT_LABEL,
} from '../../vocabulary';
import { rayImage } from '../registry';
import { raySchedulingFor } from '../scheduling';
import { raySecurity } from '../podSecurity';
import type { PlannedObject } from '../types';
import { FieldProblem, WorkloadContext, WorkloadPlanError } from './context';
import { gpuProblems, gpuResourceName, replicaBounds } from './resources';

/**
 * The spec as the person asked for it, on the object, so that the portal
 * shows and changes what was asked (not KubeRay's expansion of it). Job
 * environment variables are not in it: their values are secrets.
 */
export const WORKLOAD_SPEC_ANNOTATION = 'ray-service.io/spec';

/** Ray token authentication needs KubeRay and Ray at least this new. */
const TOKEN_AUTH_SINCE = { kuberay: '1.5.1', ray: '2.52.0' };

/** The ports of a head node; `serve` only for RayServices. */
const HEAD_PORTS = [
  { name: 'gcs-server', containerPort: 6379 },
  { name: 'dashboard', containerPort: 8265 },
  { name: 'client', containerPort: 10001 },
];
const SERVE_PORT = { name: 'serve', containerPort: 8000 };

/**
 * What every Ray pod and container gets: PodSecurity `restricted` (the Ray
 * image's `ray` user; no privilege escalation; no capabilities;
 * RuntimeDefault seccomp), see `podSecurity.ts`.
 */
const { pod: podSecurityContext, container: containerSecurityContext } =
  raySecurity();

/** The labels of every workload object of a tenant. */
export function workloadLabels(ctx: WorkloadContext): Record<string, string> {
  return {
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
    [INSTANCE_LABEL]: ctx.instance,
    [TENANT_LABEL]: ctx.tenant.key,
  };
}

/** A KubeRay object of the tenant, with the spec as asked in an annotation. */
export function workloadObject(
  kind: 'RayCluster' | 'RayJob' | 'RayService',
  name: string,
  askedFor: unknown,
  spec: Record<string, unknown>,
  ctx: WorkloadContext,
  extraLabels: Record<string, string> = {},
): PlannedObject {
  return {
    apiVersion: RAY_API_VERSION,
    kind,
    metadata: {
      name,
      namespace: ctx.tenant.namespace,
      labels: { ...workloadLabels(ctx), ...extraLabels },
      annotations: { [WORKLOAD_SPEC_ANNOTATION]: JSON.stringify(askedFor) },
    },
    spec,
  };
}

function resources(
  node: {
    cpu: string;
    memory: string;
    gpu?: RayClusterSpec['workerGroups'][number]['gpu'];
  },
  ctx: WorkloadContext,
) {
  const amounts: Record<string, string> = {
    cpu: node.cpu,
    memory: node.memory,
  };
  const gpuResource = node.gpu && gpuResourceName(node.gpu, ctx.profile);
  if (node.gpu && gpuResource) {
    amounts[gpuResource] = String(node.gpu.count);
  }
  // Limits equal requests: the quota reserves what a pod may use.
  return { requests: amounts, limits: amounts };
}

function podTemplate(
  container: Record<string, unknown>,
  scheduling: ReturnType<typeof raySchedulingFor>,
) {
  return {
    ...(Object.keys(scheduling.podTemplate.annotations).length > 0 && {
      metadata: { annotations: scheduling.podTemplate.annotations },
    }),
    spec: {
      ...(scheduling.podTemplate.schedulerName && {
        schedulerName: scheduling.podTemplate.schedulerName,
      }),
      securityContext: podSecurityContext,
      containers: [container],
    },
  };
}

function problemsOf(
  spec: RayClusterSpec,
  ctx: WorkloadContext,
  at: (string | number)[],
) {
  const problems: FieldProblem[] = gpuProblems(spec, ctx.profile, at);
  const template = ctx.templateVersion;
  if (spec.gcsFaultTolerance && !template.security.gcsFaultTolerance) {
    problems.push({
      path: [...at, 'gcsFaultTolerance'],
      message: `template version ${template.name}@${template.version} has no external Redis for GCS fault tolerance`,
    });
  }
  if (
    spec.auth === 'token' &&
    (semver.lt(template.kuberayVersion, TOKEN_AUTH_SINCE.kuberay) ||
      semver.lt(template.rayVersion, TOKEN_AUTH_SINCE.ray))
  ) {
    problems.push({
      path: [...at, 'auth'],
      message: `Ray token authentication needs KubeRay ${TOKEN_AUTH_SINCE.kuberay} and Ray ${TOKEN_AUTH_SINCE.ray} or newer; template version ${template.name}@${template.version} has KubeRay ${template.kuberayVersion} and Ray ${template.rayVersion}: upgrade the tenant, or set auth to "disabled"`,
    });
  }
  return problems;
}

/**
 * KubeRay's RayCluster spec for a cluster as people describe it: images of
 * the template version (the GPU variant for GPU groups, the registry
 * override), requests equal to limits, restricted pods, the tenant's Volcano
 * queue, autoscaler v2, token auth, GCS fault tolerance. Pure.
 *
 * @throws WorkloadPlanError naming the fields it cannot plan, under `at`.
 */
export function rayClusterSpecObject(
  spec: RayClusterSpec,
  ctx: WorkloadContext,
  options: { at: (string | number)[]; serve?: boolean },
): Record<string, unknown> {
  const problems = problemsOf(spec, ctx, options.at);
  if (problems.length > 0) {
    throw new WorkloadPlanError(problems);
  }
  const image = rayImage(ctx.templateVersion);
  const scheduling = raySchedulingFor(ctx.tenant.isolation, ctx.tenant.key);
  const redis = ctx.templateVersion.security.gcsFaultTolerance;
  return {
    rayVersion: ctx.templateVersion.rayVersion,
    ...(spec.suspend !== undefined && { suspend: spec.suspend }),
    ...(spec.auth === 'token' && { authOptions: { mode: 'token' } }),
    ...(spec.autoscaling?.enabled && {
      enableInTreeAutoscaling: true,
      autoscalerOptions: {
        version: 'v2',
        ...(spec.autoscaling.idleTimeoutSeconds !== undefined && {
          idleTimeoutSeconds: spec.autoscaling.idleTimeoutSeconds,
        }),
        securityContext: containerSecurityContext,
      },
    }),
    ...(spec.gcsFaultTolerance &&
      redis && {
        gcsFaultToleranceOptions: {
          redisAddress: redis.redisAddress,
          redisPassword: {
            valueFrom: { secretKeyRef: redis.passwordSecretRef },
          },
        },
      }),
    headGroupSpec: {
      rayStartParams: { 'dashboard-host': '0.0.0.0' },
      template: podTemplate(
        {
          name: 'ray-head',
          image,
          resources: resources(spec.head, ctx),
          ports: options.serve ? [...HEAD_PORTS, SERVE_PORT] : HEAD_PORTS,
          securityContext: containerSecurityContext,
        },
        scheduling,
      ),
    },
    workerGroupSpecs: spec.workerGroups.map(group => {
      const { min, max } = replicaBounds(group);
      return {
        groupName: group.name,
        replicas: group.replicas,
        minReplicas: min,
        maxReplicas: max,
        rayStartParams: {},
        template: podTemplate(
          {
            name: 'ray-worker',
            image: group.gpu ? `${image}-gpu` : image,
            resources: resources(group, ctx),
            securityContext: containerSecurityContext,
          },
          scheduling,
        ),
      };
    }),
  };
}

/** The labels a tenant's RayCluster (or a RayJob's or RayService's cluster) carries for scheduling. */
export function schedulingLabels(ctx: WorkloadContext): Record<string, string> {
  return raySchedulingFor(ctx.tenant.isolation, ctx.tenant.key)
    .rayClusterLabels;
}

/** A RayCluster of the tenant. Pure. @throws WorkloadPlanError */
export function planRayCluster(
  request: { name: string; spec: RayClusterSpec },
  ctx: WorkloadContext,
): PlannedObject {
  return workloadObject(
    'RayCluster',
    request.name,
    request.spec,
    rayClusterSpecObject(request.spec, ctx, { at: ['spec'] }),
    ctx,
    schedulingLabels(ctx),
  );
}
