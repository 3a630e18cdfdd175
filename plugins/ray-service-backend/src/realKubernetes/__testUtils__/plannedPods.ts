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
  rayClusterRequestSchema,
  type ComputeProfile,
  type TemplateVersion,
} from '@ray-service/plugin-ray-service-common';
import semver from 'semver';
import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { parse } from 'yaml';
import { rayImage, type PlannedObject } from '../../planner';
import { planRayCluster } from '../../planner/workloads';
import { isRelease } from '../../reconciler/roles';
import { operatorReleaseName, vclusterReleaseName } from '../../vocabulary';

type Values = Record<string, any>;

/** A pod the tenant namespace will hold, and what it stands for. */
export interface PlannedPod {
  what: string;
  pod: V1Pod;
}

/** A release's Helm values, from a HelmRelease or a HelmChart. */
function valuesOf(release: PlannedObject): Values {
  const spec = (release as unknown as { spec: Values }).spec;
  return spec.values ?? (spec.valuesContent ? parse(spec.valuesContent) : {});
}

function pod(
  name: string,
  spec: {
    securityContext?: object;
    containers: V1Container[];
    initContainers?: V1Container[];
  } & Values,
): V1Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec };
}

/**
 * The KubeRay operator's pod as its chart's `templates/deployment.yaml`
 * (v1.7.0) renders it from the planned values: `podSecurityContext`,
 * `securityContext`, `resources`, `image`.
 */
function operatorPod(values: Values, version: string): V1Pod {
  return pod('kuberay-operator-test', {
    ...(values.podSecurityContext && {
      securityContext: values.podSecurityContext,
    }),
    containers: [
      {
        name: 'kuberay-operator',
        image: `${
          values.image?.repository ?? 'quay.io/kuberay/operator'
        }:v${version}`,
        ...(values.securityContext && {
          securityContext: values.securityContext,
        }),
        resources: values.resources,
      },
    ],
  });
}

/**
 * The pods of a vcluster's control plane on the host, as the chart's
 * `templates/statefulset.yaml` (v0.36.1) renders them: the `kubernetes`
 * init container (`controlPlane.distro.k8s.securityContext`), the
 * `syncer` (`controlPlane.statefulSet.security`); and CoreDNS, which the
 * vcluster deploys inside and syncs to the host with
 * `controlPlane.coredns.security`.
 */
function vclusterPods(values: Values): PlannedPod[] {
  const { statefulSet, distro, coredns } = values.controlPlane;
  return [
    {
      what: 'vcluster control plane',
      pod: pod('vcluster-test-0', {
        securityContext: statefulSet.security.podSecurityContext,
        initContainers: [
          {
            name: 'kubernetes',
            image: 'registry.k8s.io/kube-apiserver:v1.34.0',
            securityContext: distro.k8s.securityContext,
          },
        ],
        containers: [
          {
            name: 'syncer',
            image: 'ghcr.io/loft-sh/vcluster-oss:0.36.1',
            securityContext: statefulSet.security.containerSecurityContext,
            resources: statefulSet.resources,
          },
        ],
      }),
    },
    {
      what: 'vcluster CoreDNS',
      pod: pod('coredns-test', {
        securityContext: coredns.security.podSecurityContext,
        containers: [
          {
            name: 'coredns',
            image: 'coredns/coredns:1.12.1',
            securityContext: coredns.security.containerSecurityContext,
            resources: coredns.deployment.resources,
          },
        ],
      }),
    },
  ];
}

/**
 * The pods of a RayCluster the workload planner plans for the tenant (a
 * head, and a worker group per resource group of the profile, GPUs as it
 * offers them; autoscaling on), as KubeRay makes them from its pod
 * templates: the head with KubeRay's autoscaler container, which gets
 * `autoscalerOptions.securityContext`; one pod per worker group. Token
 * authentication where the versions have it.
 */
function rayPods(
  tenant: string,
  isolation: 'vcluster' | 'namespace',
  profile: ComputeProfile,
  template: TemplateVersion,
): PlannedPod[] {
  const workerGroups = profile.resources.map((group, i) => ({
    name: `group-${i}`,
    replicas: 1,
    cpu: group.cpu,
    memory: group.memory,
    ...(group.gpuModel &&
      group.gpuCount && { gpu: { model: group.gpuModel, count: 1 } }),
  }));
  const tokenAuth =
    semver.gte(template.kuberayVersion, '1.5.1') &&
    semver.gte(template.rayVersion, '2.52.0');
  const { spec } = planRayCluster(
    rayClusterRequestSchema.parse({
      name: 'train',
      spec: {
        head: { cpu: '1', memory: '4Gi' },
        workerGroups,
        autoscaling: { enabled: true },
        auth: tokenAuth ? 'token' : 'disabled',
      },
    }),
    {
      tenant: {
        name: tenant,
        key: tenant,
        isolation,
        namespace: `ray-${tenant}`,
      },
      profile,
      templateVersion: template,
      instance: 'default',
    },
  ) as unknown as { spec: Values };
  const asPod = (
    name: string,
    podTemplate: Values,
    extra: V1Container[] = [],
  ) => {
    const ray = pod(name, {
      ...podTemplate.spec,
      containers: [...podTemplate.spec.containers, ...extra],
    });
    ray.metadata!.annotations = podTemplate.metadata?.annotations;
    return ray;
  };
  const autoscaler: V1Container = {
    name: 'autoscaler',
    image: rayImage(template),
    securityContext: spec.autoscalerOptions.securityContext,
  };
  return [
    {
      what: 'Ray head',
      pod: asPod('ray-head', spec.headGroupSpec.template, [autoscaler]),
    },
    ...spec.workerGroupSpecs.map((group: Values) => ({
      what: `Ray worker ${group.groupName}`,
      pod: asPod(`ray-${group.groupName}`, group.template),
    })),
  ];
}

/**
 * Every pod a tenant's namespace will hold because of what the portal
 * plans: Ray pods; the KubeRay operator (its own release in namespace
 * isolation, synced from inside in vcluster isolation); the vcluster's
 * control plane and CoreDNS. Add-ons are their charts' business.
 */
export function plannedPods(input: {
  tenant: string;
  isolation: 'vcluster' | 'namespace';
  profile: ComputeProfile;
  template: TemplateVersion;
  plan: PlannedObject[];
}): PlannedPod[] {
  const releases = input.plan.filter(isRelease);
  const release = (name: string) =>
    releases.find(r => r.metadata.name === name);
  const version = input.template.kuberayVersion;
  const pods = rayPods(
    input.tenant,
    input.isolation,
    input.profile,
    input.template,
  );
  if (input.isolation === 'namespace') {
    const operator = release(operatorReleaseName(input.tenant))!;
    return [
      ...pods,
      {
        what: 'KubeRay operator',
        pod: operatorPod(valuesOf(operator), version),
      },
    ];
  }
  const values = valuesOf(release(vclusterReleaseName(input.tenant))!);
  const inside = values.experimental.deploy.vcluster.helm.find(
    (deploy: Values) => deploy.chart.name.endsWith('kuberay-operator'),
  );
  return [
    ...pods,
    ...vclusterPods(values),
    {
      what: 'KubeRay operator (synced from the vcluster)',
      pod: operatorPod(inside.values ? parse(inside.values) : {}, version),
    },
  ];
}
