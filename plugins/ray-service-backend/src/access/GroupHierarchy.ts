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
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeGroupRef } from '@ray-service/plugin-ray-service-common';
import { TtlCache } from '../lib/TtlCache';

const DEFAULT_MAX_AGE_MS = 30_000;
// Organisations are shallow; this only stops runaway walks.
const MAX_DEPTH = 20;
const GROUP_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'spec.parent',
  'relations',
];

/** The group refs among entity refs, normalized; other kinds and odd names are skipped. */
function groupRefsAmong(refs: string[]): string[] {
  return refs.flatMap(ref => {
    if (!ref.toLowerCase().startsWith('group:')) {
      return [];
    }
    try {
      return [normalizeGroupRef(ref)];
    } catch {
      return [];
    }
  });
}

/** A group's parents from `spec.parent` and its `childOf` relations. */
function parentsOf(group: Entity): string[] {
  const parents = (group.relations ?? [])
    .filter(relation => relation.type === 'childOf')
    .map(relation => relation.targetRef);
  const parent = group.spec?.parent;
  if (typeof parent === 'string' && parent) {
    const ref = parseEntityRef(parent, {
      defaultKind: 'group',
      defaultNamespace: group.metadata.namespace ?? 'default',
    });
    parents.push(`${ref.kind}:${ref.namespace}/${ref.name}`);
  }
  return groupRefsAmong(parents);
}

/**
 * A user's groups with all their ancestors from the catalog, so that what is
 * shared with `ml-teams` reaches members of its child `ml-team-alpha`.
 * Answers are cached briefly per set of direct groups.
 */
export class GroupHierarchy {
  private readonly cache: TtlCache<string[]>;
  private readonly parentsByGroup: TtlCache<Map<string, string[]>>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      userInfo: UserInfoService;
      logger: LoggerService;
    },
    options: { maxAgeMs?: number } = {},
  ) {
    this.cache = new TtlCache(options.maxAgeMs ?? DEFAULT_MAX_AGE_MS);
    this.parentsByGroup = new TtlCache(options.maxAgeMs ?? DEFAULT_MAX_AGE_MS);
  }

  /** The groups the user belongs to directly, as normalized group refs. */
  async directGroupsOf(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<string[]> {
    const { ownershipEntityRefs } = await this.deps.userInfo.getUserInfo(
      credentials,
    );
    return [...new Set(groupRefsAmong(ownershipEntityRefs))].sort();
  }

  /**
   * A group and all its ancestors, or undefined when the catalog has no such
   * group. Unlike {@link groupsOf}, catalog errors are not hidden: the
   * callers decide what a group may get, and must not guess.
   */
  async lineageOf(groupRef: string): Promise<string[] | undefined> {
    const key = `lineage:${groupRef}`;
    const lineage = await this.cache.get(key, async () =>
      (await this.fetchGroups([groupRef])).length > 0
        ? this.withAncestors([groupRef])
        : [],
    );
    if (lineage.length > 0) {
      return lineage;
    }
    // Absence is not cached: the catalog may ingest the group any moment.
    this.cache.delete(key);
    return undefined;
  }

  /**
   * The groups among entity refs (e.g. a user's ownership claims) with all
   * their ancestors, as normalized group refs. When the catalog cannot be
   * read, the groups themselves: less visibility, never more.
   */
  async groupsWithAncestors(refs: string[]): Promise<string[]> {
    const direct = [...new Set(groupRefsAmong(refs))].sort();
    if (direct.length === 0) {
      return [];
    }
    try {
      return await this.cache.get(direct.join(','), () =>
        this.withAncestors(direct),
      );
    } catch (error) {
      this.deps.logger.warn(
        `Could not read group ancestors from the catalog, using direct groups only: ${error}`,
      );
      return direct;
    }
  }

  /**
   * The groups with all their sub-groups, as normalized group refs: who a
   * profile visible to (or a version shared with) these groups reaches.
   * When the catalog cannot be read, the groups themselves.
   */
  async groupsWithDescendants(groupRefs: string[]): Promise<string[]> {
    const found = new Set(groupRefsAmong(groupRefs));
    if (found.size === 0) {
      return [];
    }
    let parents: Map<string, string[]>;
    try {
      parents = await this.parentsByGroup.get('all', () =>
        this.fetchParentsByGroup(),
      );
    } catch (error) {
      this.deps.logger.warn(
        `Could not read sub-groups from the catalog, using the groups only: ${error}`,
      );
      return [...found].sort();
    }
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const before = found.size;
      for (const [group, ofGroup] of parents) {
        if (!found.has(group) && ofGroup.some(parent => found.has(parent))) {
          found.add(group);
        }
      }
      if (found.size === before) {
        break;
      }
    }
    return [...found].sort();
  }

  private async fetchParentsByGroup(): Promise<Map<string, string[]>> {
    const { items } = await this.deps.catalog.getEntities(
      { filter: { kind: 'Group' }, fields: GROUP_FIELDS },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return new Map(
      items.map(group => [
        normalizeGroupRef(
          `group:${group.metadata.namespace ?? 'default'}/${
            group.metadata.name
          }`,
        ),
        parentsOf(group),
      ]),
    );
  }

  private async withAncestors(direct: string[]): Promise<string[]> {
    const found = new Set(direct);
    let frontier = direct;
    for (let depth = 0; frontier.length > 0 && depth < MAX_DEPTH; depth++) {
      const parents = (await this.fetchGroups(frontier)).flatMap(parentsOf);
      frontier = [...new Set(parents)].filter(ref => !found.has(ref));
      frontier.forEach(ref => found.add(ref));
    }
    return [...found].sort();
  }

  private async fetchGroups(refs: string[]): Promise<Entity[]> {
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: GROUP_FIELDS,
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return items.filter((item): item is Entity => item !== undefined);
  }
}
