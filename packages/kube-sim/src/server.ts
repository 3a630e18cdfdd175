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

import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { SimCluster } from './cluster';
import type { ClusterObjects } from './cluster/objects';
import type { ControllerSettings } from './cluster/options';
import { errorResponse, SimResponse } from './cluster/responses';
import { Controllers, VClusterHandle, VClusterHost } from './controllers';
import { ApiError, statusBody } from './errors';
import { FaultRule, Faults, RequestFacts, Stats } from './faults';
import { kubeconfigYaml } from './kubeconfig';
import { DEFAULT_RAY_TIMINGS, RayHeads } from './ray/heads';
import { emptySeed, makeNode, rayCrds, Seed, wellEquippedSeed } from './seeds';
import { findConformanceDir } from './seeds/crds';
import { parseLabelSelector, LabelSelector } from './selectors';
import { ProxyAnswer, proxyToService } from './serviceProxy';
import { tlsMaterialFor } from './tls';
import {
  KubeSim,
  KubeSimOptions,
  ListFilter,
  ObjectStoreView,
  VClusterInfo,
} from './types';
import { clone, KubeObject, randomToken } from './util';

const DEFAULTS = {
  host: '127.0.0.1',
  kubernetesVersion: 'v1.31.4',
  readyDelayMs: 1500,
  namespaceFinalizeDelayMs: 500,
};

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function isLoopback(addr: string | undefined): boolean {
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, r: SimResponse) {
  const body = Buffer.from(r.body, 'utf8');
  res.writeHead(r.status, {
    'Content-Type': r.contentType ?? 'application/json',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache, private',
    ...(r.headers ?? {}),
  });
  res.end(body);
}

function sendProxied(res: ServerResponse, answer: ProxyAnswer) {
  res.writeHead(answer.status, {
    ...answer.headers,
    'Content-Length': answer.body.length,
  });
  res.end(answer.body);
}

/** `KUBE_SIM_RAY_DASHBOARD_URL` (and `KUBE_SIM_RAY_DASHBOARD_TOKEN`), if set. */
function envRayDashboard() {
  const url = process.env.KUBE_SIM_RAY_DASHBOARD_URL;
  return url
    ? { url, token: process.env.KUBE_SIM_RAY_DASHBOARD_TOKEN }
    : undefined;
}

function seedCluster(cluster: ClusterObjects, seed: Seed) {
  for (const c of seed.crds) cluster.putObject(c.crd);
  for (const o of seed.objects) cluster.putObject(o);
}

function storeView(cluster: ClusterObjects): ObjectStoreView {
  const typeOf = (apiVersion: string, kind: string) =>
    cluster.typeFor(apiVersion, kind);
  return {
    get(apiVersion: string, kind: string, a: string | undefined, b?: string) {
      const [ns, name] = b === undefined ? [undefined, a as string] : [a, b];
      const t = typeOf(apiVersion, kind);
      const e = cluster.store.get(t, t.namespaced ? ns ?? 'default' : '', name);
      return e ? clone(e.obj) : undefined;
    },
    list(apiVersion: string, kind: string, filter: ListFilter = {}) {
      const t = typeOf(apiVersion, kind);
      let labelSelector: LabelSelector = [];
      if (typeof filter.labelSelector === 'string')
        labelSelector = parseLabelSelector(filter.labelSelector);
      else if (filter.labelSelector) {
        labelSelector = Object.entries(filter.labelSelector).map(
          ([key, v]) => ({ key, op: 'in' as const, values: [v] }),
        );
      }
      return cluster.store
        .list(t, {
          namespace: t.namespaced ? filter.namespace : undefined,
          labelSelector,
        })
        .entries.map(e => clone(e.obj));
    },
    put(obj: KubeObject) {
      return clone(cluster.putObject(obj));
    },
    delete(
      apiVersion: string,
      kind: string,
      a: string | undefined,
      b?: string,
    ) {
      const [ns, name] = b === undefined ? [undefined, a as string] : [a, b];
      const t = typeOf(apiVersion, kind);
      return cluster.deleteObject(
        apiVersion,
        kind,
        t.namespaced ? ns ?? 'default' : undefined,
        name,
      );
    },
  } as ObjectStoreView;
}

interface VClusterEntry extends VClusterHandle {
  cluster: SimCluster;
  controllers?: Controllers;
}

/**
 * Starts a simulated Kubernetes API server on HTTPS (a test bed like kind or KWOK; production
 * always talks to real clusters).
 */
export async function startKubeSim(
  options: KubeSimOptions = {},
): Promise<KubeSim> {
  const host = options.host ?? DEFAULTS.host;
  const kubernetesVersion =
    options.kubernetesVersion ?? DEFAULTS.kubernetesVersion;
  const settings: ControllerSettings = {
    enabled: options.controllers?.enabled ?? true,
    readyDelayMs: options.controllers?.readyDelayMs ?? DEFAULTS.readyDelayMs,
    namespaceFinalizeDelayMs:
      options.controllers?.namespaceFinalizeDelayMs ??
      DEFAULTS.namespaceFinalizeDelayMs,
  };
  const tls = tlsMaterialFor(host);
  const caData = Buffer.from(tls.caPem, 'utf8').toString('base64');
  const faults = new Faults();
  const stats = new Stats();
  let url = '';
  let address = '';
  const crdDir = options.crdDir ?? findConformanceDir();
  const watchSettings = {
    bookmarkIntervalMs: options.watch?.bookmarkIntervalMs ?? 60_000,
    historySize: options.watch?.historySize ?? 10_000,
  };
  const realDashboard = options.rayDashboard ?? envRayDashboard();
  const rayHeads = new RayHeads(
    { ...DEFAULT_RAY_TIMINGS, ...(options.ray ?? {}) },
    realDashboard,
  );
  const rayDeps = {
    rayHeads,
    rayCrds: () => rayCrds(crdDir),
    rayToken: realDashboard?.token,
  };

  const hostCluster = new SimCluster({
    name: 'host',
    kubernetesVersion,
    controllers: settings,
    serverAddress: () => address,
    watch: watchSettings,
  });
  const seed =
    options.seed === 'well-equipped'
      ? wellEquippedSeed({
          crdDir: crdDir ?? null,
          deliveryController: options.seedDeliveryController,
          kubernetesVersion,
        })
      : emptySeed();
  seedCluster(hostCluster.objects, seed);

  const vclusters = new Map<string, VClusterEntry>();
  const vclusterHost: VClusterHost = {
    caPem: tls.caPem,
    caData,
    ensureVCluster(namespace: string, name: string): VClusterHandle {
      const key = `${namespace}/${name}`;
      const existing = vclusters.get(key);
      if (existing) return existing;
      const prefix = `/_vclusters/${encodeURIComponent(
        namespace,
      )}/${encodeURIComponent(name)}`;
      const cluster = new SimCluster({
        name: `vcluster:${key}`,
        kubernetesVersion,
        controllers: settings,
        serverAddress: () => `${address}`,
        watch: watchSettings,
      });
      seedCluster(cluster.objects, emptySeed());
      const entry: VClusterEntry = {
        namespace,
        name,
        url: `${url}${prefix}`,
        token: randomToken(),
        cluster,
        objects: cluster.objects,
      };
      if (settings.enabled)
        entry.controllers = new Controllers(cluster.objects, settings, rayDeps);
      vclusters.set(key, entry);
      return entry;
    },
    destroyVCluster(namespace: string, name: string) {
      const key = `${namespace}/${name}`;
      const vc = vclusters.get(key);
      if (!vc) return;
      vc.controllers?.stop();
      vc.cluster.stop();
      vclusters.delete(key);
    },
  };
  const hostControllers = settings.enabled
    ? new Controllers(hostCluster.objects, settings, {
        vclusterHost,
        ...rayDeps,
      })
    : undefined;

  const hanging = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = (req.method ?? 'GET').toUpperCase();
    const parsed = new URL(req.url ?? '/', 'https://kube-sim.invalid');
    let rawPath = parsed.pathname;
    let path = parsed.pathname
      .split('/')
      .map(s => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      })
      .join('/');

    if (path === '/_sim' || path.startsWith('/_sim/')) {
      await simEndpoint(req, res, method, path);
      return;
    }

    let cluster = hostCluster;
    let token = options.token;
    let clusterName = 'host';
    if (path.startsWith('/_vclusters/')) {
      const segs = path.split('/');
      const key = `${segs[2]}/${segs[3]}`;
      const vc = vclusters.get(key);
      if (!vc) {
        await readBody(req);
        send(res, {
          status: 404,
          body: JSON.stringify(
            statusBody(404, `vcluster ${key} is not running`, 'NotFound'),
          ),
        });
        return;
      }
      cluster = vc.cluster;
      token = vc.token;
      clusterName = `vcluster:${key}`;
      path = `/${segs.slice(4).join('/')}`;
      rawPath = `/${rawPath.split('/').slice(4).join('/')}`;
    }

    const contentType = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const route = cluster.route(method, path, parsed.searchParams, contentType);
    const facts: RequestFacts = {
      verb: route.verb,
      resource: route.resource,
      subresource: route.subresource,
      group: route.group,
      namespace: route.namespace,
      name: route.name,
      cluster: clusterName,
    };
    const record = (status: number) =>
      stats.record({
        verb: facts.verb,
        resource: facts.resource,
        group: facts.group,
        ...(facts.namespace !== undefined
          ? { namespace: facts.namespace }
          : {}),
        ...(facts.name !== undefined ? { name: facts.name } : {}),
        ...(facts.subresource !== undefined
          ? { subresource: facts.subresource }
          : {}),
        status,
        cluster: clusterName,
      });

    const body = await readBody(req);
    if (token && req.headers.authorization !== `Bearer ${token}`) {
      record(401);
      send(res, {
        status: 401,
        body: JSON.stringify(statusBody(401, 'Unauthorized', 'Unauthorized')),
      });
      return;
    }

    const fault = faults.decide(facts);
    if (fault) {
      if (fault.latencyMs > 0)
        await new Promise(r => setTimeout(r, fault.latencyMs));
      if (fault.hang) {
        record(0);
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (fault.status !== undefined) {
        const code = fault.status;
        const err = new ApiError(
          code,
          fault.message ??
            defaultFaultMessage(code, route.resource, route.name),
          {
            headers:
              code === 429 || code === 503 ? { 'Retry-After': '1' } : undefined,
            details: {
              ...(route.name ? { name: route.name } : {}),
              ...(route.group ? { group: route.group } : {}),
              ...(route.resource ? { kind: route.resource } : {}),
              ...(code === 429 ? { retryAfterSeconds: 1 } : {}),
            },
          },
        );
        record(code);
        send(res, errorResponse(err));
        return;
      }
    }
    if (route.kind === 'proxy') {
      const answer = await proxyToService(cluster.objects, rayHeads, {
        method,
        namespace: route.namespace!,
        id: route.name!,
        path: rawPath.replace(
          /^\/api\/v1\/namespaces\/[^/]+\/services\/[^/]+\/proxy/,
          '',
        ),
        query: parsed.search.replace(/^\?/, ''),
        headers: req.headers,
        body,
        requestPath: parsed.pathname,
        clientAddress: req.socket.remoteAddress,
        apiHost: address,
      });
      record(answer.status);
      sendProxied(res, answer);
      return;
    }
    if (route.kind === 'resource' && route.verb === 'watch') {
      try {
        cluster.watch(route, res);
        record(200);
      } catch (e) {
        const r = errorResponse(e);
        record(r.status);
        send(res, r);
      }
      return;
    }
    const resp = cluster.handle(route, method, body, req.headers);
    record(resp.status);
    send(res, resp);
  }

  async function simEndpoint(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
  ) {
    const body = await readBody(req);
    if (!isLoopback(req.socket.remoteAddress)) {
      send(res, {
        status: 403,
        body: JSON.stringify(
          statusBody(
            403,
            '/_sim is only served to loopback clients',
            'Forbidden',
          ),
        ),
      });
      return;
    }
    try {
      if (path === '/_sim/faults' && method === 'POST') {
        const rule = JSON.parse(body.toString('utf8') || '{}') as FaultRule;
        send(res, {
          status: 201,
          body: JSON.stringify({ id: faults.add(rule) }),
        });
      } else if (path === '/_sim/faults' && method === 'DELETE') {
        const n = faults.list().length;
        faults.clear();
        send(res, { status: 200, body: JSON.stringify({ cleared: n }) });
      } else if (path === '/_sim/faults' && method === 'GET') {
        send(res, {
          status: 200,
          body: JSON.stringify({ rules: faults.list() }),
        });
      } else if (path.startsWith('/_sim/faults/') && method === 'DELETE') {
        faults.remove(path.slice('/_sim/faults/'.length));
        send(res, { status: 200, body: '{}' });
      } else if (path === '/_sim/stats' && method === 'GET') {
        send(res, {
          status: 200,
          body: JSON.stringify({ requests: stats.requests }),
        });
      } else if (path === '/_sim/stats' && method === 'DELETE') {
        stats.reset();
        send(res, { status: 200, body: '{}' });
      } else {
        send(res, {
          status: 404,
          body: JSON.stringify(
            statusBody(404, `no such endpoint: ${method} ${path}`, 'NotFound'),
          ),
        });
      }
    } catch (e) {
      send(res, {
        status: 400,
        body: JSON.stringify(
          statusBody(400, (e as Error).message, 'BadRequest'),
        ),
      });
    }
  }

  const server = https.createServer(
    { key: tls.keyPem, cert: tls.certPem, ca: tls.caPem },
    (req, res) => {
      handle(req, res).catch(e => {
        if (!res.headersSent) send(res, errorResponse(e));
        else res.destroy();
      });
    },
  );
  // @kubernetes/client-node 2.x opens a new connection (a new undici Agent) for every request
  // and never reuses it; a short keep-alive lets those idle sockets go quickly.
  server.keepAliveTimeout = 5_000;
  // Every TCP connection, also one still in its TLS handshake (which the
  // HTTP server's closeAllConnections does not know yet): stop ends them all.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  address = `${displayHost(host)}:${port}`;
  url = `https://${address}`;

  const allClusters = () => [
    hostCluster,
    ...[...vclusters.values()].map(vc => vc.cluster),
  ];

  const vclusterInfo = (vc: VClusterEntry): VClusterInfo => ({
    namespace: vc.namespace,
    name: vc.name,
    url: vc.url,
    token: vc.token,
    kubeconfig: () =>
      kubeconfigYaml({
        server: vc.url,
        caData,
        token: vc.token,
        name: `vcluster_${vc.name}_${vc.namespace}`,
      }),
    objects: storeView(vc.objects),
  });

  let stopped = false;
  const sim: KubeSim = {
    url,
    caData,
    caPem: tls.caPem,
    token: options.token,
    kubeconfig: () =>
      kubeconfigYaml({ server: url, caData, token: options.token }),
    objects: storeView(hostCluster.objects),
    faults,
    stats,
    watches: {
      count: () => allClusters().reduce((n, c) => n + c.watches.count, 0),
      disconnectAll() {
        for (const c of allClusters()) c.watches.disconnectAll();
      },
    },
    compact() {
      for (const c of allClusters()) c.watches.history.compact();
    },
    ray: {
      advance: (ms: number) => rayHeads.clock.advance(ms),
      now: () => rayHeads.clock.now(),
    },
    addNode(node: KubeObject) {
      const name = node.metadata?.name;
      if (!name) throw new Error('kube-sim: addNode needs metadata.name');
      const base = makeNode({
        name,
        cpu: '4',
        memory: '16Gi',
        kubernetesVersion,
      });
      const status = { ...base.status, ...(node.status ?? {}) };
      if (node.status?.allocatable && !node.status?.capacity)
        status.capacity = { ...node.status.allocatable };
      if (node.status?.capacity && !node.status?.allocatable)
        status.allocatable = { ...node.status.capacity };
      const merged = {
        ...base,
        ...node,
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          ...base.metadata,
          ...node.metadata,
          labels: { ...base.metadata.labels, ...(node.metadata?.labels ?? {}) },
        },
        status,
      };
      return clone(hostCluster.objects.putObject(merged));
    },
    vcluster(namespace: string, name: string) {
      const vc = vclusters.get(`${namespace}/${name}`);
      return vc ? vclusterInfo(vc) : undefined;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      hostControllers?.stop();
      for (const vc of [...vclusters.values()])
        vclusterHost.destroyVCluster(vc.namespace, vc.name);
      hostCluster.stop();
      rayHeads.stop();
      for (const res of hanging) res.socket?.destroy();
      hanging.clear();
      await new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
    },
  };
  return sim;
}

function defaultFaultMessage(
  code: number,
  resource: string,
  name?: string,
): string {
  switch (code) {
    case 429:
      return 'Too many requests, please try again later.';
    case 409:
      return `Operation cannot be fulfilled on ${resource}${
        name ? ` "${name}"` : ''
      }: the object has been modified; please apply your changes to the latest version and try again`;
    case 503:
      return 'The server is currently unable to handle the request';
    case 500:
      return 'Internal error occurred: injected by kube-sim';
    default:
      return `injected fault (${code}) by kube-sim`;
  }
}
