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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kubeconfigYaml } from '@ray-service/kube-sim';
import { Binary, binaryPath, controlPlaneAvailability } from './binaries';
import { Credentials, writeCredentials } from './credentials';
import { KubeHttpClient } from './kubeHttp';
import { freeLoopbackPorts } from './ports';
import { ManagedProcess } from './processes';
import { applySeed, hostSeed, HostSeedOptions } from './seed';
import { AuditEvent, auditArgs, readAuditLog } from './audit';
import { waitFor } from './waitFor';
import { compactEtcd } from './etcd';

export interface ControlPlaneOptions extends HostSeedOptions {
  /** Where etcd, kube-apiserver and kube-controller-manager are (default: controlPlaneBinDir()). */
  binDir?: string;
  /** Limit of the whole start, seeding included (default 3 minutes: a shared CI machine is slow). */
  timeoutMs?: number;
  /** Called with a line of progress at each step of the start (the CLI prints them). */
  log?: (message: string) => void;
  /**
   * Keep an audit log of the clients' requests (not the control plane's
   * own), read with `auditEvents()`; default false.
   */
  audit?: boolean;
  /**
   * The API server's watch cache; default true. Without it every WATCH is
   * served by etcd itself, so that compacting etcd past a watch's
   * resourceVersion answers it `410 Gone` at once (with the cache, the
   * cache keeps serving old versions until its window moves on).
   */
  watchCache?: boolean;
}

export interface ControlPlane {
  /** `https://127.0.0.1:<port>` */
  url: string;
  /** Base64 of the CA's PEM, as in a kubeconfig's `certificate-authority-data`. */
  caData: string;
  /** Bearer token of a user in `system:masters`. */
  adminToken: string;
  /** etcd's client URL (`http://127.0.0.1:<port>`), e.g. for its v3 HTTP gateway. */
  etcdUrl: string;
  /**
   * Compacts etcd's history up to its current revision, as the API server
   * does every few minutes: a WATCH from an older resourceVersion is then
   * `410 Gone` (at once without the watch cache). Resolves with that revision.
   */
  compactEtcd(): Promise<number>;
  /** The folder with the certificates, etcd's data and the processes' logs (removed by stop()). */
  dir: string;
  /** A kubeconfig for the admin user, optionally with a default namespace. */
  kubeconfig(options?: { namespace?: string }): string;
  /** The API server's Prometheus metrics (e.g. `apiserver_request_total{verb,resource,...}`). */
  metrics(): Promise<string>;
  /** With `audit: true`: every request of a client so far, oldest first; else none. */
  auditEvents(): AuditEvent[];
  /** Stops the processes this control plane started and removes its folder. */
  stop(): Promise<void>;
}

function etcdArgs(dir: string, clientPort: number, peerPort: number) {
  const client = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  return [
    `--data-dir=${path.join(dir, 'etcd')}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=default=${peer}`,
    // a throw-away store: fsync only slows tests down
    '--unsafe-no-fsync',
    '--log-level=warn',
  ];
}

function apiServerArgs(
  dir: string,
  port: number,
  etcdPort: number,
  { files }: Credentials,
) {
  return [
    `--etcd-servers=http://127.0.0.1:${etcdPort}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${port}`,
    `--cert-dir=${path.join(dir, 'apiserver-certs')}`,
    `--tls-cert-file=${files.servingCert}`,
    `--tls-private-key-file=${files.servingKey}`,
    `--token-auth-file=${files.tokens}`,
    '--authorization-mode=RBAC',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${files.serviceAccountPublicKey}`,
    `--service-account-signing-key-file=${files.serviceAccountKey}`,
    '--service-cluster-ip-range=10.96.0.0/16',
    // the endpoints of the `kubernetes` Service must not be a loopback address
    '--endpoint-reconciler-type=none',
    '--allow-privileged=true',
    // it taints every new node not-ready until the node-lifecycle controller sees a kubelet's
    // Ready; there is no kubelet, and that controller is off (see controllerManagerArgs)
    '--disable-admission-plugins=TaintNodesByCondition',
    '--profiling=false',
  ];
}

function controllerManagerArgs({ files }: Credentials) {
  return [
    `--kubeconfig=${files.controllerManagerKubeconfig}`,
    // no HTTPS endpoint: nothing scrapes it, and it saves a port
    '--secure-port=0',
    '--leader-elect=false',
    '--use-service-account-credentials=true',
    `--service-account-private-key-file=${files.serviceAccountKey}`,
    `--root-ca-file=${files.caCert}`,
    // without kubelets every node would turn NotReady and get tainted unreachable
    '--controllers=*,-node-lifecycle-controller',
  ];
}

/**
 * Starts etcd, kube-apiserver (RBAC, static tokens) and kube-controller-manager on free
 * loopback ports in a fresh temp dir, waits until the API server is ready and the controller
 * manager works (the `default` ServiceAccount exists), and applies the host seed. There is no
 * kubelet and no scheduler: pods stay Pending.
 */
export async function startControlPlane(
  options: ControlPlaneOptions = {},
): Promise<ControlPlane> {
  const availability = controlPlaneAvailability(process.env, options.binDir);
  if (!availability.available) throw new Error(availability.message);
  const bin = (name: Binary) => binaryPath(name, availability.binDir);
  const timeoutMs = options.timeoutMs ?? 180_000;
  const started = Date.now();
  const log = (step: string) =>
    options.log?.(`${step} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const deadline = Date.now() + timeoutMs;
  const remaining = () => Math.max(deadline - Date.now(), 1);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-control-plane-'));
  const processes: ManagedProcess[] = [];
  let client: KubeHttpClient | undefined;
  const stop = async () => {
    client?.close();
    for (const p of [...processes].reverse()) await p.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const assertRunning = () => processes.forEach(p => p.assertRunning());

  try {
    const [etcdPort, etcdPeerPort, apiPort] = await freeLoopbackPorts(3);
    const url = `https://127.0.0.1:${apiPort}`;
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const credentials = writeCredentials(dir, url);
    client = new KubeHttpClient(url, credentials.caPem, credentials.adminToken);
    const api = client;

    processes.push(
      new ManagedProcess(
        'etcd',
        bin('etcd'),
        etcdArgs(dir, etcdPort, etcdPeerPort),
        dir,
      ),
      new ManagedProcess(
        'kube-apiserver',
        bin('kube-apiserver'),
        [
          ...apiServerArgs(dir, apiPort, etcdPort, credentials),
          ...(options.audit ? auditArgs(dir) : []),
          ...(options.watchCache === false ? ['--watch-cache=false'] : []),
        ],
        dir,
      ),
    );
    await waitFor(
      async () =>
        (await api.request('GET', '/readyz', { timeoutMs: 5_000 })).status ===
          200 || undefined,
      {
        description: `${url}/readyz`,
        timeoutMs: remaining(),
        abortIf: assertRunning,
      },
    );
    log(`kube-apiserver ready at ${url}`);
    processes.push(
      new ManagedProcess(
        'kube-controller-manager',
        bin('kube-controller-manager'),
        controllerManagerArgs(credentials),
        dir,
      ),
    );
    const seed = hostSeed(options);
    await applySeed(api, seed, remaining());
    log(
      `seeded ${seed.crds.length} CRDs (Established) and ${seed.objects.length} objects`,
    );
    await waitFor(
      async () =>
        (
          await api.request(
            'GET',
            '/api/v1/namespaces/default/serviceaccounts/default',
          )
        ).status === 200 || undefined,
      {
        description:
          'the controller manager to create the default ServiceAccount',
        timeoutMs: remaining(),
        abortIf: assertRunning,
      },
    );
    log('controller manager working: the default ServiceAccount exists');

    const caData = Buffer.from(credentials.caPem).toString('base64');
    return {
      url,
      caData,
      adminToken: credentials.adminToken,
      etcdUrl,
      compactEtcd: () => compactEtcd(etcdUrl),
      dir,
      kubeconfig: ({ namespace } = {}) =>
        kubeconfigYaml({
          server: url,
          caData,
          token: credentials.adminToken,
          name: 'kube-control-plane',
          namespace,
        }),
      metrics: () => api.send('GET', '/metrics'),
      auditEvents: () => readAuditLog(dir),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
