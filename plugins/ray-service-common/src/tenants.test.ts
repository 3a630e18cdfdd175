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

import { tenantRequestSchema, tenantUpgradeRequestSchema } from './tenants';

const valid = {
  name: 'alpha',
  owner: 'ml-team-alpha',
  profile: 'small',
  templateVersion: 'kuberay@2.0.0',
};

describe('tenantRequestSchema', () => {
  it('accepts a request and normalizes the owner to a group ref', () => {
    expect(tenantRequestSchema.parse(valid)).toEqual({
      ...valid,
      owner: 'group:default/ml-team-alpha',
    });
  });

  it.each([
    ['name', { name: 'Alpha_1' }, /lowercase/],
    ['name', { name: 'a'.repeat(33) }, /at most 32/],
    ['templateVersion', { templateVersion: 'kuberay' }, /name@version|@/],
    ['isolation', { isolation: 'vm' }, /vcluster|namespace/],
    ['owner', { owner: 'user:default/alice' }, /group/],
  ])('rejects a bad %s', (field, patch, message) => {
    const result = tenantRequestSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find(i => i.path[0] === field);
    expect(issue?.message).toMatch(message);
  });

  it('rejects unknown fields', () => {
    expect(
      tenantRequestSchema.safeParse({ ...valid, replicas: 3 }).success,
    ).toBe(false);
  });
});

describe('tenantUpgradeRequestSchema', () => {
  it('needs a template version ref', () => {
    expect(
      tenantUpgradeRequestSchema.safeParse({ templateVersion: 'kuberay@2.0.0' })
        .success,
    ).toBe(true);
    expect(tenantUpgradeRequestSchema.safeParse({}).success).toBe(false);
  });
});
