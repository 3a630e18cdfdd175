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

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EXAMPLE_GROUPS } from '../__testUtils__/exampleOrg';
import { GroupHierarchy } from './GroupHierarchy';

function hierarchy(
  catalog: ReturnType<typeof catalogServiceMock>,
  ownershipEntityRefs: string[],
  logger = mockServices.logger.mock(),
) {
  return new GroupHierarchy({
    catalog,
    auth: mockServices.auth(),
    userInfo: mockServices.userInfo({ ownershipEntityRefs }),
    logger,
  });
}

const ALICE = mockCredentials.user('user:default/alice.alpha');

describe('GroupHierarchy', () => {
  it('adds the ancestors named by spec.parent', async () => {
    const claims = ['user:default/alice.alpha', 'group:default/ml-team-alpha'];
    const groups = await hierarchy(
      catalogServiceMock({ entities: EXAMPLE_GROUPS }),
      claims,
    ).groupsWithAncestors(claims);
    expect(groups).toEqual([
      'group:default/ml-team-alpha',
      'group:default/ml-teams',
    ]);
  });

  it('follows childOf relations and stops at cycles', async () => {
    const group = (name: string, parents: string[]): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name, namespace: 'default' },
      spec: { type: 'team', children: [] },
      relations: parents.map(targetRef => ({ type: 'childOf', targetRef })),
    });
    const catalog = catalogServiceMock({
      entities: [
        group('a', ['group:default/b']),
        group('b', ['group:default/c']),
        group('c', ['group:default/a']),
      ],
    });
    expect(
      await hierarchy(catalog, []).groupsWithAncestors(['Group:Default/A']),
    ).toEqual(['group:default/a', 'group:default/b', 'group:default/c']);
  });

  it('answers from its cache for a while', async () => {
    const catalog = catalogServiceMock({ entities: EXAMPLE_GROUPS });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const claims = ['group:default/ml-team-alpha'];
    const groups = hierarchy(catalog, claims);
    await groups.groupsWithAncestors(claims);
    const callsForOneWalk = getEntitiesByRefs.mock.calls.length;
    await groups.groupsWithAncestors(claims);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(callsForOneWalk);
  });

  it('finds a group the catalog ingests after a first miss', async () => {
    const catalog = catalogServiceMock({ entities: [] });
    const groups = hierarchy(catalog, []);
    expect(await groups.lineageOf('group:default/ml-team-alpha')).toBe(
      undefined,
    );
    const ingested = catalogServiceMock({ entities: EXAMPLE_GROUPS });
    jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockImplementation((...args) => ingested.getEntitiesByRefs(...args));
    expect(await groups.lineageOf('group:default/ml-team-alpha')).toEqual([
      'group:default/ml-team-alpha',
      'group:default/ml-teams',
    ]);
  });

  it('falls back to the direct groups when the catalog fails', async () => {
    const logger = mockServices.logger.mock();
    const catalog = catalogServiceMock.mock({
      getEntitiesByRefs: async () => {
        throw new Error('catalog down');
      },
    });
    expect(
      await hierarchy(catalog, [], logger).groupsWithAncestors([
        'group:default/ml-team-alpha',
      ]),
    ).toEqual(['group:default/ml-team-alpha']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog down'),
    );
  });

  it('reads the direct groups of a user from their user info', async () => {
    expect(
      await hierarchy(catalogServiceMock({ entities: EXAMPLE_GROUPS }), [
        'user:default/alice.alpha',
        'Group:Default/ML-Team-Alpha',
      ]).directGroupsOf(ALICE),
    ).toEqual(['group:default/ml-team-alpha']);
  });

  it('adds the sub-groups of groups, transitively', async () => {
    const catalog = catalogServiceMock({
      entities: [
        ...EXAMPLE_GROUPS,
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'alpha-interns', namespace: 'default' },
          spec: { type: 'team', children: [], parent: 'ml-team-alpha' },
        },
      ],
    });
    expect(
      await hierarchy(catalog, []).groupsWithDescendants([
        'group:default/ml-teams',
      ]),
    ).toEqual([
      'group:default/alpha-interns',
      'group:default/ml-team-alpha',
      'group:default/ml-team-bravo',
      'group:default/ml-teams',
    ]);
    expect(
      await hierarchy(catalog, []).groupsWithDescendants([
        'group:default/ml-team-bravo',
      ]),
    ).toEqual(['group:default/ml-team-bravo']);
  });

  it('keeps the groups alone when the catalog cannot list sub-groups', async () => {
    const logger = mockServices.logger.mock();
    const catalog = catalogServiceMock.mock({
      getEntities: async () => {
        throw new Error('catalog down');
      },
    });
    expect(
      await hierarchy(catalog, [], logger).groupsWithDescendants([
        'group:default/ml-teams',
      ]),
    ).toEqual(['group:default/ml-teams']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog down'),
    );
  });

  it('has nothing to walk for users without groups', async () => {
    const catalog = catalogServiceMock.mock();
    expect(
      await hierarchy(catalog, []).groupsWithAncestors([
        'user:default/alice.alpha',
        'group:bad/ref!',
      ]),
    ).toEqual([]);
    expect(catalog.getEntitiesByRefs).not.toHaveBeenCalled();
  });
});
