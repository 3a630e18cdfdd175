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

import YAML from 'yaml';

export interface KubeconfigInput {
  server: string;
  caData: string;
  token?: string;
  /** Name used for the cluster, user and context entries. */
  name?: string;
  namespace?: string;
}

/** A kubeconfig with one cluster, one user (bearer token) and one context. */
export function kubeconfigYaml(input: KubeconfigInput): string {
  const name = input.name ?? 'kube-sim';
  const context: Record<string, string> = { cluster: name, user: name };
  if (input.namespace) context.namespace = input.namespace;
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name,
        cluster: {
          server: input.server,
          'certificate-authority-data': input.caData,
        },
      },
    ],
    users: [{ name, user: input.token ? { token: input.token } : {} }],
    contexts: [{ name, context }],
    'current-context': name,
    preferences: {},
  });
}
