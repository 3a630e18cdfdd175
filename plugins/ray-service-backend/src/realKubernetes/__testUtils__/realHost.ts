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

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  AuditEvent,
  binaryPath,
  ControlPlane,
  KubeHttpClient,
  parseRequestTotals,
  RequestTotal,
  shouldRunControlPlaneTests,
  startControlPlane,
} from '@ray-service/kube-control-plane';
import type { HostClusterConfig } from '../../config';

/**
 * How long starting a control plane may take: seconds on an idle machine,
 * much longer on a busy 2-core CI runner.
 */
export const START_TIMEOUT_MS = 240_000;

/** `describe` when the control plane's binaries are built, else `describe.skip` (a message says why; CI fails). */
export function describeWithRealHost(testFile: string) {
  return shouldRunControlPlaneTests(testFile) ? describe : describe.skip;
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A real control plane seeded as a host cluster, and what the suite does with it as its admin. */
export interface RealHost {
  plane: ControlPlane;
  /** Raw HTTPS as the cluster admin: to act as the controllers that do not run here. */
  admin: KubeHttpClient;
  /** The host cluster as the portal's config names it, authenticated with `token`. */
  hostClusterConfig(token: string, name?: string): HostClusterConfig;
  /** kubectl with the admin kubeconfig; `input` is its stdin. */
  kubectl(args: string[], input?: string): Promise<KubectlResult>;
  /** A token of a ServiceAccount (TokenRequest, like `kubectl create token`). */
  mintToken(namespace: string, serviceAccount: string): Promise<string>;
  /** The API server's `apiserver_request_total` now. */
  requestTotals(): Promise<RequestTotal[]>;
  /** The audit log's requests of one user (all users when absent) since the start. */
  audit(username?: string): AuditEvent[];
  stop(): Promise<void>;
}

/** A client identity of the suite: its token, and its user name in the audit log. */
export interface Identity {
  token: string;
  username: string;
}

/**
 * A ServiceAccount bound to cluster-admin, so that the portal's requests
 * as an admin are told apart from the suite's own in the audit log.
 */
export async function clusterAdminIdentity(
  host: RealHost,
  name = 'portal-admin',
): Promise<Identity> {
  await host.admin.apply({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace: 'default' },
  });
  await host.admin.apply({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'cluster-admin',
    },
    subjects: [{ kind: 'ServiceAccount', name, namespace: 'default' }],
  });
  return {
    token: await host.mintToken('default', name),
    username: `system:serviceaccount:default:${name}`,
  };
}

export async function startRealHost(options: {
  deliveryController: 'flux' | 'k3s' | 'both';
  /** The API server's watch cache (see ControlPlaneOptions); default on. */
  watchCache?: boolean;
}): Promise<RealHost> {
  const plane = await startControlPlane({
    deliveryController: options.deliveryController,
    audit: true,
    ...(options.watchCache === false && { watchCache: false }),
  });
  const caPem = Buffer.from(plane.caData, 'base64').toString('utf8');
  const admin = new KubeHttpClient(plane.url, caPem, plane.adminToken);
  const kubeconfigFile = path.join(plane.dir, 'admin.kubeconfig');
  fs.writeFileSync(kubeconfigFile, plane.kubeconfig(), { mode: 0o600 });
  return {
    plane,
    admin,
    hostClusterConfig: (token, name = 'real') => ({
      name,
      title: 'A real control plane',
      url: plane.url,
      caData: plane.caData,
      skipTLSVerify: false,
      clusterIssuer: 'ray-service-ca',
      auth: { type: 'serviceAccountToken', token },
    }),
    kubectl: (args, input) =>
      run(
        binaryPath('kubectl'),
        ['--kubeconfig', kubeconfigFile, ...args],
        input,
      ),
    async mintToken(namespace, serviceAccount) {
      const answer = JSON.parse(
        await admin.send(
          'POST',
          `/api/v1/namespaces/${namespace}/serviceaccounts/${serviceAccount}/token`,
          {
            body: JSON.stringify({
              apiVersion: 'authentication.k8s.io/v1',
              kind: 'TokenRequest',
              spec: { expirationSeconds: 3600 },
            }),
          },
        ),
      );
      return answer.status.token;
    },
    requestTotals: async () => parseRequestTotals(await plane.metrics()),
    audit: username =>
      plane
        .auditEvents()
        .filter(event => !username || event.user.username === username),
    async stop() {
      admin.close();
      await plane.stop();
    },
  };
}

function run(
  command: string,
  args: string[],
  input?: string,
): Promise<KubectlResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => {
      stdout += chunk;
    });
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', code => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
