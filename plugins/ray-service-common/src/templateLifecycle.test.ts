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
  checkTemplateVersionDeletion,
  checkTransition,
  TEMPLATE_VERSION_ACTIONS,
} from './templateLifecycle';
import { TEMPLATE_VERSION_STATES, TemplateVersionState } from './templates';

const unused = { tenantsUsingVersion: 0 };

describe('checkTransition', () => {
  it.each([
    ['draft', 'published'],
    ['draft', 'retired'],
    ['published', 'deprecated'],
    ['published', 'retired'],
    ['deprecated', 'published'],
    ['deprecated', 'retired'],
  ] as const)('allows %s → %s', (current, target) => {
    expect(checkTransition(current, target, unused)).toEqual({ allowed: true });
  });

  it.each([
    [
      'draft',
      'deprecated',
      'a draft version cannot become deprecated, only published or retired',
    ],
    [
      'published',
      'draft',
      'a published version cannot become draft, only deprecated or retired',
    ],
    [
      'deprecated',
      'draft',
      'a deprecated version cannot become draft, only published or retired',
    ],
  ] as const)('refuses %s → %s', (current, target, reason) => {
    expect(checkTransition(current, target, unused)).toEqual({
      allowed: false,
      reason,
    });
  });

  it('treats retired as final', () => {
    for (const target of TEMPLATE_VERSION_STATES.filter(s => s !== 'retired')) {
      expect(checkTransition('retired', target, unused)).toEqual({
        allowed: false,
        reason: 'the version is retired, which is final',
      });
    }
  });

  it.each(TEMPLATE_VERSION_STATES)(
    'refuses %s → itself',
    (state: TemplateVersionState) => {
      expect(checkTransition(state, state, unused)).toEqual({
        allowed: false,
        reason: `the version is already ${state}`,
      });
    },
  );

  it.each(['published', 'deprecated'] as const)(
    'refuses to retire a %s version in use',
    current => {
      expect(
        checkTransition(current, 'retired', { tenantsUsingVersion: 1 }),
      ).toEqual({
        allowed: false,
        reason:
          '1 tenant still uses this version; move them to another version first',
      });
      expect(
        checkTransition(current, 'retired', { tenantsUsingVersion: 3 }),
      ).toEqual({
        allowed: false,
        reason:
          '3 tenants still use this version; move them to another version first',
      });
    },
  );

  it('does not care about tenants for other transitions', () => {
    const inUse = { tenantsUsingVersion: 5 };
    expect(checkTransition('published', 'deprecated', inUse).allowed).toBe(
      true,
    );
    expect(checkTransition('deprecated', 'published', inUse).allowed).toBe(
      true,
    );
  });
});

describe('TEMPLATE_VERSION_ACTIONS', () => {
  it('maps REST actions to target states', () => {
    expect(TEMPLATE_VERSION_ACTIONS).toEqual({
      publish: 'published',
      deprecate: 'deprecated',
      retire: 'retired',
    });
  });
});

describe('checkTemplateVersionDeletion', () => {
  it('deletes drafts only', () => {
    expect(checkTemplateVersionDeletion('draft')).toEqual({ allowed: true });
    expect(checkTemplateVersionDeletion('published')).toEqual({
      allowed: false,
      reason: 'only drafts can be deleted; retire the version instead',
    });
    expect(checkTemplateVersionDeletion('retired')).toEqual({
      allowed: false,
      reason: 'only drafts can be deleted',
    });
  });
});
