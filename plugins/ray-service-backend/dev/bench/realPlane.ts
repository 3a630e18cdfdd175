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

/*
 * Part of `yarn bench:reconcile`: the same comparison of a polling and a
 * watching reconcile loop as on kube-sim (watchVsPoll.ts), on a real
 * kube-apiserver and etcd (packages/kube-control-plane) holding
 * BENCH_REAL_TENANTS tenants (default 1,000; half vcluster, half namespace
 * isolation, with network policies). The portal is the generated
 * least-privilege ServiceAccount (with `watch`); its requests are counted
 * from the API server's audit log. No Flux or Volcano runs there: stand-ins
 * do their part as the cluster admin, only while the benchmark provisions
 * or creates tenants, so that nothing but the portal's own requests moves
 * at rest.
 */

import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  AuditEvent,
  controlPlaneAvailability,
} from '@ray-service/kube-control-plane';
import { HostClusterClients } from '../../src/kubernetes/HostClusterClients';
import { HostClusterProbe } from '../../src/hostClusters/HostClusterProbe';
import { ReconcileLoop } from '../../src/provisioning/loop/ReconcileLoop';
import { PlanInputs } from '../../src/provisioning/planInputs';
import {
  RealHost,
  startRealHost,
} from '../../src/realKubernetes/__testUtils__/realHost';
import { StandInControllers } from '../../src/realKubernetes/__testUtils__/standInControllers';
import {
  grantWatchingPortal,
  WATCHING_USER,
} from '../../src/realKubernetes/__testUtils__/watchingGrant';
import {
  DEFAULT_INSTANCE,
  FLUX_HELM_API_VERSION,
  TENANT_LABEL,
} from '../../src/vocabulary';
import { benchStore, benchTenant } from './benchStore';
import { provisionAll } from './rounds';
import { BenchHosts, compareModes, HostRequest } from './watchVsPoll';

const TENANTS = Number(process.env.BENCH_REAL_TENANTS ?? 1000);
const CLUSTER = 'real';
const HOUR_MS = 3_600_000;
const PROVISIONING_LIMIT_MS = 30 * 60_000;
const BOTH_STAND_INS = { delivery: true, volcano: true };

/** A request as the audit log has it: a WATCH once, when it opened. */
const asHostRequest = (event: AuditEvent): HostRequest[] =>
  event.verb === 'watch' && event.stage !== 'ResponseStarted'
    ? []
    : [
        {
          verb: event.verb,
          namespace: event.objectRef?.namespace,
          name: event.objectRef?.name,
        },
      ];

function realHosts(host: RealHost, standIns: StandInControllers): BenchHosts {
  const policies = (namespace: string) =>
    `/apis/networking.k8s.io/v1/namespaces/${namespace}/networkpolicies`;
  let from = 0;
  return {
    resetRequests() {
      from = host.audit(WATCHING_USER).length;
    },
    requests: async () =>
      host.audit(WATCHING_USER).slice(from).flatMap(asHostRequest),
    async setReleaseSuspended(_cluster, tenant, suspend) {
      const { items } = await host.admin.getJson<{
        items: Array<{ metadata: { name: string; namespace: string } }>;
      }>(
        `/apis/${FLUX_HELM_API_VERSION}/helmreleases?labelSelector=${encodeURIComponent(
          `${TENANT_LABEL}=${tenant}`,
        )}`,
      );
      const { name, namespace } = items[0].metadata;
      await host.admin.send(
        'PATCH',
        `/apis/${FLUX_HELM_API_VERSION}/namespaces/${namespace}/helmreleases/${name}`,
        {
          body: JSON.stringify({ spec: { suspend } }),
          contentType: 'application/merge-patch+json',
        },
      );
    },
    async aNetworkPolicy(_cluster, namespace) {
      const { items } = await host.admin.getJson<{
        items: Array<{ metadata: { name: string } }>;
      }>(policies(namespace));
      return items[0].metadata.name;
    },
    async deleteNetworkPolicy(_cluster, namespace, name) {
      await host.admin.send('DELETE', `${policies(namespace)}/${name}`);
    },
    hasNetworkPolicy: async (_cluster, namespace, name) =>
      (await host.admin.request('GET', `${policies(namespace)}/${name}`))
        .status === 200,
    async whileControllersAct(tenants, work) {
      let done = false;
      const acting = (async () => {
        while (!done) {
          await standIns.act({ ...BOTH_STAND_INS, tenants });
          await new Promise(resolve => setTimeout(resolve, 100));
        }
      })();
      try {
        return await work();
      } finally {
        done = true;
        await acting;
      }
    },
  };
}

/** The comparison on a real control plane; skipped (with a message) when it is not built. */
export async function realPlaneBench(logger: LoggerService) {
  const availability = controlPlaneAvailability();
  if (!availability.available) {
    if (availability.required) {
      throw new Error(
        `the real control plane is required: ${availability.message}`,
      );
    }
    console.log(`\nReal control plane skipped: ${availability.message}.`);
    return;
  }
  console.log(
    `\nA real control plane (kube-apiserver and etcd, ${TENANTS} tenants, half vcluster, half namespace isolation, with network policies):`,
  );
  const host = await startRealHost({ deliveryController: 'flux' });
  const { knex, store } = await benchStore(TENANTS, () => CLUSTER, {
    networkPolicies: true,
  });
  const clients = new HostClusterClients(
    [host.hostClusterConfig(await grantWatchingPortal(host), CLUSTER)],
    30_000,
  );
  const hostClusters = new HostClusterProbe(clients, {
    supportMatrix: { min: '1.29', max: '1.34' },
    preflightMaxAgeMs: HOUR_MS,
  });
  const planInputs = new PlanInputs({
    store,
    hostClusters,
    instance: DEFAULT_INSTANCE,
  });
  const loop = new ReconcileLoop(
    { store, clients, hostClusters, planInputs, logger },
    { instance: DEFAULT_INSTANCE, requeueMs: HOUR_MS },
  );
  const standIns = new StandInControllers(host.admin);
  try {
    console.log(
      'Provisioning, round after round (the stand-ins act between rounds):',
    );
    await provisionAll(loop, TENANTS, {
      betweenRounds: () => standIns.act(BOTH_STAND_INS),
      limitMs: PROVISIONING_LIMIT_MS,
    });
    await loop.stop();
    await compareModes({
      hosts: realHosts(host, standIns),
      title: `one real API server with ${TENANTS} tenants`,
      names: [CLUSTER],
      store,
      clients,
      hostClusters,
      planInputs,
      logger,
      stuck: { name: benchTenant(1), cluster: 0 },
      repairable: Array.from({ length: 20 }, (_, i) => ({
        name: benchTenant((i * 37) % TENANTS),
        cluster: 0,
      })),
    });
  } finally {
    await loop.stop();
    await host.stop();
    await knex.destroy();
  }
}
