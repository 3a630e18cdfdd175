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

import type { ResourceType } from './registry';
import { isPlainObject, KubeObject } from './util';

let nextClusterIp = 1;

/** Defaulting the API server does for some built-in kinds. */
export function defaultBuiltin(
  rt: ResourceType,
  obj: KubeObject,
  old: KubeObject | undefined,
) {
  if (rt.crdName) return;
  switch (`${rt.group}/${rt.resource}`) {
    case '/namespaces':
      obj.spec = { finalizers: ['kubernetes'], ...(obj.spec ?? {}) };
      obj.metadata.labels = {
        ...(obj.metadata.labels ?? {}),
        'kubernetes.io/metadata.name': obj.metadata.name,
      };
      if (!obj.status?.phase)
        obj.status = {
          ...(obj.status ?? {}),
          phase: obj.metadata.deletionTimestamp ? 'Terminating' : 'Active',
        };
      break;
    case '/services': {
      const spec = (obj.spec = obj.spec ?? {});
      spec.type = spec.type ?? 'ClusterIP';
      if (spec.type !== 'ExternalName' && !spec.clusterIP) {
        const ip =
          old?.spec?.clusterIP ??
          `10.96.${Math.floor(nextClusterIp / 250) % 250}.${
            (nextClusterIp % 250) + 1
          }`;
        if (!old?.spec?.clusterIP) nextClusterIp++;
        spec.clusterIP = ip;
        spec.clusterIPs = [ip];
      }
      spec.sessionAffinity = spec.sessionAffinity ?? 'None';
      for (const p of spec.ports ?? []) {
        p.protocol = p.protocol ?? 'TCP';
        if (p.targetPort === undefined) p.targetPort = p.port;
      }
      obj.status = obj.status ?? { loadBalancer: {} };
      break;
    }
    case '/secrets':
      obj.type = obj.type ?? 'Opaque';
      if (isPlainObject(obj.stringData)) {
        obj.data = { ...(obj.data ?? {}) };
        for (const [k, v] of Object.entries(obj.stringData))
          obj.data[k] = Buffer.from(String(v), 'utf8').toString('base64');
        delete obj.stringData;
      }
      break;
    case 'apps/deployments':
    case 'apps/statefulsets':
    case 'apps/replicasets':
      if (obj.spec && obj.spec.replicas === undefined) obj.spec.replicas = 1;
      break;
    case '/pods':
      if (!obj.status?.phase)
        obj.status = { ...(obj.status ?? {}), phase: 'Pending' };
      break;
    case '/persistentvolumeclaims':
      if (!obj.status?.phase)
        obj.status = { ...(obj.status ?? {}), phase: 'Pending' };
      break;
    default:
  }
}
