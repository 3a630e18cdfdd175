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
  profile,
  storedTenant,
  templateVersion,
} from '../../__testUtils__/fixtures';
import { PlanSources } from './desired';
import { PlanMemo } from './PlanMemo';

const sources: PlanSources = {
  profile: profile(),
  templateVersion: templateVersion({ state: 'published' }),
  host: { value: { name: 'sim', deliveryController: 'flux' } },
  instance: 'default',
};

describe('PlanMemo', () => {
  it('plans again only when an input changes', () => {
    const memo = new PlanMemo();
    const tenant = storedTenant();
    const first = memo.plan(tenant, sources);
    expect(
      memo.plan({ ...tenant, phase: 'Ready', generation: 3 }, sources),
    ).toBe(first);
    expect(memo.made).toBe(1);

    memo.plan(tenant, {
      ...sources,
      profile: profile({ updatedAt: '2026-12-01T00:00:00.000Z' }),
    });
    memo.plan(
      { ...tenant, template: { name: 'kuberay', version: '1.1.0' } },
      sources,
    );
    memo.plan(tenant, { ...sources, host: { error: 'down' } });
    memo.plan(tenant, { ...sources, instance: 'staging' });
    expect(memo.made).toBe(5);
  });

  it('forgets tenants that are gone', () => {
    const memo = new PlanMemo();
    memo.plan(storedTenant(), sources);
    memo.retain(new Set(['other']));
    memo.plan(storedTenant(), sources);
    expect(memo.made).toBe(2);
  });
});
