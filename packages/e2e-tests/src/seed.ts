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

import { ResponseError } from '@backstage/errors';
import { Tenant } from '@ray-service/plugin-ray-service-common';
import { PATIENCE_MS, Session } from './session';

/**
 * A Ready tenant of the signed-in user's team, created through the API when
 * absent (the dev portal's database lives in memory, so every start is
 * empty). Uses the shipped `small` profile and `kuberay@2.0.0`.
 */
export async function seedTeamTenant(
  session: Session,
  options: { name: string; owner: string },
): Promise<Tenant> {
  const { api } = session;
  try {
    await api.getTenant({ path: { name: options.name } });
  } catch (error) {
    if (!(error instanceof ResponseError && error.response.status === 404)) {
      throw error;
    }
    await api.createTenant({
      body: {
        name: options.name,
        owner: options.owner,
        profile: 'small',
        templateVersion: 'kuberay@2.0.0',
        isolation: 'namespace',
      },
    });
  }
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const tenant = await api.getTenant({ path: { name: options.name } });
    if (tenant.phase === 'Ready') return tenant;
    if (Date.now() > deadline) {
      throw new Error(`tenant ${options.name} is ${tenant.phase}, not Ready`);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

/**
 * Submits and deletes a throwaway RayJob through the API. kube-sim compiles
 * each KubeRay CRD's schema on its first use, which on a busy two-core
 * machine takes longer than the backend's 5 s request timeout (the first
 * submit then answers 503 although the RayJob was created); the journeys
 * measure the portal, not the simulator's warm-up.
 */
export async function warmUpRayJobs(session: Session, tenant: string) {
  const path = { tenant, name: 'warm-up' };
  await session.api
    .submitRayJob({
      path: { tenant },
      body: {
        name: 'warm-up',
        entrypoint: 'python -c "print(1)"',
        cluster: { new: { head: { cpu: '500m', memory: '1Gi' } } },
      },
    })
    .catch(() => undefined);
  await session.api.deleteRayJob({ path }).catch(() => undefined);
}
