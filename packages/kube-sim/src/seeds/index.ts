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

import { KubeObject, now } from '../util';
import {
  CERT_MANAGER_CRDS,
  CrdDescriptor,
  FLUX_CRDS,
  findConformanceDir,
  K3S_CRDS,
  loadCrd,
  LoadedCrd,
  RAY_CRDS,
  VOLCANO_CRDS,
} from './crds';

export type SeedName = 'empty' | 'well-equipped';
export type DeliveryController = 'flux' | 'k3s';

export interface SeedOptions {
  /** Folder with the upstream CRDs; `null` forces our minimal CRDs. */
  crdDir?: string | null;
  deliveryController?: DeliveryController;
  kubernetesVersion?: string;
}

export interface Seed {
  /** The folder the upstream CRDs were read from, if any. */
  crdDir?: string;
  crds: LoadedCrd[];
  /** Non-CRD objects in creation order (namespaces first). */
  objects: KubeObject[];
}

function ns(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

export function emptySeed(): Seed {
  return { crds: [], objects: [ns('default'), ns('kube-system')] };
}

/** The CRD kinds a seed installs. */
export function seedCrdDescriptors(
  seed: SeedName,
  deliveryController: DeliveryController = 'flux',
): CrdDescriptor[] {
  if (seed === 'empty') return [];
  return [
    ...VOLCANO_CRDS,
    ...(deliveryController === 'k3s' ? K3S_CRDS : FLUX_CRDS),
    ...RAY_CRDS,
    ...CERT_MANAGER_CRDS,
  ];
}

/** `{apiVersion, kind, resource, namespaced}` of every custom kind the seed serves. */
export function seedKinds(
  seed: SeedName = 'well-equipped',
  deliveryController: DeliveryController = 'flux',
): Array<{
  apiVersion: string;
  kind: string;
  resource: string;
  namespaced: boolean;
}> {
  return seedCrdDescriptors(seed, deliveryController).map(d => ({
    apiVersion: `${d.group}/${d.versions[0]}`,
    kind: d.kind,
    resource: d.plural,
    namespaced: d.scope === 'Namespaced',
  }));
}

export interface NodeSpecInput {
  name: string;
  cpu: string;
  memory: string;
  labels?: Record<string, string>;
  extraResources?: Record<string, string>;
  kubernetesVersion?: string;
  instanceType?: string;
  internalIP?: string;
}

/** A Ready node with capacity = allocatable. */
export function makeNode(input: NodeSpecInput): KubeObject {
  const resources: Record<string, string> = {
    cpu: input.cpu,
    memory: input.memory,
    pods: '110',
    'ephemeral-storage': '200Gi',
    ...(input.extraResources ?? {}),
  };
  const t = now();
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: input.name,
      labels: {
        'kubernetes.io/hostname': input.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'beta.kubernetes.io/arch': 'amd64',
        ...(input.instanceType
          ? { 'node.kubernetes.io/instance-type': input.instanceType }
          : {}),
        ...(input.labels ?? {}),
      },
    },
    spec: { podCIDR: '10.244.0.0/24' },
    status: {
      capacity: { ...resources },
      allocatable: { ...resources },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          lastHeartbeatTime: t,
          lastTransitionTime: t,
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          lastHeartbeatTime: t,
          lastTransitionTime: t,
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          lastHeartbeatTime: t,
          lastTransitionTime: t,
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
        },
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: t,
          lastTransitionTime: t,
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      addresses: [
        { type: 'InternalIP', address: input.internalIP ?? '10.0.0.10' },
        { type: 'Hostname', address: input.name },
      ],
      nodeInfo: {
        kubeletVersion: input.kubernetesVersion ?? 'v1.31.4',
        kubeProxyVersion: input.kubernetesVersion ?? 'v1.31.4',
        containerRuntimeVersion: 'containerd://1.7.22',
        osImage: 'Ubuntu 22.04.5 LTS',
        kernelVersion: '5.15.0-126-generic',
        operatingSystem: 'linux',
        architecture: 'amd64',
        machineID: '',
        systemUUID: '',
        bootID: '',
      },
    },
  };
}

/** The nodes of the well-equipped seed: CPU nodes, A100 and H100 GPU nodes (one of each partitioned with MIG). */
export function wellEquippedNodes(kubernetesVersion = 'v1.31.4'): KubeObject[] {
  const nodes: KubeObject[] = [];
  let ip = 10;
  const next = () => `10.0.0.${ip++}`;
  for (let i = 1; i <= 3; i++) {
    nodes.push(
      makeNode({
        name: `cpu-node-${i}`,
        cpu: '16',
        memory: '64Gi',
        instanceType: 'cpu-16x64',
        kubernetesVersion,
        internalIP: next(),
      }),
    );
  }
  const a100Labels = {
    'nvidia.com/gpu.present': 'true',
    'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB',
    'nvidia.com/gpu.count': '8',
    'nvidia.com/gpu.memory': '40960',
    'nvidia.com/gpu.family': 'ampere',
    'nvidia.com/mig.capable': 'true',
  };
  nodes.push(
    makeNode({
      name: 'gpu-a100-node-1',
      cpu: '96',
      memory: '1152Gi',
      instanceType: 'gpu-8xa100-40gb',
      kubernetesVersion,
      internalIP: next(),
      labels: { ...a100Labels, 'nvidia.com/mig.strategy': 'single' },
      extraResources: { 'nvidia.com/gpu': '8' },
    }),
  );
  nodes.push(
    makeNode({
      name: 'gpu-a100-mig-node-1',
      cpu: '96',
      memory: '1152Gi',
      instanceType: 'gpu-8xa100-40gb',
      kubernetesVersion,
      internalIP: next(),
      labels: {
        ...a100Labels,
        'nvidia.com/mig.strategy': 'mixed',
        'nvidia.com/mig.config': 'all-1g.5gb',
        'nvidia.com/mig.config.state': 'success',
        'nvidia.com/mig-1g.5gb.count': '56',
        'nvidia.com/mig-1g.5gb.memory': '4864',
      },
      extraResources: { 'nvidia.com/mig-1g.5gb': '56' },
    }),
  );
  nodes.push(
    makeNode({
      name: 'gpu-h100-mig-node-1',
      cpu: '192',
      memory: '2048Gi',
      instanceType: 'gpu-8xh100-80gb',
      kubernetesVersion,
      internalIP: next(),
      labels: {
        'nvidia.com/gpu.present': 'true',
        'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3',
        'nvidia.com/gpu.count': '8',
        'nvidia.com/gpu.memory': '81559',
        'nvidia.com/gpu.family': 'hopper',
        'nvidia.com/mig.capable': 'true',
        'nvidia.com/mig.strategy': 'mixed',
        'nvidia.com/mig.config': 'all-balanced',
        'nvidia.com/mig.config.state': 'success',
        'nvidia.com/mig-1g.10gb.count': '28',
        'nvidia.com/mig-1g.10gb.memory': '9856',
        'nvidia.com/mig-3g.40gb.count': '4',
        'nvidia.com/mig-3g.40gb.memory': '40192',
      },
      extraResources: {
        'nvidia.com/mig-1g.10gb': '28',
        'nvidia.com/mig-3g.40gb': '4',
      },
    }),
  );
  nodes.push(
    makeNode({
      name: 'gpu-h100-node-1',
      cpu: '96',
      memory: '1024Gi',
      instanceType: 'gpu-4xh100-80gb',
      kubernetesVersion,
      internalIP: next(),
      labels: {
        'nvidia.com/gpu.present': 'true',
        'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3',
        'nvidia.com/gpu.count': '4',
        'nvidia.com/gpu.memory': '81559',
        'nvidia.com/gpu.family': 'hopper',
        'nvidia.com/mig.capable': 'true',
        'nvidia.com/mig.strategy': 'none',
      },
      extraResources: { 'nvidia.com/gpu': '4' },
    }),
  );
  return nodes;
}

/**
 * The "well-equipped" host: Volcano, a Helm delivery controller (Flux, or k3s's HelmChart),
 * KubeRay CRDs, cert-manager with a ClusterIssuer, a default IngressClass and StorageClass,
 * and CPU/GPU nodes. Upstream CRDs come from `crdDir` (default: ../shared/conformance found
 * from the working directory); without it, minimal CRDs that accept any fields are used.
 */
export function wellEquippedSeed(options: SeedOptions = {}): Seed {
  const crdDir =
    options.crdDir === null
      ? undefined
      : options.crdDir ?? findConformanceDir();
  const delivery = options.deliveryController ?? 'flux';
  const crds = seedCrdDescriptors('well-equipped', delivery).map(d =>
    loadCrd(d, crdDir),
  );
  const t = now();
  const objects: KubeObject[] = [
    ...emptySeed().objects,
    ns('kube-public'),
    ns('volcano-system'),
    ns('cert-manager'),
    ns('ingress-nginx'),
    ...(delivery === 'flux' ? [ns('flux-system')] : []),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        name: 'nginx',
        annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
        labels: {
          'app.kubernetes.io/name': 'ingress-nginx',
          'app.kubernetes.io/component': 'controller',
        },
      },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'standard',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: { name: 'ray-service-ca', namespace: 'cert-manager' },
      data: {
        'tls.crt': Buffer.from(
          '-----BEGIN CERTIFICATE-----\nkube-sim simulated CA\n-----END CERTIFICATE-----\n',
        ).toString('base64'),
        'tls.key': Buffer.from(
          '-----BEGIN PRIVATE KEY-----\nkube-sim simulated CA key\n-----END PRIVATE KEY-----\n',
        ).toString('base64'),
      },
    },
    {
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name: 'ray-service-ca' },
      spec: { ca: { secretName: 'ray-service-ca' } },
      status: {
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            lastTransitionTime: t,
            observedGeneration: 1,
            reason: 'KeyPairVerified',
            message: 'Signing CA verified',
          },
        ],
      },
    },
    {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'system-cluster-critical' },
      value: 2000000000,
      globalDefault: false,
      description:
        'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
    },
    ...wellEquippedNodes(options.kubernetesVersion),
  ];
  return { crdDir, crds, objects };
}

/** The ray.io CRDs (upstream if available) for a vcluster that deploys kuberay-operator. */
export function rayCrds(crdDir: string | undefined): KubeObject[] {
  return RAY_CRDS.map(d => loadCrd(d, crdDir).crd);
}

export { findConformanceDir, loadCrdFile, minimalCrd } from './crds';
export type { CrdDescriptor, LoadedCrd } from './crds';
