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

import type {
  V1LabelSelector,
  V1NetworkPolicyPeer,
  V1NetworkPolicyPort,
} from '@kubernetes/client-node';
import { chartRepositoryPort } from './charts';
import { objectMeta, PlanContext } from './context';
import { networkPolicyName } from '../vocabulary';
import type { PlannedObject } from './types';
import {
  chartsInsideVcluster,
  VCLUSTER_CONTAINER_PORT,
  vclusterApiIngressHost,
  vclusterControlPlaneLabels,
} from './vclusterValues';

/** The ports of a Ray head the outside reaches (GCS 6379, client 10001 stay inside). */
export const RAY_DASHBOARD_PORT = 8265;
export const RAY_SERVE_PORT = 8000;
export const API_SERVER_PORTS = [443, 6443];
export const DNS_PORT = 53;

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
const CLUSTER_DNS = {
  namespace: 'kube-system',
  labels: { 'k8s-app': 'kube-dns' },
};

const ALL_PODS: V1LabelSelector = {};

function namespaceSelector(namespace: string): V1LabelSelector {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } };
}

function tcp(port: number): V1NetworkPolicyPort {
  return { protocol: 'TCP', port };
}

function uniqueSorted(numbers: number[]): number[] {
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** The `to` of an egress rule: the given peers, or anywhere when there are none. */
function destinations(list: V1NetworkPolicyPeer[]) {
  return list.length ? { to: list } : {};
}

/*
 * NetworkPolicy as JSON. client-node's models cannot type a manifest: they
 * call the `from` of an ingress rule `_from`.
 */
interface IngressRule {
  from?: V1NetworkPolicyPeer[];
  ports?: V1NetworkPolicyPort[];
}

interface EgressRule {
  to?: V1NetworkPolicyPeer[];
  ports?: V1NetworkPolicyPort[];
}

export interface NetworkPolicySpec {
  podSelector: V1LabelSelector;
  policyTypes: string[];
  ingress?: IngressRule[];
  egress?: EgressRule[];
}

export type NetworkPolicyManifest = PlannedObject & { spec: NetworkPolicySpec };

interface PolicyDraft {
  purpose: string;
  spec: NetworkPolicySpec;
}

function policy(
  purpose: string,
  podSelector: V1LabelSelector,
  rules: { ingress?: IngressRule[]; egress?: EgressRule[] },
): PolicyDraft {
  const policyTypes = [
    ...(rules.ingress ? ['Ingress'] : []),
    ...(rules.egress ? ['Egress'] : []),
  ];
  return { purpose, spec: { podSelector, policyTypes, ...rules } };
}

/** Nothing in or out unless another policy allows it. */
function denyAll(): PolicyDraft {
  return policy('deny-all', ALL_PODS, { ingress: [], egress: [] });
}

/**
 * Every pod of the tenant may talk to every other on any port: Ray's GCS
 * (6379), dashboard (8265), client (10001), object manager and worker ports,
 * and, in vcluster mode, the synced pods to their vcluster API and CoreDNS.
 * The KubeRay operator (namespace mode: in the namespace; vcluster mode:
 * synced into it) reaches the head's dashboard this way too.
 */
function sameNamespace(): PolicyDraft {
  return policy('same-namespace', ALL_PODS, {
    ingress: [{ from: [{ podSelector: ALL_PODS }] }],
    egress: [{ to: [{ podSelector: ALL_PODS }] }],
  });
}

/** Cluster DNS (CoreDNS is labelled `k8s-app: kube-dns` by kubeadm, k3s, RKE2, EKS, GKE). */
function dns(): PolicyDraft {
  return policy('dns', ALL_PODS, {
    egress: [
      {
        to: [
          {
            namespaceSelector: namespaceSelector(CLUSTER_DNS.namespace),
            podSelector: { matchLabels: { ...CLUSTER_DNS.labels } },
          },
        ],
        ports: [
          { protocol: 'UDP', port: DNS_PORT },
          { protocol: 'TCP', port: DNS_PORT },
        ],
      },
    ],
  });
}

function fromIngressController(ctx: PlanContext): V1NetworkPolicyPeer[] {
  return [
    {
      namespaceSelector: namespaceSelector(ctx.host.ingressControllerNamespace),
    },
  ];
}

/**
 * The ingress controller reaches Ray dashboards and Serve (JupyterHub's proxy
 * also listens on 8000). With `vclusterApiExposure: ingress` it also reaches
 * the vcluster API (8443), in a policy of its own that selects only the
 * control plane pods.
 */
function ingressController(ctx: PlanContext): PolicyDraft[] {
  const result = [
    policy('ingress-controller', ALL_PODS, {
      ingress: [
        {
          from: fromIngressController(ctx),
          ports: [tcp(RAY_DASHBOARD_PORT), tcp(RAY_SERVE_PORT)],
        },
      ],
    }),
  ];
  if (vclusterApiIngressHost(ctx)) {
    result.push(
      policy(
        'ingress-controller-vcluster-api',
        { matchLabels: vclusterControlPlaneLabels(ctx.tenantName) },
        {
          ingress: [
            {
              from: fromIngressController(ctx),
              ports: [tcp(VCLUSTER_CONTAINER_PORT)],
            },
          ],
        },
      ),
    );
  }
  return result;
}

/**
 * The Kubernetes API server, both ways. Out: the vcluster control plane
 * (vcluster mode) or the KubeRay operator and Ray autoscalers (namespace
 * mode) call it. In: the portal reaches the vcluster API (8443) or the Ray
 * dashboard (8265) through the API server's service proxy. A plan cannot
 * know the API server's addresses: with `apiServerCidrs` both directions are
 * limited to them; without, egress on 443/6443 goes anywhere and there is no
 * ingress from the API server.
 */
function apiServer(ctx: PlanContext): PolicyDraft {
  const cidrs: V1NetworkPolicyPeer[] = ctx.host.apiServerCidrs.map(cidr => ({
    ipBlock: { cidr },
  }));
  const vcluster = ctx.isolation === 'vcluster';
  const selector = vcluster
    ? { matchLabels: vclusterControlPlaneLabels(ctx.tenantName) }
    : ALL_PODS;
  const proxiedPort = vcluster ? VCLUSTER_CONTAINER_PORT : RAY_DASHBOARD_PORT;
  return policy('api-server', selector, {
    ...(cidrs.length
      ? { ingress: [{ from: cidrs, ports: [tcp(proxiedPort)] }] }
      : {}),
    egress: [{ ...destinations(cidrs), ports: API_SERVER_PORTS.map(tcp) }],
  });
}

/**
 * vcluster mode: the control plane downloads the charts it installs inside
 * itself (KubeRay, add-ons). Repositories are known by name only, so the
 * egress is limited to the control plane pods and the repositories' ports.
 */
function vclusterCharts(ctx: PlanContext): PolicyDraft {
  const ports = uniqueSorted(
    chartsInsideVcluster(ctx).map(install =>
      chartRepositoryPort(install.chart.repository),
    ),
  );
  return policy(
    'vcluster-charts',
    { matchLabels: vclusterControlPlaneLabels(ctx.tenantName) },
    { egress: [{ ports: ports.map(tcp) }] },
  );
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const BRACKETED_IPV6 = /^\[([0-9a-fA-F:.]+)\]$/;
const SERVICE_HOST = /^[a-z0-9-]+\.([a-z0-9-]+)\.svc(\.[a-z0-9.-]+)?$/;

/**
 * Where a `host:port` Redis is, as a NetworkPolicy peer: an IP address, the
 * namespace of a `<service>.<namespace>.svc` name, or unknown (an external
 * DNS name), in which case only the port restricts the egress.
 */
export function redisDestination(address: string): {
  peer?: V1NetworkPolicyPeer;
  port: number;
} {
  const colon = address.lastIndexOf(':');
  const host = address.slice(0, colon);
  const port = Number(address.slice(colon + 1));
  const ipv6 = BRACKETED_IPV6.exec(host);
  const service = SERVICE_HOST.exec(host);
  if (IPV4.test(host)) {
    return { peer: { ipBlock: { cidr: `${host}/32` } }, port };
  }
  if (ipv6) {
    return { peer: { ipBlock: { cidr: `${ipv6[1]}/128` } }, port };
  }
  if (service) {
    return { peer: { namespaceSelector: namespaceSelector(service[1]) }, port };
  }
  return { port };
}

/** Egress to the external Redis of GCS fault tolerance. */
function gcsRedis(redisAddress: string): PolicyDraft {
  const { peer, port } = redisDestination(redisAddress);
  return policy('gcs-redis', ALL_PODS, {
    egress: [{ ...destinations(peer ? [peer] : []), ports: [tcp(port)] }],
  });
}

function drafts(ctx: PlanContext): PolicyDraft[] {
  const redis = ctx.template.security.gcsFaultTolerance?.redisAddress;
  return [
    denyAll(),
    sameNamespace(),
    dns(),
    ...ingressController(ctx),
    apiServer(ctx),
    ...(ctx.isolation === 'vcluster' ? [vclusterCharts(ctx)] : []),
    ...(redis ? [gcsRedis(redis)] : []),
  ];
}

/** The tenant's NetworkPolicies, or none when the template turns them off. */
export function networkPolicies(ctx: PlanContext): NetworkPolicyManifest[] {
  if (!ctx.template.security.networkPolicy) {
    return [];
  }
  return drafts(ctx).map(draft => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(ctx, networkPolicyName(draft.purpose), ctx.namespace),
    spec: draft.spec,
  }));
}
