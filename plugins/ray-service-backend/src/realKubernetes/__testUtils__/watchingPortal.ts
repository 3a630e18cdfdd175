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

import type { AuditEvent } from '@ray-service/kube-control-plane';
import { waitFor } from '../../lib/__testUtils__/waitFor';
import {
  admin,
  startTestPortal,
  TestPortal,
} from '../../__testUtils__/testPortal';
import { tenantNamespace } from '../../vocabulary';
import { watchesOpened } from './watchAudit';
import { PATIENCE, passUntil } from './passes';
import { RealHost, START_TIMEOUT_MS, startRealHost } from './realHost';
import { SeverableProxy, startSeverableProxy } from './severableProxy';
import { StandInControllers } from './standInControllers';
import { grantWatchingPortal, WATCHING_USER } from './watchingGrant';

export { WATCHING_USER };

/** The tenant the portal has made Ready. */
export const WATCHED_TENANT = 'watched';

/**
 * A portal observing the host by watches (`rayService.reconcile.watch`) as
 * a ServiceAccount with the generated least-privilege RBAC that grants
 * `watch`, with one tenant ({@link WATCHED_TENANT}) Ready. `url`: where
 * the portal reaches the API server (default: directly).
 */
export async function startWatchingPortal(
  host: RealHost,
  options: { url?: string } = {},
): Promise<TestPortal> {
  const standIns = new StandInControllers(host.admin);
  const token = await grantWatchingPortal(host);
  const portal = await startTestPortal(
    {
      ...host.hostClusterConfig(token),
      ...(options.url && { url: options.url }),
    },
    // a tenant's retries an hour away: only a watch event makes a pass
    { watch: true, backoff: { baseMs: 3_600_000, maxMs: 3_600_000 } },
  );
  await portal.tenants.create(admin, {
    name: WATCHED_TENANT,
    owner: 'group:default/ml-team-alpha',
    profile: 'small',
    templateVersion: 'kuberay@1.0.0',
    isolation: 'namespace',
    hostCluster: 'real',
  });
  await passUntil(
    portal,
    standIns,
    async () => (await portal.tenant(WATCHED_TENANT))?.phase === 'Ready',
    `tenant ${WATCHED_TENANT} Ready`,
  );
  return portal;
}

/** A real host, the proxy in front of it, and a watching portal behind that. */
export interface WatchingSetup {
  host: RealHost;
  proxy: SeverableProxy;
  portal: TestPortal;
}

/**
 * Starts a real host (with or without the API server's watch cache), a
 * {@link SeverableProxy} in front of it and {@link startWatchingPortal}
 * behind that before the suite's tests, and stops them after. The
 * answered object holds them once started.
 */
export function watchingSetup(
  hostOptions: { watchCache?: boolean } = {},
): WatchingSetup {
  const setup = {} as WatchingSetup;
  beforeAll(async () => {
    setup.host = await startRealHost({
      deliveryController: 'flux',
      ...hostOptions,
    });
    setup.proxy = await startSeverableProxy(setup.host.plane.url);
    setup.portal = await startWatchingPortal(setup.host, {
      url: setup.proxy.url,
    });
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await setup.portal?.stop();
    await setup.proxy?.close();
    await setup.host?.stop();
  });
  return setup;
}

/** The API path of one of the watched tenant's NetworkPolicies. */
export async function aManagedNetworkPolicy(host: RealHost): Promise<string> {
  const namespace = tenantNamespace(WATCHED_TENANT);
  const collection = `/apis/networking.k8s.io/v1/namespaces/${namespace}/networkpolicies`;
  const { items } = await host.admin.getJson<{
    items: Array<{ metadata: { name: string } }>;
  }>(collection);
  if (items.length === 0) {
    throw new Error(`no NetworkPolicy in ${namespace}`);
  }
  return `${collection}/${items[0].metadata.name}`;
}

/** What happened around a NetworkPolicy deleted while the portal was cut off. */
export interface CutOffDeletion {
  /** The store's resourceVersion just before the deletion. */
  beforeDeletion: number;
  /** The portal's requests from the severing on. */
  requests: AuditEvent[];
  /** From reconnecting to the NetworkPolicy applied again. */
  repairMs: number;
}

/**
 * Severs the portal's connections (its open WATCHes with them), deletes a
 * managed NetworkPolicy and runs `meanwhile` while it is cut off,
 * reconnects, waits until the policy is applied again, then until the
 * portal's requests since the severing show its NetworkPolicy watch
 * `resumed` (by default: a WATCH of NetworkPolicies opened). The repair
 * may come before that watch: while a kind's informer is down, a pass
 * that another kind's event starts applies that kind's objects unjudged.
 */
export async function deleteWhileCutOff(
  host: RealHost,
  proxy: SeverableProxy,
  meanwhile: () => Promise<unknown> = async () => {},
  resumed: (requests: AuditEvent[]) => boolean = requests =>
    watchesOpened(requests, 'networkpolicies').length > 0,
): Promise<CutOffDeletion> {
  const path = await aManagedNetworkPolicy(host);
  const from = host.audit(WATCHING_USER).length;
  if (proxy.sever() === 0) {
    throw new Error('the portal had no connection open to sever');
  }
  const before = await host.admin.getJson<{
    metadata: { resourceVersion: string };
  }>(`${path.slice(0, path.lastIndexOf('/'))}?limit=1`);
  await host.admin.send('DELETE', path);
  await meanwhile();
  const reconnected = performance.now();
  proxy.reconnect();
  await waitFor(
    async () => (await host.admin.request('GET', path)).status === 200,
    'the NetworkPolicy applied again',
    PATIENCE,
  );
  const repairMs = performance.now() - reconnected;
  await waitFor(
    async () => resumed(host.audit(WATCHING_USER).slice(from)),
    'the NetworkPolicy watch resumed',
    PATIENCE,
  );
  return {
    beforeDeletion: Number(before.metadata.resourceVersion),
    requests: host.audit(WATCHING_USER).slice(from),
    repairMs,
  };
}
