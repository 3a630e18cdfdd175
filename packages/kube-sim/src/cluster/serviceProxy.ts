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

import { ApiError, badRequest, notFound } from '../errors';
import type { KubeObject } from '../util';
import { serviceEndpoints } from './endpoints';
import type { ClusterObjects } from './objects';

/*
 * Where kube-apiserver's service proxy subresource sends a request
 * (`/api/v1/namespaces/{ns}/services/{id}/proxy/{path}`; pkg/registry/core/service/storage
 * ResourceLocation, checked against its source): `id` is `name`, `name:port` or
 * `scheme:name:port`, the port a Service port name or number. A port number is first looked
 * up in the Service (404 without it, 503 `no service port N found`); then the Endpoints
 * (404 `endpoints "x" not found` when there are none: no Service, or one without a selector),
 * 503 `no endpoints available for service "name"` when they have no address at all, and
 * 503 `… "id"` when no ready address has the port. An empty port matches only an unnamed
 * Service port. kube-sim computes the Endpoints from the pods, as the endpoints controller
 * does.
 */

export interface ProxyTarget {
  service: KubeObject;
  pod: KubeObject;
  /** The pod's port the request goes to (the Service port's target). */
  port: number;
  scheme: 'http' | 'https';
}

/** `utilnet.SplitSchemeNamePort`. */
export function splitSchemeNamePort(
  id: string,
): { scheme: string; name: string; port: string } | undefined {
  const parts = id.split(':');
  if (parts.length > 3) return undefined;
  const [scheme, name, port] = parts.length === 3 ? parts : ['', ...parts];
  if (!name || (scheme && scheme !== 'http' && scheme !== 'https'))
    return undefined;
  return { scheme, name, port: port ?? '' };
}

function serviceUnavailable(message: string): ApiError {
  return new ApiError(503, message, { reason: 'ServiceUnavailable' });
}

/** The container port a Service port's `targetPort` names (or is). */
function targetPort(
  servicePort: KubeObject,
  pod: KubeObject,
): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(String(target))) return Number(target);
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? [])
      if (p.name === target) return Number(p.containerPort);
  return undefined;
}

/** Resolves a proxy request to a pod and port, or throws the API server's error. */
export function resolveServiceProxy(
  objects: ClusterObjects,
  namespace: string,
  id: string,
): ProxyTarget {
  const parsed = splitSchemeNamePort(id);
  if (!parsed) throw badRequest(`invalid service request "${id}"`);
  const { name } = parsed;
  let portName = parsed.port;
  const service = objects.getObject('v1', 'Service', namespace, name);
  if (/^\d+$/.test(portName)) {
    if (!service) throw notFound('services', name);
    const byNumber = (service.spec?.ports ?? []).find(
      (p: KubeObject) => String(p.port) === portName,
    );
    if (!byNumber)
      throw serviceUnavailable(
        `no service port ${portName} found for service "${name}"`,
      );
    portName = byNumber.name ?? '';
  }
  const endpoints = service ? serviceEndpoints(objects, service) : undefined;
  if (!service || !endpoints) throw notFound('endpoints', name);
  if (!endpoints.ready.length && !endpoints.notReady.length)
    throw serviceUnavailable(`no endpoints available for service "${name}"`);
  const servicePort = (service.spec?.ports ?? []).find(
    (p: KubeObject) => (p.name ?? '') === portName,
  );
  for (const pod of servicePort ? endpoints.ready : []) {
    const port = targetPort(servicePort, pod);
    if (port !== undefined)
      return {
        service,
        pod,
        port,
        scheme: parsed.scheme === 'https' ? 'https' : 'http',
      };
  }
  throw serviceUnavailable(`no endpoints available for service "${id}"`);
}
