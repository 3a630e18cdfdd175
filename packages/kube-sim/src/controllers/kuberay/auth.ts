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

import { randomBytes } from 'node:crypto';
import type { ClusterObjects } from '../../cluster/objects';
import type { KubeObject } from '../../util';
import { ownerRef } from '../context';
import { checkName, RAY_CLUSTER_LABEL } from './names';

/*
 * Ray token authentication as KubeRay ≥ 1.5.1 configures it (v1.7.0: raycluster_controller.go
 * reconcileAuthSecret/createAuthSecret, common/pod.go SetContainerTokenAuthEnvVars, utils
 * IsAuthEnabled): only `authOptions.mode: token` turns it on (the CRD has no default);
 * the Secret is `CheckName(<cluster>)` with key `auth_token`, a base64 of 32 random bytes,
 * unless `authOptions.secretName` names a Secret the user provides; `enableK8sTokenAuth`
 * uses projected service-account tokens and no Secret.
 */

export const AUTH_TOKEN_KEY = 'auth_token';

export function isAuthEnabled(cluster: KubeObject): boolean {
  return cluster.spec?.authOptions?.mode === 'token';
}

function isK8sTokenAuth(cluster: KubeObject): boolean {
  return (
    isAuthEnabled(cluster) &&
    cluster.spec?.authOptions?.enableK8sTokenAuth === true
  );
}

/** The Secret holding the cluster's token, when token auth uses one. */
export function authSecretName(cluster: KubeObject): string | undefined {
  if (!isAuthEnabled(cluster) || isK8sTokenAuth(cluster)) return undefined;
  return (
    cluster.spec.authOptions.secretName || checkName(cluster.metadata.name)
  );
}

/** The env KubeRay puts on every Ray container of a cluster with token auth. */
export function authEnv(
  cluster: KubeObject,
): Array<[string, string | KubeObject]> {
  if (!isAuthEnabled(cluster)) return [];
  if (isK8sTokenAuth(cluster))
    return [
      ['RAY_AUTH_MODE', 'token'],
      ['RAY_ENABLE_K8S_TOKEN_AUTH', 'true'],
    ];
  return [
    ['RAY_AUTH_MODE', 'token'],
    [
      'RAY_AUTH_TOKEN',
      { secretKeyRef: { name: authSecretName(cluster), key: AUTH_TOKEN_KEY } },
    ],
  ];
}

/**
 * Creates the cluster's auth Secret if KubeRay would (and it is missing). Its token is
 * `fixedToken` when kube-sim stands in front of one real Ray head (whose token it must be).
 */
export function ensureAuthSecret(
  objects: ClusterObjects,
  cluster: KubeObject,
  fixedToken?: string,
) {
  if (!isAuthEnabled(cluster) || isK8sTokenAuth(cluster)) return;
  if (cluster.spec.authOptions.secretName) return;
  objects.ensureObject({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: checkName(cluster.metadata.name),
      namespace: cluster.metadata.namespace,
      labels: { [RAY_CLUSTER_LABEL]: cluster.metadata.name },
      ownerReferences: [ownerRef(cluster)],
    },
    stringData: {
      [AUTH_TOKEN_KEY]: fixedToken ?? randomBytes(32).toString('base64'),
    },
  });
}

/** The token a running Ray container was started with (from its env's Secret), if any. */
export function containerToken(
  objects: ClusterObjects,
  namespace: string,
  container: KubeObject | undefined,
): { enabled: boolean; token?: string; missingSecret?: string } {
  const vars: KubeObject[] = container?.env ?? [];
  const enabled = vars.some(
    e => e.name === 'RAY_AUTH_MODE' && e.value === 'token',
  );
  const ref = vars.find(e => e.name === 'RAY_AUTH_TOKEN')?.valueFrom
    ?.secretKeyRef;
  const literal = vars.find(e => e.name === 'RAY_AUTH_TOKEN')?.value;
  if (!ref) return { enabled, token: literal };
  const secret = objects.getObject('v1', 'Secret', namespace, ref.name);
  const data = secret?.data?.[ref.key];
  if (data === undefined) return { enabled, missingSecret: ref.name };
  return { enabled, token: Buffer.from(data, 'base64').toString('utf8') };
}
