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
  ComputeProfileInput,
  TemplateVersionDocument,
} from '@ray-service/plugin-ray-service-common';
import { Knex } from 'knex';
import { tenantRow } from '../../src/__testUtils__/fixtures';

export const SEED = {
  profiles: 500,
  templateNames: 20,
  versionsPerTemplate: 10,
  tenants: 5000,
};

const GROUPS = ['ml-teams', 'ml-team-alpha', 'ml-team-bravo'];

/** Tenants belong to ten teams; ml-team-alpha owns one in ten. */
const TENANT_OWNERS = [
  'group:default/ml-team-alpha',
  'group:default/ml-team-bravo',
  ...Array.from({ length: 8 }, (_, i) => `group:default/team-${i + 3}`),
];

/** A POST to the plugin's API as the automation token; fails on any error. */
export type Post = (
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
) => Promise<void>;

function profile(i: number): ComputeProfileInput {
  const gpus = i % 3 === 0;
  return {
    name: `profile-${String(i).padStart(3, '0')}`,
    displayName: `Profile ${i}`,
    description: 'Seeded by the API benchmark',
    resources: [
      { cpu: `${4 + (i % 16)}`, memory: '32Gi', storage: '100Gi' },
      ...(gpus
        ? [
            {
              cpu: '16',
              memory: '128Gi',
              storage: '200Gi',
              gpuModel: 'A100-40GB' as const,
              gpuCount: 1 + (i % 4),
            },
          ]
        : []),
    ],
    partitioning: gpus ? { 'A100-40GB': { mode: 'whole' } } : {},
    allocation:
      i % 5 === 0
        ? {
            strategy: 'warmPool',
            desiredCapacity: 2,
            timezone: 'Europe/Berlin',
          }
        : { strategy: 'onDemand' },
    published: i % 4 !== 0,
    visibleTo: i % 2 === 0 ? [] : [GROUPS[i % GROUPS.length]],
  };
}

function templateVersion(
  name: number,
  version: number,
): TemplateVersionDocument {
  return {
    apiVersion: 'ray-service.io/v1alpha1',
    kind: 'TenantTemplateVersion',
    metadata: { name: `stack-${name}`, version: `1.${version}.0` },
    spec: {
      state: version % 3 === 0 ? 'draft' : 'published',
      kuberayVersion: '1.5.1',
      rayVersion: '2.52.0',
      vclusterChartVersion: '0.36.1',
      isolationModes: ['vcluster', 'namespace'],
      addons: [],
      security: { networkPolicy: true, tls: true },
      changelog: `Version 1.${version}.0`,
      sharedWith: [GROUPS[(name + version) % GROUPS.length]],
    },
  };
}

/** Runs `task` for 0..count-1, a few at a time. */
async function forEachLimited(
  count: number,
  task: (i: number) => Promise<void>,
  concurrency = 8,
) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      await task(next++);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Profiles, template versions and host cluster facts through the REST API
 * (so the audit log fills as in real use); tenants straight into their table,
 * which has no API yet.
 */
export async function seed(post: Post, knex: Knex, hostClusters: string[]) {
  await forEachLimited(SEED.profiles, i =>
    post('POST', '/profiles', profile(i)),
  );
  await forEachLimited(SEED.templateNames * SEED.versionsPerTemplate, i =>
    post(
      'POST',
      '/templates',
      templateVersion(
        Math.floor(i / SEED.versionsPerTemplate),
        i % SEED.versionsPerTemplate,
      ),
    ),
  );
  await forEachLimited(hostClusters.length, i =>
    post('PATCH', `/host-clusters/${hostClusters[i]}`, {
      infrastructure: {
        type: 'publicCloud',
        provider: 'aws',
        region: 'eu-west-1',
        instanceTypes: ['p4d.24xlarge'],
      },
      labels: { 'topology.kubernetes.io/region': 'eu-west-1' },
    }),
  );
  const tenants = Array.from({ length: SEED.tenants }, (_, i) =>
    tenantRow({
      name: `tenant-${i}`,
      profile: profile(i % SEED.profiles).name,
      template: { name: `stack-${i % SEED.templateNames}`, version: '1.1.0' },
      hostCluster: hostClusters[i % hostClusters.length],
      owner: TENANT_OWNERS[i % TENANT_OWNERS.length],
    }),
  );
  await knex.batchInsert('tenants', tenants, 250);
}
