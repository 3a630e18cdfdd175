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

import { planInput, PROFILES, TEMPLATES } from './__testUtils__/fixtures';
import { tenantIngressSettings } from './ingress';
import { plan } from './plan';

describe('summary', () => {
  it('describes a vcluster tenant', () => {
    const { summary } = plan(
      planInput({ isolation: 'vcluster', delivery: 'flux' }),
    );
    expect(summary).toEqual([
      'Namespace ray-alpha (pod security baseline)',
      'Quota: 32 CPU, 128Gi memory, 500Gi storage, 14 × nvidia.com/mig-1g.5gb, plus 320m CPU, 1088Mi memory, 5Gi storage for the vcluster control plane, vcluster CoreDNS, KubeRay operator',
      'Container defaults: 250m CPU/512Mi requested and limit; at most 32 CPU/128Gi per container',
      'Volcano queue ray-alpha (weight 1, not reclaimable)',
      'vcluster 0.36.1 via Flux HelmRelease with KubeRay 1.7.0',
      'Add-on jupyterlab (jupyterhub 4.3.1) inside the vcluster, namespace jupyterlab',
      '6 NetworkPolicies: deny-all, same-namespace, dns, ingress-controller, api-server, vcluster-charts',
      'API server addresses unknown: egress on 443/6443 to any address and no ingress from the API server; set the host cluster’s apiServerCidrs',
      'TLS: dashboard Ingresses carry cert-manager.io/cluster-issuer: letsencrypt',
    ]);
  });

  it('describes an air-gapped namespace tenant', () => {
    const { summary } = plan(
      planInput({
        isolation: 'namespace',
        delivery: 'helmChart',
        profile: PROFILES.small,
        template: TEMPLATES.airGapped,
        host: { apiServerCidrs: ['10.0.0.1/32'], clusterIssuer: undefined },
      }),
    );
    expect(summary).toEqual([
      'Namespace ray-alpha (pod security baseline)',
      'Quota: 8 CPU, 32Gi memory, 100Gi storage, plus 100m CPU, 512Mi memory for the KubeRay operator',
      'Container defaults: 250m CPU/512Mi requested and limit; at most 8 CPU/32Gi per container',
      'Volcano queue ray-alpha (weight 1, not reclaimable)',
      'KubeRay 1.7.0 operator (namespace-scoped) via RKE2/k3s HelmChart',
      'Add-on mlflow (mlflow 1.2.3) via RKE2/k3s HelmChart',
      '6 NetworkPolicies: deny-all, same-namespace, dns, ingress-controller, api-server, gcs-redis',
      'Images from registry.internal.example.com:5000/mirror; KubeRay chart from oci://registry.internal.example.com:5000/mirror/charts',
      'GCS fault tolerance with Redis at redis.ray-system.svc:6379 (password: Secret ray-gcs-redis, key password)',
      'TLS requested, but the host cluster names no ClusterIssuer',
    ]);
  });

  it('says where the vcluster API is exposed through the ingress controller', () => {
    const { summary } = plan(
      planInput({
        isolation: 'vcluster',
        delivery: 'flux',
        host: { vclusterApiExposure: 'ingress' },
      }),
    );
    expect(summary).toContain(
      'vcluster API exposed at https://vc-alpha.ray.example.com through the ingress controller (SSL passthrough)',
    );
    expect(summary).toContain(
      '7 NetworkPolicies: deny-all, same-namespace, dns, ingress-controller, ingress-controller-vcluster-api, api-server, vcluster-charts',
    );
    expect(
      plan(planInput({ isolation: 'vcluster', delivery: 'flux' })).summary.join(
        '\n',
      ),
    ).not.toMatch(/vcluster API exposed/);
  });

  it('says when there are no network policies', () => {
    const { summary } = plan(
      planInput({
        isolation: 'namespace',
        delivery: 'flux',
        template: TEMPLATES.noNetworkPolicy,
      }),
    );
    expect(summary).toContain(
      'No NetworkPolicies (the template turns them off)',
    );
  });
});

describe('tenantIngressSettings', () => {
  it('gives dashboard Ingresses their host, class and ClusterIssuer', () => {
    expect(
      tenantIngressSettings(
        planInput({ isolation: 'vcluster', delivery: 'flux' }),
      ),
    ).toEqual({
      ingressClassName: 'nginx',
      host: 'alpha.ray.example.com',
      annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
      tlsSecretName: 'alpha-dashboard-tls',
    });
  });

  it('has no TLS without TLS in the template or without a base domain', () => {
    expect(
      tenantIngressSettings(
        planInput({
          isolation: 'vcluster',
          delivery: 'flux',
          template: TEMPLATES.noNetworkPolicy,
        }),
      ),
    ).toEqual({
      ingressClassName: 'nginx',
      host: 'alpha.ray.example.com',
      annotations: {},
    });
    expect(
      tenantIngressSettings(
        planInput({
          isolation: 'vcluster',
          delivery: 'flux',
          host: { baseDomain: undefined, ingressClassName: 'traefik' },
        }),
      ),
    ).toEqual({ ingressClassName: 'traefik', annotations: {} });
  });
});
