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

import { z } from 'zod';
import { hostClusterFactsSchema } from './hostClusterFacts';
import { timestampSchema } from './validation';

/** How the backend reached (or failed to reach) a host cluster's API server. */
export const hostClusterReachabilitySchema = z.discriminatedUnion('reachable', [
  z.object({
    reachable: z.literal(true),
    kubernetesVersion: z.string().meta({
      description: 'Kubernetes version reported by /version',
      example: 'v1.31.4',
    }),
    checkedAt: timestampSchema,
  }),
  z.object({
    reachable: z.literal(false),
    error: z.string().meta({
      description:
        'Why the cluster could not be reached; never contains a credential',
    }),
    checkedAt: timestampSchema,
  }),
]);

export type HostClusterReachability = z.infer<
  typeof hostClusterReachabilitySchema
>;

export const HOST_CLUSTER_AUTH_TYPES = [
  'serviceAccountToken',
  'kubeconfig',
  'inCluster',
] as const;

export type HostClusterAuthType = (typeof HOST_CLUSTER_AUTH_TYPES)[number];

/** Whether a cluster's Kubernetes version is in the supported range. */
export const hostClusterVersionSupportSchema = z.object({
  supported: z.boolean(),
  range: z.string().meta({
    description: 'The supported range as shown to admins',
    example: '1.29–1.33',
  }),
  reason: z.string().optional(),
});

export type HostClusterVersionSupport = z.infer<
  typeof hostClusterVersionSupportSchema
>;

/**
 * A host cluster as the REST API shows it. Credentials stay in app-config and
 * never appear here.
 */
export const hostClusterSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    url: z.string().meta({ description: 'API server URL' }),
    authType: z.enum(HOST_CLUSTER_AUTH_TYPES).meta({
      description: 'How the backend authenticates, without the secret itself',
    }),
    reachability: hostClusterReachabilitySchema,
    facts: hostClusterFactsSchema.optional().meta({
      description:
        'What admins recorded about the cluster; absent until they do',
    }),
    versionSupport: hostClusterVersionSupportSchema.optional(),
  })
  .meta({ id: 'HostCluster' });

export type HostCluster = z.infer<typeof hostClusterSchema>;

/** The shape every list endpoint answers with. */
export interface ListResponse<T> {
  items: T[];
  /** Opaque cursor of the next page; absent on the last page. */
  nextCursor?: string;
  totalCount?: number;
}

/** The schema of a page of `item`s. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().optional().meta({
      description: 'Opaque cursor of the next page; absent on the last page',
    }),
    totalCount: z.number().int().optional(),
  });
}
