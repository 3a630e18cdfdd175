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
  AUDIT_ACTIONS,
  AUDIT_TARGET_KINDS,
  auditEntrySchema,
  auditTargetKindOf,
} from './audit';

const entry = {
  id: '01J9Z3',
  at: '2025-01-15T10:00:00Z',
  actor: 'user:default/admin',
  action: 'template.publish',
  target: { kind: 'template', name: 'kuberay@1.2.0' },
  before: { state: 'draft' },
  after: { state: 'published' },
};

describe('auditEntrySchema', () => {
  it('accepts an entry with before and after', () => {
    expect(auditEntrySchema.parse(entry)).toEqual(entry);
  });

  it('allows leaving out before or after', () => {
    const { before, ...created } = entry;
    expect(
      auditEntrySchema.parse({
        ...created,
        action: 'profile.create',
        target: { kind: 'profile', name: 'small' },
      }),
    ).toBeDefined();
  });

  it.each([
    [{ action: 'profile.rename' }, ['action']],
    [{ at: 'now' }, ['at']],
    [{ actor: '' }, ['actor']],
    [{ target: { kind: 'cluster', name: 'x' } }, ['target', 'kind']],
  ])('rejects %j at %j', (change, path) => {
    expect(
      auditEntrySchema.safeParse({ ...entry, ...change }).error?.issues,
    ).toEqual([expect.objectContaining({ path })]);
  });
});

describe('auditTargetKindOf', () => {
  it('reads the kind from the action', () => {
    expect(auditTargetKindOf('template.publish')).toBe('template');
    expect(auditTargetKindOf('hostCluster.update')).toBe('hostCluster');
    expect(auditTargetKindOf('tenant.upgrade')).toBe('tenant');
  });

  it('knows the kind of every action', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(AUDIT_TARGET_KINDS).toContain(auditTargetKindOf(action));
    }
  });
});
