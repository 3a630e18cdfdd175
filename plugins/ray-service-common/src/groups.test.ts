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

import { InputError } from '@backstage/errors';
import { z } from 'zod';
import {
  groupRefListSchema,
  groupRefSchema,
  isSharedWith,
  normalizeGroupRef,
} from './groups';

// ml-teams ─┬─ ml-team-alpha ── ml-team-alpha-vision
//           └─ ml-team-beta
// data-eng
const parents: Record<string, string[]> = {
  'group:default/ml-team-alpha': ['group:default/ml-teams'],
  'group:default/ml-team-beta': ['group:default/ml-teams'],
  'group:default/ml-team-alpha-vision': ['group:default/ml-team-alpha'],
};
const parentsOf = (ref: string) => parents[ref] ?? [];

function ancestorChainOf(ref: string): string[] {
  return parentsOf(ref).flatMap(parent => [parent, ...ancestorChainOf(parent)]);
}

describe('normalizeGroupRef', () => {
  it.each([
    ['ml-teams', 'group:default/ml-teams'],
    ['default/ml-teams', 'group:default/ml-teams'],
    ['group:ml-teams', 'group:default/ml-teams'],
    ['group:default/ml-teams', 'group:default/ml-teams'],
    ['Group:Default/ML-Teams', 'group:default/ml-teams'],
    ['group:research/vision_team.2', 'group:research/vision_team.2'],
    [' ml-teams ', 'group:default/ml-teams'],
    ['ml--teams', 'group:default/ml--teams'],
    [
      `${'n'.repeat(63)}/${'x'.repeat(63)}`,
      `group:${'n'.repeat(63)}/${'x'.repeat(63)}`,
    ],
  ])('normalizes %j to %s', (ref, normalized) => {
    expect(normalizeGroupRef(ref)).toBe(normalized);
  });

  it('rejects refs of other kinds', () => {
    expect(() => normalizeGroupRef('user:default/jane')).toThrow(
      new InputError('"user:default/jane" is not a group reference'),
    );
  });

  it.each([
    '',
    'group:',
    'group:default/',
    'a/b/c',
    'ml teams',
    '-ml',
    'x'.repeat(64),
  ])('rejects %j', ref => {
    expect(() => normalizeGroupRef(ref)).toThrow(/^invalid group reference/);
  });
});

describe('groupRefSchema', () => {
  it('parses into the normalized ref', () => {
    expect(groupRefSchema.parse('ml-teams')).toBe('group:default/ml-teams');
  });

  it('explains what is wrong', () => {
    expect(
      groupRefSchema.safeParse('user:default/jane').error?.issues[0].message,
    ).toBe('"user:default/jane" is not a group reference');
  });

  it('states its rule, 63-character names included, as the OpenAPI pattern', () => {
    const { pattern } = z.toJSONSchema(groupRefSchema) as { pattern: string };
    for (const ref of [
      'ml-teams',
      'Group:Default/ML-Teams',
      'a_b.c',
      `${'n'.repeat(63)}/${'x'.repeat(63)}`,
      'x'.repeat(64),
      `${'n'.repeat(64)}/x`,
      '-ml',
      'ml-',
      'a/b/c',
    ]) {
      expect([ref, new RegExp(pattern).test(ref)]).toEqual([
        ref,
        groupRefSchema.safeParse(ref).success,
      ]);
    }
  });
});

describe('groupRefListSchema', () => {
  it('merges two spellings of one group', () => {
    expect(
      groupRefListSchema.parse([
        'ml-teams',
        'group:default/ml-teams',
        'Group:Default/ML-Teams',
        'data',
      ]),
    ).toEqual(['group:default/ml-teams', 'group:default/data']);
  });

  it('refuses the same string twice, as uniqueItems does', () => {
    expect(
      groupRefListSchema.safeParse(['ml-teams', 'ml-teams']).error?.issues[0]
        .message,
    ).toBe('ml-teams is listed twice');
  });
});

describe('isSharedWith', () => {
  it('matches a group shared directly', () => {
    expect(
      isSharedWith(
        ['group:default/data-eng'],
        ['group:default/data-eng'],
        parentsOf,
      ),
    ).toBe(true);
  });

  it('shares with descendants of a shared group', () => {
    expect(
      isSharedWith(
        ['ml-teams'],
        ['group:default/ml-team-alpha'],
        ancestorChainOf,
      ),
    ).toBe(true);
    expect(
      isSharedWith(
        ['ml-teams'],
        ['group:default/ml-team-alpha-vision'],
        ancestorChainOf,
      ),
    ).toBe(true);
  });

  it('walks the hierarchy when only parents are given', () => {
    expect(
      isSharedWith(
        ['ml-teams'],
        ['group:default/ml-team-alpha-vision'],
        parentsOf,
      ),
    ).toBe(true);
  });

  it('does not share with ancestors or siblings of a shared group', () => {
    expect(
      isSharedWith(['ml-team-alpha'], ['group:default/ml-teams'], parentsOf),
    ).toBe(false);
    expect(
      isSharedWith(
        ['ml-team-alpha'],
        ['group:default/ml-team-beta'],
        parentsOf,
      ),
    ).toBe(false);
  });

  it('compares normalized refs on both sides', () => {
    expect(
      isSharedWith(['group:default/ML-Teams'], ['ml-team-beta'], parentsOf),
    ).toBe(true);
  });

  it('ignores the user ref among ownership refs', () => {
    expect(
      isSharedWith(
        ['data-eng'],
        ['user:default/jane', 'group:default/data-eng'],
        parentsOf,
      ),
    ).toBe(true);
  });

  it('shares with nobody when the list is empty', () => {
    expect(isSharedWith([], ['group:default/data-eng'], parentsOf)).toBe(false);
  });

  it('is false for users without groups', () => {
    expect(isSharedWith(['ml-teams'], [], parentsOf)).toBe(false);
  });

  it('survives cycles in the hierarchy', () => {
    const cyclic = (ref: string) =>
      ref === 'group:default/a' ? ['group:default/b'] : ['group:default/a'];
    expect(isSharedWith(['c'], ['group:default/a'], cyclic)).toBe(false);
  });
});
