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
  AccessService,
  TenantAction,
  TenantCreator,
} from '../../access/AccessService';
import { actorOf, Caller } from '../../access/callers';
import { GroupHierarchy } from '../../access/GroupHierarchy';
import { HostClusterProbe } from '../../hostClusters/HostClusterProbe';
import { Page, PageRequest } from '../../lib/pagination';
import { SingleFlight } from '../../lib/SingleFlight';
import {
  FieldConflictError,
  FieldNotFoundError,
  ValidationIssue,
} from '../../lib/validation';
import { plan, planToYaml } from '../../planner';
import { planInput, PlanInputs } from '../../provisioning/planInputs';
import { TenantEvents } from '../../provisioning/tenantEvents';
import {
  RayServiceStore,
  StoredTenant,
  TenantSpecChange,
} from '../../store/RayServiceStore';
import { tenantNamespace } from '../../vocabulary';
import {
  isolationRefusal,
  profileRefusal,
  templateVersionRefusal,
} from './checks';
import { authorizedTenant } from './authorizedTenant';
import { namespaceRefusal } from './namespaceClaim';
import { Placement } from './placement/Placement';
import { CheckedRequest, PoolClaims } from './PoolClaims';
import { tenantView } from './tenantView';

/** What refuses a request's profile, template version and isolation, by field. */
function refusalsOf(
  request: TenantRequest,
  found: {
    profile?: ComputeProfile;
    templateVersion?: TemplateVersion;
    isolation: IsolationMode;
    lineage: string[];
  },
): ValidationIssue[] {
  const { profile, templateVersion, isolation, lineage } = found;
  return [
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
}

/** Whether two profiles ask for the same resources. */
function sameResources(a: ComputeProfile, b: ComputeProfile): boolean {
  return (
    JSON.stringify([a.resources, a.partitioning]) ===
    JSON.stringify([b.resources, b.partitioning])
  );
}

/**
 * Refused references of a request: 404 when one names nothing, 409 when
 * they exist but do not fit (not published, not shared, another isolation).
 */
function referenceRefusal(issues: ValidationIssue[], missing: boolean) {
  return missing
    ? new FieldNotFoundError(issues)
    : new FieldConflictError(issues);
}

function issue(field: string, message: string): ValidationIssue {
  return { code: 'custom', path: [field], message };
}

function notFound(name: string) {
  return new NotFoundError(`tenant "${name}" not found`);
}

export interface TenantServiceDeps {
  store: RayServiceStore;
  access: AccessService;
  groups: GroupHierarchy;
  hostClusters: HostClusterProbe;
  placement: Placement;
  planInputs: PlanInputs;
  /** This portal's instance (`rayService.instance`): whose namespaces are ours. */
  instance: string;
  /** Called after every change of a tenant's desired state on that cluster. */
  onChange(hostCluster: string): void;
  /** Claims of warm-pool standbys on create; none: every create is on demand. */
  pools?: PoolClaims;
  /** Told of every created, upgraded or deleted tenant; none by default. */
  events?: TenantEvents;
}

/**
 * Tenants: checked and placed on a host cluster when created, upgraded to
 * another version of their template, deleted. Only the desired state is
 * written here; the reconcile loop makes the cluster match and records the
 * status. Who may do what is the permission policy's (`ray-service.tenant.*`):
 * a tenant the caller may not read does not exist for them (404).
 */
export class TenantService {
  // Creates in a burst ask for the same few profiles and versions.
  private readonly profileReads = new SingleFlight<
    ComputeProfile | undefined
  >();
  private readonly versionReads = new SingleFlight<
    TemplateVersion | undefined
  >();

  constructor(private readonly deps: TenantServiceDeps) {}

  /** What creating the tenant would apply; every check of create, no side effects. */
  async plan(credentials: Caller, request: TenantRequest): Promise<TenantPlan> {
    const creator = await this.deps.access.requireTenantCreator(credentials);
    const checked = await this.check(request, creator);
    await this.assertNameFree(request.name);
    const offer = (await this.deps.pools?.peek(checked)) ?? {};
    const standby = 'tenant' in offer ? offer.tenant : undefined;
    const planned = await this.planOn(
      checked,
      standby?.hostCluster ??
        (await this.deps.placement.pick(placementOf(checked))),
      standby?.namespace,
    );
    const said = standby
      ? `Instant: a Ready tenant of the warm pool of ${checked.profile.name} becomes yours (namespace ${standby.namespace}), if no one claims it first`
      : fallbackLine('reason' in offer ? offer.reason : undefined);
    return {
      ...planned,
      objects: planned.objects as TenantPlan['objects'],
      yaml: planToYaml(planned.objects),
      provisioning: standby
        ? { source: 'warmPool' }
        : { source: 'onDemand', ...offer },
      summary: [...(said ? [said] : []), ...planned.summary],
    };
  }

  /**
   * Stores the tenant (phase Pending) and starts a reconcile pass of its
   * host cluster without waiting for it.
   *
   * @throws ConflictError when the name is taken (also by a concurrent
   * create), no host cluster can take the tenant, or the tenant's namespace
   * exists there and is not this portal instance's.
   */
  async create(credentials: Caller, request: TenantRequest): Promise<Tenant> {
    const creator = await this.deps.access.requireTenantCreator(credentials);
    const checked = await this.check(request, creator);
    const fromPool = await this.deps.pools?.claim(checked, creator.actor);
    if (fromPool && 'tenant' in fromPool) {
      this.changed(fromPool.tenant);
      return {
        ...tenantView(fromPool.tenant),
        provisioning: { source: 'warmPool' },
      };
    }
    await this.assertNameFree(request.name);
    const tenant = await this.deps.placement.place(placementOf(checked), {
      prepare: async hostCluster => {
        await this.planOn(checked, hostCluster);
        await this.assertNamespaceFree(request.name, hostCluster);
      },
      commit: (tx, hostCluster) =>
        this.insert(tx, checked, hostCluster, creator.actor),
    });
    this.changed(tenant);
    return {
      ...tenantView(tenant),
      provisioning: { source: 'onDemand', ...fromPool },
    };
  }

  /** A page of the tenants the caller may read (of `owner` only, if given), by name. */
  async list(
    credentials: Caller,
    { owner, ...page }: PageRequest & { owner?: string },
  ): Promise<Page<Tenant>> {
    const filter = await this.deps.access.tenantFilter(credentials);
    const { items, ...rest } = await this.deps.store.tenants.list(
      page,
      filter,
      owner,
    );
    return { items: items.map(tenantView), ...rest };
  }

  async get(credentials: Caller, name: string): Promise<Tenant> {
    return tenantView(await this.authorized(credentials, 'read', name));
  }

  /**
   * Moves the tenant to another published version of its template (phase
   * Upgrading). Asking for the version it runs changes nothing.
   */
  async upgrade(
    credentials: Caller,
    name: string,
    ref: string,
  ): Promise<Tenant> {
    const tenant = await this.authorized(credentials, 'update', name);
    const key = parseTemplateVersionRef(ref);
    if (key.name !== tenant.template.name) {
      throw FieldConflictError.of(
        ['templateVersion'],
        `must be a version of "${tenant.template.name}", the template of tenant "${name}"`,
      );
    }
    if (key.version === tenant.template.version) {
      return tenantView(tenant);
    }
    const lineage = await this.ownerLineage(tenant.owner);
    const refusal = (version: TemplateVersion | undefined) =>
      templateVersionRefusal(ref, version, tenant.owner, lineage) ??
      isolationRefusal(version!, tenant.isolation);
    const version = await this.deps.store.templateVersions.get(key);
    const found = refusal(version);
    if (found) {
      throw referenceRefusal([issue('templateVersion', found)], !version);
    }
    return this.change(
      credentials,
      tenant,
      'tenant.upgrade',
      { template: key, phase: 'Upgrading' },
      // Again with the version's row held: a retire waits for the upgrade.
      async tx => {
        const again = refusal(
          await tx.templateVersions.getLocked(key, 'share'),
        );
        if (again) {
          throw new ConflictError(
            `tenant "${name}" was not upgraded: ${again}`,
          );
        }
      },
    );
  }

  /**
   * Requests deletion (phase Deleting). The loop removes the tenant once
   * every object of it, its namespace included, is gone. Asking again
   * changes nothing.
   */
  async delete(credentials: Caller, name: string): Promise<Tenant> {
    const tenant = await this.authorized(credentials, 'delete', name);
    if (tenant.deletionRequestedAt) {
      return tenantView(tenant);
    }
    return this.change(credentials, tenant, 'tenant.delete', {
      deletionRequestedAt: new Date().toISOString(),
      phase: 'Deleting',
    });
  }

  private authorized(
    credentials: Caller,
    action: TenantAction,
    name: string,
  ): Promise<StoredTenant> {
    return authorizedTenant(this.deps, credentials, name, action);
  }

  /**
   * Inserts the tenant on `tx`, after checking again, with their rows
   * locked, that its profile and template version still allow it: an admin
   * deleting, changing, unpublishing, retiring or unsharing them commits
   * either before (this create is refused) or after (and sees the tenant).
   */
  private async insert(
    tx: RayServiceStore,
    checked: CheckedRequest,
    hostCluster: string,
    actor: string,
  ): Promise<StoredTenant> {
    const { request } = checked;
    const [profile, templateVersion] = [
      await tx.profiles.getLocked(checked.profile.name, 'share'),
      await tx.templateVersions.getLocked(checked.templateVersion, 'share'),
    ];
    const refusals = refusalsOf(request, {
      ...checked,
      profile,
      templateVersion,
    });
    if (refusals.length) {
      throw new ConflictError(
        `tenant "${request.name}" was not created: ${refusals
          .map(refusal => refusal.message)
          .join('; ')}`,
      );
    }
    if (!sameResources(profile!, checked.profile)) {
      throw new ConflictError(
        `tenant "${request.name}" was not created: profile "${request.profile}" changed meanwhile; try again`,
      );
    }
    const now = new Date().toISOString();
    const tenant: StoredTenant = {
      name: request.name,
      owner: request.owner,
      profile: checked.profile.name,
      template: {
        name: checked.templateVersion.name,
        version: checked.templateVersion.version,
      },
      hostCluster,
      namespace: tenantNamespace(request.name),
      isolation: checked.isolation,
      phase: 'Pending',
      conditions: [],
      generation: 1,
      observedGeneration: 0,
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
    };
    await tx.tenants.insert(tenant);
    await tx.auditLog.record({
      actor,
      action: 'tenant.create',
      targetName: tenant.name,
      after: tenantView(tenant),
    });
    return tenant;
  }

  private async change(
    credentials: Caller,
    before: StoredTenant,
    action: 'tenant.upgrade' | 'tenant.delete',
    change: Omit<TenantSpecChange, 'updatedAt'>,
    confirm?: (tx: RayServiceStore) => Promise<void>,
  ): Promise<Tenant> {
    if (before.deletionRequestedAt) {
      throw new ConflictError(`tenant "${before.name}" is being deleted`);
    }
    const after = await this.deps.store.transaction(async tx => {
      await confirm?.(tx);
      const changed = await tx.tenants.changeSpec(before.name, {
        ...change,
        updatedAt: new Date().toISOString(),
      });
      if (!changed) {
        throw notFound(before.name);
      }
      await tx.auditLog.record({
        actor: actorOf(credentials),
        action,
        targetName: before.name,
        before: tenantView(before),
        after: tenantView(changed),
      });
      return changed;
    });
    this.changed(after);
    return tenantView(after);
  }

  private changed(tenant: StoredTenant) {
    this.deps.onChange(tenant.hostCluster);
    this.deps.events?.publish(tenant.name, 'changed');
  }

  /**
   * Refused before the work of a create or plan; the insert or claim
   * refuses a name taken meanwhile (a unique name).
   */
  private async assertNameFree(name: string) {
    if (await this.deps.store.tenants.get(name)) {
      throw new ConflictError(`tenant "${name}" already exists`);
    }
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
    creator: TenantCreator,
  ): Promise<CheckedRequest> {
    const { store, groups } = this.deps;
    if (!creator.isAdmin && !creator.groupRefs.includes(request.owner)) {
      throw new NotAllowedError(
        `you may only create tenants owned by one of your groups, not ${request.owner}`,
      );
    }
    const [lineage, profile, templateVersion] = await Promise.all([
      groups.lineageOf(request.owner),
      this.profileReads.run(request.profile, () =>
        store.profiles.get(request.profile),
      ),
      this.versionReads.run(request.templateVersion, () =>
        store.templateVersions.get(
          parseTemplateVersionRef(request.templateVersion),
        ),
      ),
    ]);
    if (!lineage) {
      throw FieldNotFoundError.of(
        ['owner'],
        `group ${request.owner} is not in the catalog`,
      );
    }
    const isolation =
      request.isolation ?? templateVersion?.isolationModes[0] ?? 'vcluster';
    const issues = refusalsOf(request, {
      profile,
      templateVersion,
      isolation,
      lineage,
    });
    if (issues.length) {
      throw referenceRefusal(issues, !profile || !templateVersion);
    }
    return {
      request,
      profile: profile!,
      templateVersion: templateVersion!,
      isolation,
      lineage,
    };
  }

  /**
   * The plan of a checked request on a host cluster (without its YAML, which
   * only dry runs show: a create plans to check that it can).
   */
  private async planOn(
    checked: CheckedRequest,
    hostCluster: string,
    namespace = tenantNamespace(checked.request.name),
  ) {
    const { request, isolation } = checked;
    const tenant = {
      name: request.name,
      namespace,
      owner: request.owner,
      isolation,
      profile: checked.profile.name,
      template: checked.templateVersion,
    };
    const sources = (
      await this.deps.planInputs.gather(hostCluster, [tenant])
    ).get(tenant.name)!;
    if ('error' in sources.host) {
      throw new ConflictError(sources.host.error);
    }
    const planned = plan(
      planInput(tenant, {
        ...sources,
        host: sources.host,
        profile: checked.profile,
        templateVersion: checked.templateVersion,
      }),
    );
    return {
      hostCluster,
      isolation,
      namespace,
      objects: planned.objects,
      summary: planned.summary,
    };
  }
}

/** A create's placement request. */
function placementOf(checked: CheckedRequest) {
  return {
    name: checked.request.name,
    hostCluster: checked.request.hostCluster,
    profile: checked.profile,
    isolation: checked.isolation,
  };
}

/** Why a warm-pool profile's create would be provisioned on demand, if it is one. */
function fallbackLine(reason: string | undefined): string | undefined {
  return reason && `Provisioned on demand: ${reason}`;
}
