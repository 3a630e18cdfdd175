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

import type { IsolationMode } from '@ray-service/plugin-ray-service-common';
import {
  planInput,
  storedTemplateVersion,
  TEMPLATES,
} from './__testUtils__/fixtures';
import { ofKind, planObjects, single } from './__testUtils__/objects';
import { redisDestination } from './networkPolicies';
import type { HostClusterInput } from './types';

function policies(
  isolation: IsolationMode,
  template = TEMPLATES.standard,
  host: Partial<HostClusterInput> = {},
) {
  return ofKind(
    planObjects(planInput({ isolation, delivery: 'flux', template, host })),
    'NetworkPolicy',
  );
}

function names(list: any[]): string[] {
  return list.map(p => p.metadata.name);
}

function byName(list: any[], name: string): any {
  return list.find(p => p.metadata.name === `ray-service-${name}`);
}

describe('NetworkPolicies', () => {
  it('are left out when the template turns them off', () => {
    expect(policies('vcluster', TEMPLATES.noNetworkPolicy)).toEqual([]);
    expect(policies('namespace', TEMPLATES.noNetworkPolicy)).toEqual([]);
  });

  it('deny everything, then allow exactly the flows a tenant needs', () => {
    expect(names(policies('vcluster'))).toEqual([
      'ray-service-deny-all',
      'ray-service-same-namespace',
      'ray-service-dns',
      'ray-service-ingress-controller',
      'ray-service-api-server',
      'ray-service-vcluster-charts',
    ]);
    expect(names(policies('namespace', TEMPLATES.airGapped))).toEqual([
      'ray-service-deny-all',
      'ray-service-same-namespace',
      'ray-service-dns',
      'ray-service-ingress-controller',
      'ray-service-api-server',
      'ray-service-gcs-redis',
    ]);
  });

  it('deny all traffic in both directions by default', () => {
    expect(byName(policies('namespace'), 'deny-all').spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [],
      egress: [],
    });
  });

  it('let the ingress controller reach the dashboard and Serve only', () => {
    const list = policies('vcluster', TEMPLATES.standard, {
      ingressControllerNamespace: 'traefik',
    });
    expect(byName(list, 'ingress-controller').spec.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: {
              matchLabels: { 'kubernetes.io/metadata.name': 'traefik' },
            },
          },
        ],
        ports: [
          { protocol: 'TCP', port: 8265 },
          { protocol: 'TCP', port: 8000 },
        ],
      },
    ]);
  });

  describe('with vclusterApiExposure: ingress', () => {
    const host: Partial<HostClusterInput> = {
      vclusterApiExposure: 'ingress',
      ingressControllerNamespace: 'traefik',
    };

    it('let the ingress controller reach the vcluster control plane on 8443 only', () => {
      const list = policies('vcluster', TEMPLATES.standard, host);
      expect(names(list)).toEqual([
        'ray-service-deny-all',
        'ray-service-same-namespace',
        'ray-service-dns',
        'ray-service-ingress-controller',
        'ray-service-ingress-controller-vcluster-api',
        'ray-service-api-server',
        'ray-service-vcluster-charts',
      ]);
      expect(byName(list, 'ingress-controller-vcluster-api').spec).toEqual({
        podSelector: {
          matchLabels: { app: 'vcluster', release: 'ray-alpha-vcluster' },
        },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': 'traefik' },
                },
              },
            ],
            ports: [{ protocol: 'TCP', port: 8443 }],
          },
        ],
      });
      // The dashboard/Serve rule is unchanged.
      expect(byName(list, 'ingress-controller')).toEqual(
        byName(
          policies('vcluster', TEMPLATES.standard, {
            ingressControllerNamespace: 'traefik',
          }),
          'ingress-controller',
        ),
      );
    });

    it('open 8443 to the ingress controller in no other mode', () => {
      const ports = (list: any[]) =>
        list
          .filter(p =>
            p.spec.ingress?.some((rule: any) =>
              rule.from?.some((peer: any) => peer.namespaceSelector),
            ),
          )
          .flatMap(p => p.spec.ingress.flatMap((rule: any) => rule.ports))
          .map((port: any) => port.port);
      expect(ports(policies('vcluster'))).not.toContain(8443);
      expect(
        ports(
          policies('vcluster', TEMPLATES.standard, {
            vclusterApiExposure: 'clusterDns',
          }),
        ),
      ).not.toContain(8443);
      // Namespace tenants have no vcluster API to expose.
      expect(
        ports(policies('namespace', TEMPLATES.standard, host)),
      ).not.toContain(8443);
      expect(ports(policies('vcluster', TEMPLATES.standard, host))).toContain(
        8443,
      );
    });
  });

  it('allow DNS to the cluster DNS only', () => {
    const [rule] = byName(policies('namespace'), 'dns').spec.egress;
    expect(rule.to).toEqual([
      {
        namespaceSelector: {
          matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
        },
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      },
    ]);
    expect(rule.ports).toEqual([
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ]);
  });

  describe('API server', () => {
    it('is reached by the vcluster control plane only (vcluster mode)', () => {
      const policy = byName(policies('vcluster'), 'api-server');
      expect(policy.spec.podSelector).toEqual({
        matchLabels: { app: 'vcluster', release: 'ray-alpha-vcluster' },
      });
    });

    it('without known addresses: egress on 443/6443 anywhere, no ingress', () => {
      const { spec } = byName(policies('namespace'), 'api-server');
      expect(spec.policyTypes).toEqual(['Egress']);
      expect(spec.egress).toEqual([
        {
          ports: [
            { protocol: 'TCP', port: 443 },
            { protocol: 'TCP', port: 6443 },
          ],
        },
      ]);
    });

    it.each<[IsolationMode, number]>([
      ['vcluster', 8443],
      ['namespace', 8265],
    ])(
      'with apiServerCidrs (%s): both directions limited to them, proxy port %d',
      (isolation, proxied) => {
        const { spec } = byName(
          policies(isolation, TEMPLATES.standard, {
            apiServerCidrs: ['10.0.0.12/32', '10.0.0.10/32'],
          }),
          'api-server',
        );
        const cidrs = [
          { ipBlock: { cidr: '10.0.0.10/32' } },
          { ipBlock: { cidr: '10.0.0.12/32' } },
        ];
        expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
        expect(spec.ingress).toEqual([
          { from: cidrs, ports: [{ protocol: 'TCP', port: proxied }] },
        ]);
        expect(spec.egress[0].to).toEqual(cidrs);
      },
    );
  });

  it('let the vcluster control plane download charts from their repositories’ ports', () => {
    const template = storedTemplateVersion({
      ...TEMPLATES.standard,
      addons: [
        ...TEMPLATES.standard.addons,
        {
          name: 'mlflow',
          chart: {
            repository: 'oci://charts.internal:8443/ml',
            name: 'mlflow',
            version: '1.0.0',
          },
        },
      ],
    });
    const { spec } = byName(policies('vcluster', template), 'vcluster-charts');
    expect(spec.egress).toEqual([
      {
        ports: [
          { protocol: 'TCP', port: 443 },
          { protocol: 'TCP', port: 8443 },
        ],
      },
    ]);
  });

  describe('GCS fault tolerance', () => {
    function redisPolicy(redisAddress: string) {
      const template = storedTemplateVersion({
        ...TEMPLATES.airGapped,
        security: {
          ...TEMPLATES.airGapped.security,
          gcsFaultTolerance: {
            redisAddress,
            passwordSecretRef: { name: 'redis', key: 'password' },
          },
        },
      });
      return byName(policies('namespace', template), 'gcs-redis');
    }

    it('opens egress to the Redis port of the template', () => {
      expect(redisPolicy('redis.example.com:6380').spec.egress).toEqual([
        { ports: [{ protocol: 'TCP', port: 6380 }] },
      ]);
    });

    it('narrows the destination when the address says where Redis is', () => {
      expect(
        redisPolicy('redis.ray-system.svc:6379').spec.egress[0].to,
      ).toEqual([
        {
          namespaceSelector: {
            matchLabels: { 'kubernetes.io/metadata.name': 'ray-system' },
          },
        },
      ]);
      expect(redisPolicy('10.1.2.3:7000').spec.egress).toEqual([
        {
          to: [{ ipBlock: { cidr: '10.1.2.3/32' } }],
          ports: [{ protocol: 'TCP', port: 7000 }],
        },
      ]);
    });

    it('is absent without GCS fault tolerance', () => {
      expect(
        byName(policies('namespace', TEMPLATES.bare), 'gcs-redis'),
      ).toBeUndefined();
    });
  });

  it('reads Redis addresses of every form', () => {
    expect(redisDestination('[fd00::1]:6379')).toEqual({
      peer: { ipBlock: { cidr: 'fd00::1/128' } },
      port: 6379,
    });
    expect(redisDestination('redis.data.svc.cluster.local:6379').peer).toEqual({
      namespaceSelector: {
        matchLabels: { 'kubernetes.io/metadata.name': 'data' },
      },
    });
    expect(redisDestination('redis.data:6379')).toEqual({ port: 6379 });
  });

  it('live in the tenant namespace', () => {
    const objects = planObjects(
      planInput({ isolation: 'vcluster', delivery: 'helmChart' }),
    );
    for (const policy of ofKind(objects, 'NetworkPolicy')) {
      expect(policy.metadata.namespace).toBe(
        single(objects, 'Namespace').metadata.name,
      );
    }
  });
});
