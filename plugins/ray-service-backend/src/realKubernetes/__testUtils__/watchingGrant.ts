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

import { minimalRbacYaml } from '../../hostClusters/rbac';
import type { RealHost } from './realHost';

const SERVICE_ACCOUNT = {
  namespace: 'backstage',
  serviceAccount: 'ray-service',
};

/** The portal's user in the audit log. */
export const WATCHING_USER = `system:serviceaccount:${SERVICE_ACCOUNT.namespace}:${SERVICE_ACCOUNT.serviceAccount}`;

/**
 * Applies the generated least-privilege RBAC that grants `watch` (Flux
 * delivery) with kubectl, as an admin following the docs would; answers a
 * token of its ServiceAccount ({@link WATCHING_USER}), valid for an hour.
 */
export async function grantWatchingPortal(host: RealHost): Promise<string> {
  const applied = await host.kubectl(
    ['apply', '-f', '-'],
    minimalRbacYaml({
      ...SERVICE_ACCOUNT,
      deliveryController: 'flux',
      watch: true,
    }),
  );
  if (applied.code !== 0) {
    throw new Error(`kubectl apply -f <the generated RBAC>: ${applied.stderr}`);
  }
  return host.mintToken(
    SERVICE_ACCOUNT.namespace,
    SERVICE_ACCOUNT.serviceAccount,
  );
}
