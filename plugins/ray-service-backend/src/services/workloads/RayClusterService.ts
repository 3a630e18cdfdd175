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
  RayCluster,
  RayClusterPatch,
  rayClusterRequestSchema,
  rayClusterSpecSchema,
} from '@ray-service/plugin-ray-service-common';
import { z } from 'zod';
import { Caller } from '../../access/callers';
import { ObservedObject } from '../../kubernetes/ObjectClient';
import { findCondition } from '../../kubernetes/objectConditions';
import { ValidationError } from '../../lib/validation';
import { planRayCluster } from '../../planner/workloads';
import { HOST_WORKLOAD_ACCESS } from '../../vocabulary';
import { askedFor, rayClusterView } from './views';
import { WorkloadService, WorkloadServiceDeps } from './WorkloadService';
import { TenantWorkspace, TenantWorkspaces } from './workspace';

export type RayClusterRequest = z.output<typeof rayClusterRequestSchema>;

/**
 * Ready worker pods of some of a tenant's RayClusters, by cluster and group:
 * one LIST of just their workers.
 */
async function readyWorkers(
  workspace: TenantWorkspace,
  workspaces: TenantWorkspaces,
  clusters: string[],
): Promise<Map<string, Map<string, number>>> {
  if (clusters.length === 0) {
    return new Map();
  }
  const { location } = workspace;
  const pods = await workspaces.reach(workspace.tenant, () =>
    location.client.list(
      HOST_WORKLOAD_ACCESS.workerPods.apiVersion,
      HOST_WORKLOAD_ACCESS.workerPods.kind,
      {
        namespace: location.namespace,
        labelSelector: `ray.io/node-type=worker,ray.io/cluster in (${clusters.join(
          ',',
        )})`,
      },
    ),
  );
  const ready = new Map<string, Map<string, number>>();
  for (const pod of pods) {
    const labels = pod.metadata.labels ?? {};
    const cluster = labels['ray.io/cluster'];
    const group = labels['ray.io/group'];
    if (cluster && group && findCondition(pod, 'Ready')?.status === 'True') {
      const groups = ready.get(cluster) ?? new Map<string, number>();
      groups.set(group, (groups.get(group) ?? 0) + 1);
      ready.set(cluster, groups);
    }
  }
  return ready;
}

/**
 * A tenant's RayClusters: created from the spec people write, scaled,
 * suspended and resumed by changing that spec, deleted.
 */
export class RayClusterService extends WorkloadService<
  RayClusterRequest,
  RayCluster
> {
  constructor(deps: WorkloadServiceDeps) {
    super(deps, {
      kind: 'RayCluster',
      audit: {
        create: 'rayCluster.create',
        update: 'rayCluster.update',
        delete: 'rayCluster.delete',
      },
      plan: planRayCluster,
      clusters: request => [{ spec: request.spec, at: ['spec'] }],
      view: async (objects: ObservedObject[], workspace) => {
        const ready = await readyWorkers(
          workspace,
          deps.workspaces,
          objects.map(object => object.metadata.name),
        );
        return objects.map(object =>
          rayClusterView(
            object,
            workspace.tenant.name,
            ready.get(object.metadata.name) ?? new Map(),
          ),
        );
      },
    });
  }

  /**
   * Scales worker groups (replicas and autoscaling bounds), suspends or
   * resumes: a change of the spec as asked, applied again. Groups are named;
   * a group the cluster does not have is a 400.
   */
  async update(
    credentials: Caller,
    tenant: string,
    name: string,
    patch: RayClusterPatch,
  ): Promise<RayCluster> {
    const { workspace, object } = await this.openFor(
      credentials,
      tenant,
      name,
      'updateWorkloads',
    );
    const asked = rayClusterSpecSchema.safeParse(askedFor(object));
    if (!asked.success) {
      throw ValidationError.of(
        [],
        `RayCluster "${name}" was not made by the portal; change it where it was made`,
      );
    }
    const spec = { ...asked.data };
    if (patch.suspend !== undefined) {
      spec.suspend = patch.suspend;
    }
    (patch.workerGroups ?? []).forEach((change, index) => {
      const at = spec.workerGroups.findIndex(
        group => group.name === change.name,
      );
      if (at < 0) {
        throw ValidationError.of(
          ['workerGroups', index, 'name'],
          `RayCluster "${name}" has no worker group "${change.name}" (it has ${
            spec.workerGroups.map(group => group.name).join(', ') || 'none'
          })`,
        );
      }
      spec.workerGroups = spec.workerGroups.map((group, i) =>
        i === at ? { ...group, ...change } : group,
      );
    });
    const checked = rayClusterSpecSchema.safeParse(spec);
    if (!checked.success) {
      throw new ValidationError(checked.error.issues);
    }
    return this.change(workspace, { name, spec: checked.data });
  }
}
