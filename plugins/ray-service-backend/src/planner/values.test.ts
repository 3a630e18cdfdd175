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

import {
  restrictedContainer,
  restrictedPod,
  VCLUSTER_USER,
} from './podSecurity';
import { parse } from 'yaml';
import { planInput, TEMPLATES } from './__testUtils__/fixtures';
import { planObjects, single, valuesOf } from './__testUtils__/objects';
import { PORTAL_SERVICE_ACCOUNT } from './portalAccess';
import {
  KUBERAY_OPERATOR,
  VCLUSTER_CONTROL_PLANE,
  VCLUSTER_COREDNS,
} from './systemComponents';

function vclusterValues(template = TEMPLATES.standard, host = {}) {
  const objects = planObjects(
    planInput({ isolation: 'vcluster', delivery: 'flux', template, host }),
  );
  return valuesOf(single(objects, 'HelmRelease', 'ray-alpha-vcluster'));
}

/** The KubeRay chart's 1.7.0 defaults, made explicit for every version. */
const OPERATOR_SECURITY = {
  podSecurityContext: restrictedPod(),
  securityContext: restrictedContainer(undefined, {
    readOnlyRootFilesystem: true,
  }),
};

describe('vcluster values', () => {
  it('sync ingresses and network policies to the host', () => {
    expect(vclusterValues().sync.toHost).toEqual({
      ingresses: { enabled: true },
      networkPolicies: { enabled: true },
    });
  });

  it('export a least-privilege kubeconfig reachable inside the host cluster', () => {
    expect(vclusterValues().exportKubeConfig).toEqual({
      server: 'https://ray-alpha-vcluster.ray-alpha.svc:443',
      serviceAccount: {
        name: 'ray-service-portal',
        namespace: 'kube-system',
        clusterRole: 'ray-service-portal',
      },
    });
  });

  it('expose no API Ingress by default (clusterDns)', () => {
    const { controlPlane } = vclusterValues();
    expect(controlPlane.ingress).toBeUndefined();
    expect(controlPlane.proxy).toBeUndefined();
  });

  describe('with vclusterApiExposure: ingress', () => {
    const values = () =>
      vclusterValues(TEMPLATES.standard, {
        vclusterApiExposure: 'ingress',
        ingressClassName: 'public-nginx',
      });

    it('expose the API at vc-<tenant>.<baseDomain> with SSL passthrough', () => {
      expect(values().controlPlane.ingress).toEqual({
        enabled: true,
        host: 'vc-alpha.ray.example.com',
        spec: { ingressClassName: 'public-nginx' },
        annotations: {
          'nginx.ingress.kubernetes.io/ssl-passthrough': 'true',
          'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS',
        },
      });
    });

    it('sign the API certificate for that host and export it in the kubeconfig', () => {
      const { controlPlane, exportKubeConfig } = values();
      expect(controlPlane.proxy).toEqual({
        extraSANs: ['vc-alpha.ray.example.com'],
      });
      expect(exportKubeConfig).toEqual({
        server: 'https://vc-alpha.ray.example.com',
        serviceAccount: {
          name: 'ray-service-portal',
          namespace: 'kube-system',
          clusterRole: 'ray-service-portal',
        },
      });
    });

    it('keep the rest of the control plane values', () => {
      const { controlPlane } = values();
      expect(controlPlane.statefulSet).toEqual(
        vclusterValues().controlPlane.statefulSet,
      );
      expect(controlPlane.coredns).toEqual(
        vclusterValues().controlPlane.coredns,
      );
    });
  });

  it('create the portal’s ClusterRole inside the vcluster, without wildcards', () => {
    const role = parse(vclusterValues().experimental.deploy.vcluster.manifests);
    expect(role).toMatchObject({
      kind: 'ClusterRole',
      metadata: { name: PORTAL_SERVICE_ACCOUNT.clusterRole },
    });
    const rules: any[] = role.rules;
    expect(
      rules.flatMap(r => [...r.verbs, ...r.resources, ...r.apiGroups]),
    ).not.toContain('*');
    expect(rules).toContainEqual(
      expect.objectContaining({
        apiGroups: ['ray.io'],
        resources: expect.arrayContaining([
          'rayclusters',
          'rayjobs',
          'rayservices',
        ]),
      }),
    );
  });

  it('install KubeRay and the add-ons inside the vcluster', () => {
    const [operator, jupyter] =
      vclusterValues().experimental.deploy.vcluster.helm;
    expect(operator).toMatchObject({
      chart: {
        name: 'kuberay-operator',
        repo: 'https://ray-project.github.io/kuberay-helm/',
        version: '1.7.0',
      },
      release: { name: 'kuberay-operator', namespace: 'kuberay-system' },
    });
    // No batch scheduler inside: the host's Volcano would never see its PodGroups.
    expect(parse(operator.values)).toEqual({
      resources: KUBERAY_OPERATOR.resources,
      ...OPERATOR_SECURITY,
    });
    expect(jupyter).toMatchObject({
      chart: {
        name: 'jupyterhub',
        repo: 'https://jupyterhub.github.io/helm-chart',
        version: '4.3.1',
      },
      release: { name: 'jupyterlab', namespace: 'jupyterlab' },
    });
    expect(parse(jupyter.values)).toEqual({
      singleuser: { defaultUrl: '/lab' },
    });
  });

  it('leave quota, limits and network policies to the host namespace', () => {
    expect(vclusterValues().policies).toEqual({
      podSecurityStandard: 'baseline',
      resourceQuota: { enabled: false },
      limitRange: { enabled: false },
      networkPolicy: { enabled: false },
    });
  });

  it('size the control plane as the quota expects', () => {
    const { controlPlane } = vclusterValues(TEMPLATES.standard, {
      storageClassName: 'nvme',
    });
    expect(controlPlane.statefulSet).toEqual({
      resources: VCLUSTER_CONTROL_PLANE.resources,
      persistence: { volumeClaim: { size: '5Gi', storageClass: 'nvme' } },
      security: {
        podSecurityContext: restrictedPod(VCLUSTER_USER),
        containerSecurityContext: restrictedContainer(VCLUSTER_USER),
      },
    });
    expect(controlPlane.coredns.deployment.resources).toEqual(
      VCLUSTER_COREDNS.resources,
    );
  });

  it('run the control plane, its init container and CoreDNS as restricted pods', () => {
    const { controlPlane } = vclusterValues();
    expect(controlPlane.distro.k8s.securityContext).toEqual(
      restrictedContainer(VCLUSTER_USER),
    );
    expect(controlPlane.coredns.security.podSecurityContext).toEqual(
      restrictedPod(),
    );
    expect(
      controlPlane.coredns.security.containerSecurityContext,
    ).toMatchObject({ ...restrictedContainer(), readOnlyRootFilesystem: true });
  });

  it('enforce the namespace’s pod security level inside the vcluster too', () => {
    expect(vclusterValues(TEMPLATES.bare).policies.podSecurityStandard).toBe(
      'restricted',
    );
  });

  it('use no vCluster Pro feature (patches, custom resource sync)', () => {
    const text = JSON.stringify(vclusterValues(TEMPLATES.airGapped));
    expect(text).not.toMatch(/"patches"|"customResources"|"hybridScheduling"/);
  });
});

describe('namespace-scoped KubeRay operator', () => {
  const objects = planObjects(
    planInput({
      isolation: 'namespace',
      delivery: 'flux',
      template: TEMPLATES.bare,
    }),
  );
  const release = single(objects, 'HelmRelease', 'ray-alpha-kuberay-operator');

  it('watches only the tenant namespace, with namespaced RBAC and Volcano', () => {
    expect(valuesOf(release)).toEqual({
      singleNamespaceInstall: true,
      watchNamespace: ['ray-alpha'],
      rbacEnable: true,
      crNamespacedRbacEnable: true,
      batchScheduler: { name: 'volcano' },
      resources: KUBERAY_OPERATOR.resources,
      ...OPERATOR_SECURITY,
    });
  });

  it('leaves the pre-installed CRDs alone', () => {
    expect(release.spec.install.crds).toBe('Skip');
    expect(release.spec.upgrade.crds).toBe('Skip');
  });

  it('installs into the tenant namespace', () => {
    expect(release.spec).toMatchObject({
      releaseName: 'ray-alpha-kuberay-operator',
      targetNamespace: 'ray-alpha',
      storageNamespace: 'ray-alpha',
    });
  });
});

describe('add-ons in namespace mode', () => {
  it('are releases of their own in the tenant namespace', () => {
    const objects = planObjects(
      planInput({ isolation: 'namespace', delivery: 'helmChart' }),
    );
    const addon = single(objects, 'HelmChart', 'ray-alpha-addon-jupyterlab');
    expect(addon.spec).toMatchObject({
      repo: 'https://jupyterhub.github.io/helm-chart',
      chart: 'jupyterhub',
      version: '4.3.1',
      targetNamespace: 'ray-alpha',
    });
    expect(valuesOf(addon)).toEqual({ singleuser: { defaultUrl: '/lab' } });
  });
});
