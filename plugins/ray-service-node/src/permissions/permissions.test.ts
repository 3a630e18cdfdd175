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

import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  rayServiceAdminPermission,
  rayServiceProfileReadPermission,
  rayServiceTemplateVersionReadPermission,
  rayServiceTenantDeletePermission,
} from '@ray-service/plugin-ray-service-common';
import { createRayServiceMemberDecision } from './memberDecision';
import {
  hasProfileName,
  isProfilePublished,
  isProfileVisibleTo,
  ProfilePermissionResource,
} from './profiles';
import {
  hasTemplateName,
  isTemplateVersionAvailable,
  isTemplateVersionSharedWith,
  TemplateVersionPermissionResource,
} from './templateVersions';
import { isTenantOwner, tenantConditions } from './tenants';

describe('IS_TENANT_OWNER', () => {
  const tenant = { name: 'vision', owner: 'group:default/ml-team-alpha' };

  it('matches tenants owned by one of the claims, in any letter case', () => {
    expect(
      isTenantOwner.apply(tenant, {
        claims: ['user:default/alice', 'group:default/ML-Team-Alpha'],
      }),
    ).toBe(true);
    expect(
      isTenantOwner.apply(tenant, { claims: ['group:default/ml-teams'] }),
    ).toBe(false);
  });

  it('filters lists by owner', () => {
    expect(
      isTenantOwner.toQuery({ claims: ['Group:Default/ML-Team-Alpha'] }),
    ).toEqual({ owners: ['group:default/ml-team-alpha'] });
  });

  it('gives policies a condition to build decisions with', () => {
    expect(
      tenantConditions.isTenantOwner({ claims: ['group:default/a'] }),
    ).toEqual({
      rule: 'IS_TENANT_OWNER',
      resourceType: 'ray-service-tenant',
      params: { claims: ['group:default/a'] },
    });
  });
});

describe('profile rules', () => {
  const profile: ProfilePermissionResource = {
    name: 'a100-large',
    published: true,
    visibleTo: ['group:default/ml-teams'],
    audience: ['group:default/ml-teams', 'group:default/ml-team-alpha'],
  };

  it('IS_PROFILE_PUBLISHED matches published profiles', () => {
    expect(isProfilePublished.apply(profile, undefined)).toBe(true);
    expect(
      isProfilePublished.apply({ ...profile, published: false }, undefined),
    ).toBe(false);
    expect(isProfilePublished.toQuery(undefined)).toEqual({ published: true });
  });

  it('IS_PROFILE_VISIBLE_TO matches the audience, sub-groups included', () => {
    expect(
      isProfileVisibleTo.apply(profile, {
        claims: ['group:default/ML-Team-Alpha'],
      }),
    ).toBe(true);
    expect(
      isProfileVisibleTo.apply(profile, { claims: ['group:default/nlp'] }),
    ).toBe(false);
    expect(
      isProfileVisibleTo.apply(
        { ...profile, visibleTo: [], audience: [] },
        { claims: ['group:default/nlp'] },
      ),
    ).toBe(true);
    expect(
      isProfileVisibleTo.toQuery({ claims: ['Group:Default/NLP'] }),
    ).toEqual({ visibleToClaims: ['group:default/nlp'] });
  });

  it('HAS_PROFILE_NAME matches the named profiles', () => {
    expect(hasProfileName.apply(profile, { names: ['a100-large'] })).toBe(true);
    expect(hasProfileName.apply(profile, { names: ['small'] })).toBe(false);
    expect(hasProfileName.toQuery({ names: ['small'] })).toEqual({
      names: ['small'],
    });
  });
});

describe('template version rules', () => {
  const version: TemplateVersionPermissionResource = {
    name: 'kuberay',
    version: '2.0.0',
    state: 'deprecated',
    sharedWith: ['group:default/ml-teams'],
    audience: ['group:default/ml-teams', 'group:default/ml-team-alpha'],
  };

  it('IS_TEMPLATE_VERSION_AVAILABLE matches published and deprecated versions', () => {
    expect(isTemplateVersionAvailable.apply(version, undefined)).toBe(true);
    expect(
      isTemplateVersionAvailable.apply(
        { ...version, state: 'retired' },
        undefined,
      ),
    ).toBe(false);
    expect(
      isTemplateVersionAvailable.apply(
        { ...version, state: 'draft' },
        undefined,
      ),
    ).toBe(false);
    expect(isTemplateVersionAvailable.toQuery(undefined)).toEqual({
      states: ['published', 'deprecated'],
    });
  });

  it('IS_TEMPLATE_VERSION_SHARED_WITH matches the audience, sub-groups included', () => {
    expect(
      isTemplateVersionSharedWith.apply(version, {
        claims: ['user:default/alice', 'group:default/ml-team-alpha'],
      }),
    ).toBe(true);
    expect(
      isTemplateVersionSharedWith.apply(version, {
        claims: ['group:default/nlp'],
      }),
    ).toBe(false);
  });

  it('HAS_TEMPLATE_NAME matches versions of the named templates', () => {
    expect(hasTemplateName.apply(version, { names: ['kuberay'] })).toBe(true);
    expect(hasTemplateName.apply(version, { names: ['other'] })).toBe(false);
  });
});

describe('createRayServiceMemberDecision', () => {
  const claims = ['user:default/alice', 'group:default/ml-team-alpha'];

  it('gives a member the tenants their groups own', () => {
    expect(
      createRayServiceMemberDecision(rayServiceTenantDeletePermission, claims),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'ray-service',
      resourceType: 'ray-service-tenant',
      conditions: {
        rule: 'IS_TENANT_OWNER',
        resourceType: 'ray-service-tenant',
        params: { claims },
      },
    });
  });

  it('gives a member published profiles visible to their groups', () => {
    expect(
      createRayServiceMemberDecision(rayServiceProfileReadPermission, claims),
    ).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      resourceType: 'ray-service-profile',
      conditions: {
        allOf: [
          { rule: 'IS_PROFILE_PUBLISHED' },
          { rule: 'IS_PROFILE_VISIBLE_TO', params: { claims } },
        ],
      },
    });
  });

  it('gives a member available template versions shared with their groups', () => {
    expect(
      createRayServiceMemberDecision(
        rayServiceTemplateVersionReadPermission,
        claims,
      ),
    ).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      resourceType: 'ray-service-template-version',
      conditions: {
        allOf: [
          { rule: 'IS_TEMPLATE_VERSION_AVAILABLE' },
          { rule: 'IS_TEMPLATE_VERSION_SHARED_WITH', params: { claims } },
        ],
      },
    });
  });

  it('leaves the other permissions to the policy', () => {
    expect(
      createRayServiceMemberDecision(rayServiceAdminPermission, claims),
    ).toBeUndefined();
  });
});
