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

import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  AuditAction,
  RayClusterSpec,
  WorkloadPlan,
} from '@ray-service/plugin-ray-service-common';
import { TenantAction } from '../../access/AccessService';
import { Caller } from '../../access/callers';
import { ObservedObject } from '../../kubernetes/ObjectClient';
import { Page, PageRequest, pageOfNamedItems } from '../../lib/pagination';
import { ValidationError } from '../../lib/validation';
import {
  fitCluster,
  FieldProblem,
  WORKLOAD_SPEC_ANNOTATION,
  WorkloadContext,
  WorkloadPlanError,
} from '../../planner/workloads';
import { planToYaml, PlannedObject } from '../../planner';
import { RayServiceStore } from '../../store/RayServiceStore';
import {
  RAY_API_VERSION,
  RAY_WORKLOAD_KINDS,
  RayWorkloadKind,
} from '../../vocabulary';
import { readTenantQuota } from './usage';
import { WorkloadLists } from './WorkloadLists';
import {
  PlanningWorkspace,
  TenantWorkspace,
  TenantWorkspaces,
} from './workspace';

/** What differs between RayClusters, RayJobs and RayServices. */
const WORKLOAD_KINDS = Object.keys(RAY_WORKLOAD_KINDS) as RayWorkloadKind[];
type WorkloadKindName = RayWorkloadKind;

export interface WorkloadKind<TRequest extends { name: string }, TView> {
  kind: WorkloadKindName;
  /** What the audit log calls its creation, change and deletion. */
  audit: { create: AuditAction; update?: AuditAction; delete: AuditAction };
  plan(request: TRequest, context: WorkloadContext): PlannedObject;
  /** The Ray clusters the request starts, with where they are in the request. */
  clusters(
    request: TRequest,
  ): { spec: RayClusterSpec; at: (string | number)[] }[];
  view(objects: ObservedObject[], workspace: TenantWorkspace): Promise<TView[]>;
}

/** A kind's `view` when an object's view needs nothing but the object and its tenant's name. */
export function viewEachInTenant<TView>(
  view: (object: ObservedObject, tenant: string) => TView,
): (objects: ObservedObject[], workspace: TenantWorkspace) => Promise<TView[]> {
  return async (objects, workspace) =>
    objects.map(object => view(object, workspace.tenant.name));
}

function planErrors(problems: FieldProblem[]): ValidationError {
  return new ValidationError(
    problems.map(problem => ({
      code: 'custom' as const,
      path: problem.path,
      message: problem.message,
      input: undefined,
    })),
  );
}

export interface WorkloadServiceDeps {
  store: RayServiceStore;
  workspaces: TenantWorkspaces;
  lists: WorkloadLists;
}

/**
 * The life of one kind of KubeRay object in a tenant: list, get, plan (the
 * object, its YAML, whether it fits), create (refused when the name is taken
 * or it does not fit), re-apply after a change, delete. Kubernetes is the
 * objects' home; the audit log records every change with who made it. Each
 * kind's service extends it with what only that kind does.
 */
export class WorkloadService<TRequest extends { name: string }, TView> {
  constructor(
    protected readonly deps: WorkloadServiceDeps,
    private readonly kind: WorkloadKind<TRequest, TView>,
  ) {}

  async list(
    credentials: Caller,
    tenant: string,
    page: PageRequest,
  ): Promise<Page<TView>> {
    const workspace = await this.deps.workspaces.open(
      credentials,
      tenant,
      'read',
    );
    const objects = await this.listObjects(workspace);
    const named = objects.map(object => ({
      name: object.metadata.name,
      object,
    }));
    const { items, ...rest } = pageOfNamedItems(named, page);
    return {
      items: await this.kind.view(
        items.map(item => item.object),
        workspace,
      ),
      ...rest,
    };
  }

  async get(credentials: Caller, tenant: string, name: string): Promise<TView> {
    const workspace = await this.deps.workspaces.open(
      credentials,
      tenant,
      'read',
    );
    const [view] = await this.kind.view(
      [await this.getObject(workspace, name)],
      workspace,
    );
    return view;
  }

  /** Every check of create and the object as it would be created; writes nothing. */
  async plan(
    credentials: Caller,
    tenant: string,
    request: TRequest,
  ): Promise<WorkloadPlan> {
    const workspace = await this.deps.workspaces.open(
      credentials,
      tenant,
      'createWorkloads',
    );
    const { object, warnings } = await this.checkedPlan(workspace, request);
    return {
      object: object as unknown as WorkloadPlan['object'],
      yaml: planToYaml([object]),
      warnings,
    };
  }

  async create(
    credentials: Caller,
    tenant: string,
    request: TRequest,
  ): Promise<TView & { warnings: string[] }> {
    const workspace = await this.deps.workspaces.open(
      credentials,
      tenant,
      'createWorkloads',
    );
    const { object, warnings } = await this.checkedPlan(workspace, request);
    await this.assertNameFree(workspace, request.name);
    const created = await this.applyAndRecord(
      workspace,
      object,
      this.kind.audit.create,
    );
    const [view] = await this.kind.view([created], workspace);
    return { ...view, warnings };
  }

  /** Applies a changed request of an existing object and records it. */
  protected async change(
    workspace: PlanningWorkspace,
    request: TRequest,
  ): Promise<TView & { warnings: string[] }> {
    const action = this.kind.audit.update;
    if (!action) {
      throw new Error(`${this.kind.kind} cannot be changed`);
    }
    const { object, warnings } = this.plannedObject(workspace, request);
    const applied = await this.applyAndRecord(workspace, object, action);
    const [view] = await this.kind.view([applied], workspace);
    return { ...view, warnings };
  }

  async delete(
    credentials: Caller,
    tenant: string,
    name: string,
  ): Promise<void> {
    const workspace = await this.deps.workspaces.open(
      credentials,
      tenant,
      'deleteWorkloads',
    );
    const { location } = workspace;
    const deleted = await this.deps.workspaces.reach(workspace.tenant, () =>
      location.client.delete(
        RAY_API_VERSION,
        this.kind.kind,
        location.namespace,
        name,
      ),
    );
    this.deps.lists.forget(tenant, this.kind.kind);
    if (!deleted) {
      throw this.notFound(tenant, name);
    }
    await this.record(workspace, this.kind.audit.delete, name);
  }

  /** Opens the tenant for an action on one existing object. */
  protected openFor(
    credentials: Caller,
    tenant: string,
    name: string,
    action: 'read',
  ): Promise<{ workspace: TenantWorkspace; object: ObservedObject }>;
  protected openFor(
    credentials: Caller,
    tenant: string,
    name: string,
    action: Exclude<TenantAction, 'read'>,
  ): Promise<{ workspace: PlanningWorkspace; object: ObservedObject }>;
  protected async openFor(
    credentials: Caller,
    tenant: string,
    name: string,
    action: TenantAction,
  ): Promise<{ workspace: TenantWorkspace; object: ObservedObject }> {
    const workspace = await this.deps.workspaces.open(
      credentials,
      tenant,
      action,
    );
    return { workspace, object: await this.getObject(workspace, name) };
  }

  /** Records a change of an object in the audit log. */
  protected async record(
    workspace: TenantWorkspace,
    action: AuditAction,
    name: string,
    after?: unknown,
  ): Promise<void> {
    await this.deps.store.auditLog.record({
      actor: workspace.actor,
      action,
      targetName: `${workspace.tenant.name}/${name}`,
      ...(after !== undefined && { after }),
    });
  }

  private async checkedPlan(workspace: PlanningWorkspace, request: TRequest) {
    const planned = this.plannedObject(workspace, request);
    const { quota } = await readTenantQuota(workspace.location);
    const fits = this.kind
      .clusters(request)
      .map(({ spec, at }) => fitCluster(spec, workspace.context, quota, at));
    const problems = fits.flatMap(fit => fit.problems);
    if (problems.length > 0) {
      throw planErrors(problems);
    }
    return { ...planned, warnings: fits.flatMap(fit => fit.warnings) };
  }

  private plannedObject(workspace: PlanningWorkspace, request: TRequest) {
    try {
      return {
        object: this.kind.plan(request, workspace.context),
        warnings: [],
      };
    } catch (error) {
      if (error instanceof WorkloadPlanError) {
        throw planErrors(error.problems);
      }
      throw error;
    }
  }

  private async applyAndRecord(
    workspace: TenantWorkspace,
    object: PlannedObject,
    action: AuditAction,
  ): Promise<ObservedObject> {
    const applied = await this.deps.workspaces.reach(workspace.tenant, () =>
      workspace.location.client.apply(object),
    );
    this.deps.lists.forget(workspace.tenant.name, this.kind.kind);
    // The spec as asked, which holds no secret (job variables are named only).
    await this.record(
      workspace,
      action,
      object.metadata.name,
      JSON.parse(
        object.metadata.annotations?.[WORKLOAD_SPEC_ANNOTATION] ?? '{}',
      ),
    );
    return applied;
  }

  private listObjects(workspace: TenantWorkspace): Promise<ObservedObject[]> {
    const { location, tenant } = workspace;
    return this.deps.lists.get(tenant.name, this.kind.kind, () =>
      this.deps.workspaces.reach(tenant, () =>
        location.client.list(RAY_API_VERSION, this.kind.kind, {
          namespace: location.namespace,
        }),
      ),
    );
  }

  /** The object of this kind (or of `kind`) named `name` in the tenant, if there is one. */
  protected findObject(
    workspace: TenantWorkspace,
    name: string,
    kind: WorkloadKindName = this.kind.kind,
  ) {
    const { location } = workspace;
    return this.deps.workspaces.reach(workspace.tenant, () =>
      location.client.get(RAY_API_VERSION, kind, location.namespace, name),
    );
  }

  /**
   * RayClusters, RayJobs and RayServices of a tenant share one set of names:
   * KubeRay names the head Service of each `<name>-head-svc`, and a RayJob
   * or RayService would take over a RayCluster's of the same name.
   */
  private async assertNameFree(workspace: TenantWorkspace, name: string) {
    for (const kind of WORKLOAD_KINDS) {
      if (await this.findObject(workspace, name, kind)) {
        throw new ConflictError(
          kind === this.kind.kind
            ? `${kind} "${name}" already exists in tenant "${workspace.tenant.name}"`
            : `tenant "${workspace.tenant.name}" has a ${kind} named "${name}"; RayClusters, RayJobs and RayServices need names of their own (each has a head Service "${name}-head-svc")`,
        );
      }
    }
  }

  private async getObject(workspace: TenantWorkspace, name: string) {
    const object = await this.findObject(workspace, name);
    if (!object) {
      throw this.notFound(workspace.tenant.name, name);
    }
    return object;
  }

  private notFound(tenant: string, name: string) {
    return new NotFoundError(
      `${this.kind.kind} "${name}" not found in tenant "${tenant}"`,
    );
  }
}
