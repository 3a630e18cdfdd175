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
import type { TenantOutcome } from '../../reconciler';
import { desiredTenant, PlanSources, statusUpdate } from './desired';

const NOW = '2026-11-24T10:00:00.000Z';
const EARLIER = '2026-11-24T09:00:00.000Z';

const sources: PlanSources = {
  profile: profile(),
  templateVersion: templateVersion({ state: 'published' }),
  host: { value: { name: 'sim', deliveryController: 'flux' } },
  instance: 'default',
};

const ready = {
  type: 'NamespaceReady' as const,
  status: 'True' as const,
  reason: 'Active',
  message: 'Namespace ray-alpha is active',
  lastTransitionTime: EARLIER,
};

function outcome(
  overrides: Partial<TenantOutcome['status']> = {},
): TenantOutcome {
  return {
    name: 'alpha',
    status: {
      phase: 'Ready',
      conditions: [ready],
      observedGeneration: 1,
      ...overrides,
    },
    converged: true,
  };
}

describe('desiredTenant', () => {
  it('plans a tenant and hands back its last status', () => {
    const { tenant, failure } = desiredTenant(
      storedTenant({
        phase: 'Ready',
        conditions: [ready],
        observedGeneration: 1,
      }),
      { ...sources, instance: 'staging' },
    );
    expect(failure).toBeUndefined();
    expect(tenant).toMatchObject({
      name: 'alpha',
      generation: 1,
      deleting: false,
      status: { phase: 'Ready', conditions: [ready], observedGeneration: 1 },
    });
    expect(tenant.plan?.[0]).toMatchObject({
      kind: 'Namespace',
      metadata: { name: 'ray-alpha' },
    });
    for (const object of tenant.plan!) {
      expect(object.metadata.labels['ray-service.io/instance']).toBe('staging');
    }
  });

  it('needs no plan for a deleting tenant', () => {
    const { tenant } = desiredTenant(
      storedTenant({ deletionRequestedAt: NOW, generation: 2 }),
      { ...sources, host: { error: 'unreachable' } },
    );
    expect(tenant).toMatchObject({ deleting: true, plan: undefined });
    expect(tenant.status).not.toHaveProperty('observedGeneration');
  });

  it.each([
    [{ host: { error: 'ECONNREFUSED' } }, 'HostClusterUnavailable', false],
    [{ profile: undefined }, 'ProfileMissing', true],
    [{ templateVersion: undefined }, 'TemplateVersionMissing', true],
    [
      { templateVersion: templateVersion({ isolationModes: ['namespace'] }) },
      'PlanFailed',
      true,
    ],
  ])(
    'leaves the objects alone without a plan: %j',
    (change, reason, failsTenant) => {
      const { tenant, failure } = desiredTenant(storedTenant(), {
        ...sources,
        ...change,
      });
      expect(tenant.plan).toBeUndefined();
      expect(failure).toMatchObject({ reason, failsTenant });
    },
  );
});

describe('statusUpdate', () => {
  it('writes nothing when the outcome is what is stored', () => {
    const stored = storedTenant({
      phase: 'Ready',
      conditions: [ready],
      observedGeneration: 1,
    });
    expect(statusUpdate(stored, outcome(), undefined, NOW)).toBeUndefined();
  });

  it('records phase, conditions and the observed generation', () => {
    expect(statusUpdate(storedTenant(), outcome(), undefined, NOW)).toEqual({
      phase: 'Ready',
      conditions: [ready],
      observedGeneration: 1,
      updatedAt: NOW,
    });
  });

  it('fails a tenant that cannot be planned, keeping when that started', () => {
    const failure = {
      reason: 'PlanFailed' as const,
      message: 'no such isolation',
      failsTenant: true,
    };
    const first = statusUpdate(
      storedTenant(),
      outcome({
        phase: 'Pending',
        conditions: [],
        observedGeneration: undefined,
      }),
      failure,
      EARLIER,
    );
    expect(first).toEqual({
      phase: 'Failed',
      conditions: [
        {
          type: 'Planned',
          status: 'False',
          reason: 'PlanFailed',
          message: 'no such isolation',
          lastTransitionTime: EARLIER,
        },
      ],
      observedGeneration: 0,
      updatedAt: EARLIER,
    });
    const stored = storedTenant({
      phase: 'Failed',
      conditions: first!.conditions,
    });
    expect(
      statusUpdate(
        stored,
        outcome({
          phase: 'Pending',
          conditions: [],
          observedGeneration: undefined,
        }),
        failure,
        NOW,
      ),
    ).toBeUndefined();
  });

  it('keeps the phase when only the host cluster is unavailable', () => {
    const update = statusUpdate(
      storedTenant({ phase: 'Ready', observedGeneration: 1 }),
      outcome(),
      { reason: 'HostClusterUnavailable', message: 'down', failsTenant: false },
      NOW,
    );
    expect(update?.phase).toBe('Ready');
    expect(update?.conditions.map(c => c.type)).toEqual([
      'NamespaceReady',
      'Planned',
    ]);
  });
});
