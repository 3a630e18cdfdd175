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

import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { ClusterObjects } from './cluster/objects';
import { errorResponse } from './cluster/responses';
import { resolveServiceProxy } from './cluster/serviceProxy';
import {
  CREATED_BY_LABEL,
  KUBERAY_OPERATOR,
  RAY_CLUSTER_LABEL,
  RAY_NODE_TYPE_LABEL,
} from './controllers/kuberay/names';
import {
  VCLUSTER_MANAGED_BY_LABEL,
  VCLUSTER_OBJECT_NAMESPACE_ANNOTATION,
} from './controllers/vclusterTranslate';
import { ApiError } from './errors';
import { handleDashboard } from './ray/dashboard';
import type { HeadKey, RayHeads } from './ray/heads';
import { httpExchange } from './ray/httpExchange';
import type { KubeObject } from './util';

/*
 * The service proxy subresource as kube-apiserver serves it (pkg/registry/core/service,
 * k8s.io/apimachinery/pkg/util/proxy UpgradeAwareHandler, k8s.io/apiserver/pkg/util/proxy
 * transport.go): the request goes to one ready endpoint of the Service with its path below
 * `/proxy`, the query and every header but `Authorization` (the API server consumed it;
 * `X-Ray-Authorization`, `Origin`, `Sec-Fetch-*` pass), plus `X-Forwarded-*`. `GET …/proxy`
 * without a path is redirected (301) to `…/proxy/`. An endpoint nothing listens on answers
 * 503 `error trying to reach service: dial tcp …: connect: connection refused`.
 *
 * In kube-sim what listens is the dashboard port (8265) of a Ray head pod: the simulated Ray
 * head of its RayCluster (in the host or, for pods vcluster synced, in the vcluster), or the
 * real Ray head kube-sim was given.
 */

export interface ProxyRequest {
  method: string;
  namespace: string;
  /** `name`, `name:port` or `scheme:name:port`. */
  id: string;
  /** The raw path below `/proxy` (empty, or starting with `/`). */
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The full path of the request (for the redirect and X-Forwarded-Uri). */
  requestPath: string;
  clientAddress?: string;
  apiHost: string;
}

export interface ProxyAnswer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
];

/** The RayCluster (and cluster) a Ray head pod belongs to. */
function headOf(clusterName: string, pod: KubeObject): HeadKey | undefined {
  const labels = pod.metadata.labels ?? {};
  if (
    labels[RAY_NODE_TYPE_LABEL] !== 'head' ||
    labels[CREATED_BY_LABEL] !== KUBERAY_OPERATOR
  )
    return undefined;
  const vcluster = labels[VCLUSTER_MANAGED_BY_LABEL];
  return vcluster
    ? {
        cluster: `vcluster:${pod.metadata.namespace}/${vcluster}`,
        namespace:
          pod.metadata.annotations?.[VCLUSTER_OBJECT_NAMESPACE_ANNOTATION],
        name: labels[RAY_CLUSTER_LABEL],
      }
    : {
        cluster: clusterName,
        namespace: pod.metadata.namespace,
        name: labels[RAY_CLUSTER_LABEL],
      };
}

function dashboardPort(pod: KubeObject): number {
  const declared = (pod.spec?.containers?.[0]?.ports ?? []).find(
    (p: KubeObject) => p.name === 'dashboard',
  );
  return Number(declared?.containerPort ?? 8265);
}

function forwardedHeaders(req: ProxyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === 'authorization' || HOP_BY_HOP.includes(k))
      continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  const prefix = req.requestPath.slice(
    0,
    req.requestPath.length - req.path.length,
  );
  out['x-forwarded-uri'] = `${prefix}${req.path}`;
  out['x-forwarded-host'] = req.apiHost;
  out['x-forwarded-proto'] = 'https';
  if (req.clientAddress) out['x-forwarded-for'] = req.clientAddress;
  return out;
}

function apiError(e: ApiError): ProxyAnswer {
  const r = errorResponse(e);
  return {
    status: r.status,
    headers: { 'Content-Type': 'application/json' },
    body: Buffer.from(r.body),
  };
}

function unreachable(why: string): ProxyAnswer {
  return apiError(
    new ApiError(503, `error trying to reach service: ${why}`, {
      reason: 'ServiceUnavailable',
    }),
  );
}

/** Answers a service proxy request. */
export async function proxyToService(
  objects: ClusterObjects,
  rayHeads: RayHeads,
  req: ProxyRequest,
): Promise<ProxyAnswer> {
  let target;
  try {
    target = resolveServiceProxy(objects, req.namespace, req.id);
  } catch (e) {
    if (e instanceof ApiError) return apiError(e);
    throw e;
  }
  if (!req.path && (req.method === 'GET' || req.method === 'HEAD'))
    return {
      status: 301,
      headers: {
        Location: `${req.requestPath}/${req.query ? `?${req.query}` : ''}`,
      },
      body: Buffer.alloc(0),
    };
  const key = headOf(objects.clusterName, target.pod);
  const upstream =
    key && target.port === dashboardPort(target.pod)
      ? rayHeads.upstream(key)
      : undefined;
  const headers = forwardedHeaders(req);
  if (upstream && 'head' in upstream) {
    const answer = handleDashboard(upstream.head, {
      method: req.method,
      path: req.path || '/',
      query: new URLSearchParams(req.query),
      headers,
      body: req.body,
    });
    return {
      status: answer.status,
      headers: {
        ...(answer.contentType ? { 'Content-Type': answer.contentType } : {}),
        ...(answer.headers ?? {}),
      },
      body: Buffer.from(answer.body, 'utf8'),
    };
  }
  if (!upstream)
    return unreachable(
      `dial tcp ${target.pod.status?.podIP}:${target.port}: connect: connection refused`,
    );
  const url = new URL(
    `${req.path || '/'}${req.query ? `?${req.query}` : ''}`,
    upstream.real.url,
  );
  try {
    const res = await httpExchange(url, req.method, headers, req.body);
    const out: OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(res.headers))
      if (v !== undefined && !HOP_BY_HOP.includes(k)) out[k] = v;
    return { status: res.status, headers: out, body: res.body };
  } catch (e) {
    return unreachable((e as Error).message);
  }
}
