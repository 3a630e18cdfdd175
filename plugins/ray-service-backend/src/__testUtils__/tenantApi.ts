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

import { waitFor } from '../lib/__testUtils__/waitFor';
import {
  PATIENT_TIMEOUT_MS,
  SIM_TOKEN,
} from '../kubernetes/__testUtils__/kubeSim';
import { KubeSim, KubeSimOptions, startKubeSim } from '@ray-service/kube-sim';
import {
  Tenant,
  TenantPhase,
  WorkloadPhase,
} from '@ray-service/plugin-ray-service-common';
import { Server } from 'node:http';
import request from 'supertest';
import { profileInput, templateDocument } from './fixtures';
import { CallerName, callers } from './testBackend';

export { SIM_TOKEN };

/** A well-equipped kube-sim with fast controllers. */
export function startTestSim(
  readyDelayMs = 50,
  options: Omit<KubeSimOptions, 'seed' | 'token' | 'controllers'> = {},
): Promise<KubeSim> {
  return startKubeSim({
    seed: 'well-equipped',
    token: SIM_TOKEN,
    controllers: { readyDelayMs, namespaceFinalizeDelayMs: 50 },
    ...options,
  });
}

/**
 * `rayService` config with host clusters on sims and a fast loop. Requests
 * may take as long as a busy machine needs: a test that wants a timeout sets
 * a short `reachabilityTimeoutMs` itself.
 */
export function tenantTestConfig(clusters: Record<string, KubeSim>) {
  return {
    rayService: {
      reachabilityTimeoutMs: PATIENT_TIMEOUT_MS,
      hostClusters: Object.entries(clusters).map(([name, sim]) => ({
        name,
        url: sim.url,
        caData: sim.caData,
        clusterIssuer: 'ray-service-ca',
        auth: { type: 'serviceAccountToken', token: SIM_TOKEN },
      })),
      // Polling: tests run passes with the scheduler's triggerTask, which a
      // watching run would hold for minutes (src/provisioning/loop covers watching).
      reconcile: { requeueSeconds: 0.05, watch: false },
    },
  };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Requests to the plugin's API as one caller. */
export type Api = Record<
  (typeof METHODS)[number],
  (path: string) => request.Test
>;

export function apiFor(server: Server, caller: CallerName): Api {
  const header = callers[caller];
  return Object.fromEntries(
    METHODS.map(method => [
      method,
      (path: string) => {
        const test = request(server)[method](`/api/ray-service${path}`);
        return header ? test.set('Authorization', header) : test;
      },
    ]),
  ) as Api;
}

/**
 * Profiles and template versions tenants of the ML teams can use: `small`
 * (visible to ml-teams), `hidden` (unpublished), `huge` (fits no cluster),
 * `kuberay@1.0.0` (KubeRay 1.5.1) and `@1.1.0` (KubeRay 1.6.0), both
 * published and shared with ml-teams, `kuberay@1.2.0` (a draft),
 * `other@1.0.0` (another template).
 */
export async function seedTenantCatalog(admin: Api): Promise<void> {
  const writes = [
    admin.post('/profiles').send(profileInput({ visibleTo: ['ml-teams'] })),
    admin
      .post('/profiles')
      .send(profileInput({ name: 'hidden', published: false })),
    ...[
      { version: '1.0.0', kuberayVersion: '1.5.1' },
      { version: '1.1.0', kuberayVersion: '1.6.0' },
    ].map(({ version, kuberayVersion }) =>
      admin.post('/templates').send(
        templateDocument({
          version,
          spec: {
            kuberayVersion,
            state: 'published',
            sharedWith: ['ml-teams'],
          },
        }),
      ),
    ),
    admin.post('/profiles').send(
      profileInput({
        name: 'huge',
        resources: [{ cpu: '10000', memory: '32Gi', storage: '100Gi' }],
      }),
    ),
    admin.post('/templates').send(templateDocument({ version: '1.2.0' })),
    admin.post('/templates').send(
      templateDocument({
        name: 'other',
        spec: { state: 'published', sharedWith: ['ml-teams'] },
      }),
    ),
  ];
  for (const write of writes) {
    const response = await write;
    if (response.status >= 300) {
      throw new Error(`seeding failed: ${response.status} ${response.text}`);
    }
  }
}

/** A `POST /tenants` body for ml-team-alpha. */
export function tenantRequest(name: string, overrides: object = {}) {
  return {
    name,
    owner: 'group:default/ml-team-alpha',
    profile: 'small',
    templateVersion: 'kuberay@1.0.0',
    ...overrides,
  };
}

/** Polls `GET path` until `until` holds (for waitFor's patience, or `timeoutMs`). */
export async function poll(
  api: Api,
  path: string,
  until: (response: request.Response) => boolean,
  options: { timeoutMs?: number } = {},
): Promise<request.Response> {
  let last: request.Response | undefined;
  return waitFor(
    async () => {
      last = await api.get(path);
      return until(last) && last;
    },
    () =>
      `GET ${path} (last answer ${last?.status} ${JSON.stringify(last?.body)})`,
    { intervalMs: 100, ...options },
  );
}

/** Polls `GET /tenants/{name}` until `until` holds. */
export function pollTenant(
  api: Api,
  name: string,
  until: (response: request.Response) => boolean,
): Promise<request.Response> {
  return poll(api, `/tenants/${name}`, until);
}

/** An answer of a tenant or workload in `phase`. */
export const inPhase =
  (phase: TenantPhase | WorkloadPhase) =>
  (response: request.Response): boolean =>
    response.status === 200 && (response.body as Tenant).phase === phase;

/** Creates an ml-team-alpha tenant as `api` and waits until it is Ready. */
export async function createReadyTenant(
  api: Api,
  name: string,
  overrides: object = {},
): Promise<request.Response> {
  const created = await api
    .post('/tenants')
    .send(tenantRequest(name, overrides));
  if (created.status !== 201) {
    throw new Error(`tenant not created: ${created.text}`);
  }
  return pollTenant(api, name, inPhase('Ready'));
}
