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
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  ComputeProfile,
  IsolationMode,
  parseTemplateVersionRef,
  TemplateVersion,
  Tenant,
  TenantPlan,
  TenantRequest,
} from '@ray-service/plugin-ray-service-common';
import {
  HostCapacity,
  profileCapacityRequest,
} from '../../hostClusters/capacity';
import { fetched } from '../../lib/fetched';
import { Page, PageRequest } from '../../lib/pagination';
import { plan, planToYaml } from '../../planner';
import { tenantNamespace } from '../../vocabulary';
import { planInput } from '../../provisioning/planInput';
import {
  RayServiceStore,
  StoredTenant,
  TenantFilter,
  TenantSpecChange,
} from '../../store/RayServiceStore';
import { ValidationError, ValidationIssue } from '../../lib/validation';
import { AuditService } from '../AuditService';
import { GroupHierarchy } from '../../access/GroupHierarchy';
import { HostClusterOperations } from '../../hostClusters/HostClusterProbe';
import { KeyedMutex } from '../../lib/KeyedMutex';
import { namespaceRefusal } from './namespaceClaim';
import { awaitingQuota, PendingTenants, pendingTenants } from './pending';
import { judge, pick, refusals } from './placement';
import { TenantCaller } from '../../access/TenantAccess';
import {
  isolationRefusal,
  profileRefusal,
  templateVersionRefusal,
} from './usability';
import { tenantView } from './tenantView';

/** A request that passed the checks that need no host cluster. */
interface CheckedRequest {
  request: TenantRequest;
  profile: ComputeProfile;
  templateVersion: TemplateVersion;
  isolation: IsolationMode;
}

/** A request that passed every check, with what it resolved to. */
interface ResolvedRequest extends CheckedRequest {
  hostCluster: string;
  plan: TenantPlan;
}

function issue(field: string, message: string): ValidationIssue {
  return { code: 'custom', path: [field], message };
}

function notFound(name: string) {
  return new NotFoundError(`tenant "${name}" not found`);
}

export interface TenantServiceDeps {
  store: RayServiceStore;
  audit: AuditService;
  groups: GroupHierarchy;
  hostClusters: HostClusterOperations;
  /** This portal's instance (`rayService.instance`): the planner's label, whose namespaces are ours. */
  instance: string;
  /** Called after every change of a tenant's desired state on that cluster. */
  onChange(hostCluster: string): void;
}

/**
 * Tenants: checked and placed on a host cluster when created, upgraded to
 * another version of their template, deleted. Only the desired state is
 * written here; the reconcile loop makes the cluster match and records the
 * status.
 */
export class TenantService {
  /**
   * Held per candidate host cluster from placement through the insert, so
   * that a create sees the tenants created just before it (in this backend
   * instance; replicas do not see each other's locks).
   */
  private readonly placements = new KeyedMutex();

  constructor(private readonly deps: TenantServiceDeps) {}

  /** What creating the tenant would apply; every check of create, no side effects. */
  async plan(
    request: TenantRequest,
    caller: TenantCaller,
  ): Promise<TenantPlan> {
    return (await this.resolve(await this.check(request, caller))).plan;
  }

  /**
   * Stores the tenant (phase Pending) and starts a reconcile pass of its
   * host cluster without waiting for it. Creates that may land on the same
   * host cluster run their placement and insert one after the other, so
   * each one's capacity check counts the tenants created before it.
   *
   * @throws ConflictError when the name is taken (also by a concurrent
   * create), no host cluster can take the tenant, or the tenant's namespace
   * exists there and is not this portal instance's.
   */
  async create(request: TenantRequest, caller: TenantCaller): Promise<Tenant> {
    const checked = await this.check(request, caller);
    const candidates = request.hostCluster
      ? [request.hostCluster]
      : this.deps.hostClusters.names;
    const tenant = await this.placements.run(candidates, () =>
      this.insert(checked, caller),
    );
    this.deps.onChange(tenant.hostCluster);
    return tenantView(tenant);
  }

  /** Places the tenant, then stores it; callers hold the placement lock. */
  private async insert(
    checked: CheckedRequest,
    caller: TenantCaller,
  ): Promise<StoredTenant> {
    const { request } = checked;
    const resolved = await this.resolve(checked);
    await this.assertNamespaceFree(request.name, resolved.hostCluster);
    const now = new Date().toISOString();
    const tenant: StoredTenant = {
      name: request.name,
      owner: request.owner,
      profile: resolved.profile.name,
      template: {
        name: resolved.templateVersion.name,
        version: resolved.templateVersion.version,
      },
      hostCluster: resolved.hostCluster,
      isolation: resolved.isolation,
      phase: 'Pending',
      conditions: [],
      generation: 1,
      observedGeneration: 0,
      createdBy: caller.actor,
      createdAt: now,
      updatedAt: now,
    };
    const { store, audit } = this.deps;
    await store.transaction(async tx => {
      await tx.insertTenant(tenant);
      await audit.record(tx, {
        actor: caller.actor,
        action: 'tenant.create',
        targetName: tenant.name,
        after: tenantView(tenant),
      });
    });
    return tenant;
  }

  /** A page of the tenants `filter` lets through (undefined: all), by name. */
  async list(
    filter: TenantFilter | undefined,
    page: PageRequest,
  ): Promise<Page<Tenant>> {
    const { items, ...rest } = await this.deps.store.listTenants(page, filter);
    return { items: items.map(tenantView), ...rest };
  }

  async get(name: string): Promise<Tenant> {
    return tenantView(await this.stored(name));
  }

  /**
   * Moves the tenant to another published version of its template (phase
   * Upgrading). Asking for the version it runs changes nothing.
   */
  async upgrade(name: string, ref: string, actor: string): Promise<Tenant> {
    const tenant = await this.stored(name);
    const key = parseTemplateVersionRef(ref);
    if (key.name !== tenant.template.name) {
      throw ValidationError.of(
        ['templateVersion'],
        `must be a version of "${tenant.template.name}", the template of tenant "${name}"`,
      );
    }
    if (key.version === tenant.template.version) {
      return tenantView(tenant);
    }
    const version = await this.deps.store.getTemplateVersion(key);
    const lineage = await this.ownerLineage(tenant.owner);
    const refusal =
      templateVersionRefusal(ref, version, tenant.owner, lineage) ??
      isolationRefusal(version!, tenant.isolation);
    if (refusal) {
      throw ValidationError.of(['templateVersion'], refusal);
    }
    return this.change(tenant, actor, 'tenant.upgrade', {
      template: key,
      phase: 'Upgrading',
    });
  }

  /**
   * Requests deletion (phase Deleting). The loop removes the tenant once
   * every object of it, its namespace included, is gone. Asking again
   * changes nothing.
   */
  async delete(name: string, actor: string): Promise<Tenant> {
    const tenant = await this.stored(name);
    if (tenant.deletionRequestedAt) {
      return tenantView(tenant);
    }
    return this.change(tenant, actor, 'tenant.delete', {
      deletionRequestedAt: new Date().toISOString(),
      phase: 'Deleting',
    });
  }

  private async stored(name: string): Promise<StoredTenant> {
    const tenant = await this.deps.store.getTenant(name);
    if (!tenant) {
      throw notFound(name);
    }
    return tenant;
  }

  private async change(
    before: StoredTenant,
    actor: string,
    action: 'tenant.upgrade' | 'tenant.delete',
    change: Omit<TenantSpecChange, 'updatedAt'>,
  ): Promise<Tenant> {
    if (before.deletionRequestedAt) {
      throw new ConflictError(`tenant "${before.name}" is being deleted`);
    }
    const after = await this.deps.store.transaction(async tx => {
      const changed = await tx.changeTenantSpec(before.name, {
        ...change,
        updatedAt: new Date().toISOString(),
      });
      if (!changed) {
        throw notFound(before.name);
      }
      await this.deps.audit.record(tx, {
        actor,
        action,
        targetName: before.name,
        before: tenantView(before),
        after: tenantView(changed),
      });
      return changed;
    });
    this.deps.onChange(after.hostCluster);
    return tenantView(after);
  }

  /**
   * Another portal sharing the host cluster (another instance) may have a
   * tenant of the same name, whose namespace is then taken: refused before
   * anything is written, so that neither portal touches the other's objects.
   */
  private async assertNamespaceFree(tenant: string, hostCluster: string) {
    const namespace = await this.deps.hostClusters.namespace(
      hostCluster,
      tenantNamespace(tenant),
    );
    const refusal = namespaceRefusal(
      namespace,
      this.deps.instance,
      hostCluster,
    );
    if (refusal) {
      throw new ConflictError(refusal);
    }
  }

  /** The owner and its ancestors; the owner alone when the catalog lost it. */
  private async ownerLineage(owner: string): Promise<string[]> {
    return (await this.deps.groups.lineageOf(owner)) ?? [owner];
  }

  /** The checks of a new tenant that need no host cluster. */
  private async check(
    request: TenantRequest,
    caller: TenantCaller,
  ): Promise<CheckedRequest> {
    const { store, groups } = this.deps;
    if (!caller.isAdmin && !caller.groupRefs.includes(request.owner)) {
      throw new NotAllowedError(
        `you may only create tenants owned by one of your groups, not ${request.owner}`,
      );
    }
    if (await store.getTenant(request.name)) {
      throw new ConflictError(`tenant "${request.name}" already exists`);
    }
    const [lineage, profile, templateVersion] = await Promise.all([
      groups.lineageOf(request.owner),
      store.getProfile(request.profile),
      store.getTemplateVersion(
        parseTemplateVersionRef(request.templateVersion),
      ),
    ]);
    if (!lineage) {
      throw ValidationError.of(
        ['owner'],
        `group ${request.owner} is not in the catalog`,
      );
    }
    const isolation =
      request.isolation ?? templateVersion?.isolationModes[0] ?? 'vcluster';
    const issues = [
      [
        'profile',
        profileRefusal(request.profile, profile, request.owner, lineage),
      ],
      [
        'templateVersion',
        templateVersionRefusal(
          request.templateVersion,
          templateVersion,
          request.owner,
          lineage,
        ),
      ],
      [
        'isolation',
        templateVersion && isolationRefusal(templateVersion, isolation),
      ],
    ].flatMap(([field, refusal]) => (refusal ? [issue(field!, refusal)] : []));
    if (issues.length) {
      throw new ValidationError(issues);
    }
    return {
      request,
      profile: profile!,
      templateVersion: templateVersion!,
      isolation,
    };
  }

  /** A checked request placed on a host cluster, and its plan. */
  private async resolve(checked: CheckedRequest): Promise<ResolvedRequest> {
    const { request, profile, templateVersion, isolation } = checked;
    const hostCluster = await this.place(request, profile, isolation);
    const objects = plan(
      planInput(
        { name: request.name, owner: request.owner, isolation },
        profile,
        templateVersion,
        await this.deps.hostClusters.plannerInput(hostCluster),
        this.deps.instance,
      ),
    );
    return {
      ...checked,
      hostCluster,
      plan: {
        hostCluster,
        isolation,
        namespace: tenantNamespace(request.name),
        objects: objects.objects as TenantPlan['objects'],
        summary: objects.summary,
        yaml: planToYaml(objects.objects),
      },
    };
  }

  /**
   * The host cluster asked for if the tenant fits there, else the fitting
   * one with the most free GPUs (then CPU). Free capacity is what the
   * cluster's quotas leave minus what this portal's tenants hold whose
   * quotas are not there yet.
   *
   * @throws ConflictError with each cluster's reason when none fits.
   */
  private async place(
    request: TenantRequest,
    profile: ComputeProfile,
    isolation: IsolationMode,
  ): Promise<string> {
    const { hostClusters } = this.deps;
    if (
      request.hostCluster &&
      !hostClusters.names.includes(request.hostCluster)
    ) {
      throw ValidationError.of(
        ['hostCluster'],
        `"${request.hostCluster}" is not a configured host cluster`,
      );
    }
    const names = request.hostCluster
      ? [request.hostCluster]
      : hostClusters.names;
    if (names.length === 0) {
      throw new ConflictError('no host cluster is configured');
    }
    const capacityRequest = profileCapacityRequest(profile);
    const judgements = await Promise.all(
      names.map(async name => {
        const preflight = await hostClusters.recentPreflight(name);
        if (!preflight.passed) {
          return judge(
            { name, preflight, capacity: { error: 'not checked' } },
            capacityRequest,
            isolation,
          );
        }
        const [capacity, tenants] = await Promise.all([
          fetched(() => hostClusters.capacity(name)),
          this.deps.store.listTenantsOnHostCluster(name),
        ]);
        const pending =
          'value' in capacity
            ? await this.pending(tenants, capacity.value)
            : undefined;
        return judge(
          { name, preflight, capacity, pending },
          capacityRequest,
          isolation,
        );
      }),
    );
    const picked = pick(judgements);
    if (!picked) {
      throw new ConflictError(
        request.hostCluster
          ? `tenant "${request.name}" cannot go on host cluster ${refusals(
              judgements,
            )}`
          : `no host cluster can take tenant "${request.name}": ${refusals(
              judgements,
            )}`,
      );
    }
    return picked;
  }

  /** What the tenants of a cluster whose quotas `capacity` did not count hold. */
  private async pending(
    tenants: StoredTenant[],
    capacity: HostCapacity,
  ): Promise<PendingTenants> {
    const waiting = awaitingQuota(tenants, capacity.quotaNamespaces);
    const names = [...new Set(waiting.map(tenant => tenant.profile))];
    const profiles = await Promise.all(
      names.map(name => this.deps.store.getProfile(name)),
    );
    return pendingTenants(
      waiting,
      new Map(
        profiles.flatMap(profile => (profile ? [[profile.name, profile]] : [])),
      ),
    );
  }
}
